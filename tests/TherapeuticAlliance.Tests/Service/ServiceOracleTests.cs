using System.Globalization;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Service;

namespace TherapeuticAlliance.Tests.Service;

/// <summary>Issue 30: the service view's numbers match lme4 (shares of variance and their profile intervals, variance components for dependability) and the published definitions (effect size, Jacobson–Truax categories, recovery, severity adjustment), on the shared multilevel oracle's caseload.</summary>
public sealed class ServiceOracleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel");

    private static Dictionary<string, double> Expected(string model) =>
        File.ReadLines(Path.Combine(Folder, "service-expected.csv")).Skip(1)
            .Where(l => l.StartsWith(model + ",", StringComparison.Ordinal))
            .ToDictionary(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..l.LastIndexOf(',')], l => double.Parse(l[(l.LastIndexOf(',') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>The oracle's 1,521 episodes: intake = first ORS, final = last ORS, alliance = mean SRS of sessions 1–3 (one rating each here).</summary>
    internal static IReadOnlyList<ServiceEpisode> Episodes(bool sites) =>
        File.ReadLines(Path.Combine(Folder, "episodes.csv")).Skip(1).Select(l => l.Split(',')).Select(r => new ServiceEpisode(
            r[2], r[1], sites ? r[0] : null, Number(r[4]), Number(r[5]), int.Parse(r[3], CultureInfo.InvariantCulture), null, 1, Number(r[6]))).ToList();

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static void Near(double expected, double actual, double relative = 1e-5) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(Math.Abs(expected), 1e-3), $"expected {expected:R}, got {actual:R}");

    [Theory]
    [InlineData("s1_therapist_outcome", false, ServiceMeasure.Outcome)]
    [InlineData("s2_site_therapist_outcome", true, ServiceMeasure.Outcome)]
    [InlineData("s3_therapist_alliance", false, ServiceMeasure.Alliance)]
    public void VarianceShares_AndTheirProfileIntervals_MatchLme4(string model, bool sites, ServiceMeasure measure)
    {
        Dictionary<string, double> expected = Expected(model);
        TherapistEffectsAnalysis analysis = TherapistEffects.Estimate(Episodes(sites), measure).GetValueOrThrow();
        Assert.Equal(sites ? 2 : 1, analysis.Shares.Length);
        foreach (VarianceShare share in analysis.Shares)
        {
            Near(expected[$"icc[{share.Group}]"], share.Share);
            Near(expected[$"var[{share.Group}]"], analysis.Fit.VarianceComponents.Single(c => c.Group == share.Group).Variance);
            Assert.Equal(0.95, share.Level);
            // The bounds are roots of the profile; lme4's criterion and ours agree to about 1e-7, so the roots to 1e-5.
            double low = expected[$"icc_low[{share.Group}]"];
            Assert.True(low == 0 ? share.Lower == 0 : Math.Abs(low - share.Lower) <= 1e-5 * low, $"{share.Group} lower: expected {low:R}, got {share.Lower:R}");
            Near(expected[$"icc_high[{share.Group}]"], share.Upper);
            Assert.True(share.Lower <= share.Share && share.Share <= share.Upper);
        }

        Near(expected["sigma2"], analysis.Fit.ResidualVariance);
        Assert.Equal(1521, analysis.Episodes);
        Assert.Equal(48, analysis.Therapists.Length);
    }

    [Fact]
    public void TheIntervalOfAShare_IsTheProfileLikelihoodInterval_OnTheFitsOwnCriterion()
    {
        // The criterion at each bound is the minimum plus the chi-square quantile (re-derived here from the fit alone).
        MixedModelFit fit = TherapistEffects.Estimate(Episodes(false), ServiceMeasure.Outcome).GetValueOrThrow().Fit;
        ProfileInterval at95 = fit.IntraclassCorrelationInterval("therapist");
        ProfileInterval at80 = fit.IntraclassCorrelationInterval("therapist", 0.80);
        Assert.Equal("icc|therapist", at95.Parameter);
        Assert.True(at95.Lower < at80.Lower && at80.Upper < at95.Upper, "a wider level gives a wider interval");
        Assert.Throws<ArgumentException>(() => fit.IntraclassCorrelationInterval("site"));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.IntraclassCorrelationInterval("therapist", 1));
    }

    [Fact]
    public void Benchmarks_MatchThePublishedDefinitions()
    {
        Dictionary<string, double> expected = Expected("b1_caseload");
        // A minimum of 2 people, so the small caseload of T0302 (6 clients) is computed; the default policy withholds it (tested apart).
        var rows = ServiceBenchmarks.Compute(Episodes(true), new ServiceOptions { Policy = DisclosurePolicy.Default with { MinimumPeople = 2 } });
        ServiceBenchmark all = rows[0];
        Assert.Equal(ServiceGrouping.Caseload, all.Grouping);
        Assert.Equal("all", all.Group);
        Assert.Equal(1521, all.Episodes);
        Assert.Equal(1521, all.Paired);
        Near(expected["effect_size"], all.EffectSize!.Value, 1e-12);
        Near(expected["effect_size_low"], all.EffectSizeLow!.Value, 1e-12);
        Near(expected["effect_size_high"], all.EffectSizeHigh!.Value, 1e-12);
        Near(expected["reliable_improvement"], all.ReliableImprovement!.Value, 1e-12);
        Near(expected["reliable_deterioration"], all.ReliableDeterioration!.Value, 1e-12);
        Near(expected["recovery"], all.Recovery!.Value, 1e-12);
        Near(expected["reliable_recovery"], all.ReliableRecovery!.Value, 1e-12);
        Near(expected["alliance_mean"], all.AllianceMean!.Value, 1e-12);
        Assert.Equal(1.0, all.Completeness);
        // The caseload's severity-adjusted effect size is its plain one (residuals average 0); a therapist's differs by case mix.
        Near(all.EffectSize!.Value, all.SeverityAdjustedEffectSize!.Value, 1e-12);
        foreach (string therapist in new[] { "T0101", "T0302" })
        {
            ServiceBenchmark row = rows.Single(r => r.Grouping == ServiceGrouping.Therapist && r.Group == therapist);
            Near(expected[$"saes[{therapist}]"], row.SeverityAdjustedEffectSize!.Value, 1e-10);
            Near(expected[$"effect_size[{therapist}]"], row.EffectSize!.Value, 1e-10);
        }

        Assert.Equal(6, rows.Count(r => r.Grouping == ServiceGrouping.Site));
        Assert.Equal(48, rows.Count(r => r.Grouping == ServiceGrouping.Therapist));
        Assert.Empty(rows.Where(r => r.Grouping == ServiceGrouping.Month));   // the oracle has no dates
    }

    [Fact]
    public void Dependability_FromEachClientsCountMeanAndSumOfSquares_MatchesLme4OnTheSessions()
    {
        // m7 of the shared oracle: srs ~ 1 + (1 | therapist/client) on 15,221 sessions, summarised per client first.
        string[][] sessions = File.ReadLines(Path.Combine(Folder, "sessions.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var episodes = sessions.GroupBy(r => (Therapist: r[1], Client: r[2])).Select(g =>
        {
            double[] srs = g.Select(r => Number(r[4])).ToArray();
            double mean = srs.Average();
            return new ServiceEpisode(g.Key.Client, g.Key.Therapist, null, null, null, 0, null, srs.Length, mean, srs.Sum(v => (v - mean) * (v - mean)));
        }).ToList();
        AllianceDependability d = AllianceDependability.Estimate(episodes).GetValueOrThrow();
        Dictionary<string, double> m7 = File.ReadLines(Path.Combine(Folder, "multilevel-expected.csv")).Skip(1)
            .Where(l => l.StartsWith("m7_alliance_components_reml,", StringComparison.Ordinal))
            .ToDictionary(l => l.Split(',')[1], l => Number(l.Split(',')[2]), StringComparer.Ordinal);
        Near(m7["var[therapist:(Intercept)]"], d.TherapistVariance);
        Near(m7["var[client:therapist:(Intercept)]"], d.ClientVariance);
        Near(m7["sigma2"], d.ResidualVariance);
        Near(m7["reml_criterion"], d.RemlCriterion, 1e-8);
        Assert.Equal("alliance ~ 1 + (1 | therapist/client)", d.Formula);

        // The coefficients by their definitions (Brennan 2001's nested design), from lme4's components.
        double t = m7["var[therapist:(Intercept)]"], c = m7["var[client:therapist:(Intercept)]"], e = m7["sigma2"];
        double k = 15221.0 / 1521, n = 1521.0 / 48;
        Assert.Equal(k, d.SessionsPerClient, 12);
        Assert.Equal(n, d.ClientsPerTherapist, 12);
        Near((t + c) / (t + c + (e / k)), d.ClientCoefficient);
        Near(t / (t + (c / n) + (e / (n * k))), d.TherapistCoefficient);
        Assert.Equal(Math.Ceiling(0.9 * e / (0.1 * (t + c))), d.SessionsNeeded(0.90));
        Assert.Equal(Math.Ceiling(0.8 * (c + (e / k)) / (0.2 * t)), d.ClientsNeeded(0.80, k));
        Assert.True(d.ClientCoefficientAt(d.SessionsNeeded(0.90)) >= 0.90 && d.ClientCoefficientAt(d.SessionsNeeded(0.90) - 1) < 0.90);
    }
}

using System.Collections.Immutable;
using System.Globalization;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Tests.Multilevel;

/// <summary>Issue 29: models written in lme4's formula syntax give lme4's and lmerTest's values, and what cannot be fitted is a typed error that names no value.</summary>
public sealed class LinearMixedModelTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel");

    private static Dictionary<string, double> Expected(string file, string model) =>
        File.ReadLines(Path.Combine(Folder, file)).Skip(1)
            .Where(l => l.StartsWith(model + ",", StringComparison.Ordinal))
            .ToDictionary(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..l.LastIndexOf(',')], l => l.EndsWith(",NA", StringComparison.Ordinal) ? double.NaN : double.Parse(l[(l.LastIndexOf(',') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static ModelFrame Frame(string file, params string[] factors)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        string[] header = lines[0].Split(',');
        string[][] rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var numeric = new Dictionary<string, IReadOnlyList<double>>();
        var categorical = new Dictionary<string, IReadOnlyList<string?>>();
        for (int c = 0; c < header.Length; c++)
        {
            int column = c;
            if (factors.Contains(header[c]))
            {
                categorical[header[c]] = rows.Select(r => r[column]).ToArray();
            }
            else
            {
                numeric[header[c]] = rows.Select(r => double.Parse(r[column], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            }
        }

        if (file == "sessions.csv")
        {
            categorical["session_f"] = rows.Select(r => "S" + int.Parse(r[3], CultureInfo.InvariantCulture).ToString("00", CultureInfo.InvariantCulture)).ToArray();
        }

        return new ModelFrame(numeric, categorical);
    }

    private static readonly Lazy<ModelFrame> Episodes = new(() => Frame("episodes.csv", "site", "therapist", "client"));
    private static readonly Lazy<ModelFrame> Sessions = new(() => Frame("sessions.csv", "site", "therapist", "client"));

    private static void Matches(MixedModelFit fit, Dictionary<string, double> expected, Func<string, string>? rename = null, double satterthwaiteTolerance = 1e-5)
    {
        rename ??= n => n;
        int compared = 0;
        void Near(string name, double actual)
        {
            if (!expected.TryGetValue(rename(name), out double value))
            {
                return;
            }

            double relative = name.StartsWith("df[", StringComparison.Ordinal) || name.StartsWith("p[", StringComparison.Ordinal) ? satterthwaiteTolerance : 1e-5;
            Assert.True(Math.Abs(actual - value) <= Math.Max(relative * Math.Abs(value), 1e-8), $"{name}: expected {value:R}, got {actual:R}");
            compared++;
        }

        foreach (FixedEffect f in fit.FixedEffects)
        {
            Near("beta[" + f.Term + "]", f.Estimate);
            Near("se[" + f.Term + "]", f.StandardError);
            Near("df[" + f.Term + "]", f.DegreesOfFreedom);
            Near("p[" + f.Term + "]", f.PValue);
        }

        foreach (VarianceComponent c in fit.VarianceComponents)
        {
            Near(c.Group == "Residual" ? "sigma2" : c.Term2 is null ? $"var[{c.Group}:{c.Term1}]" : $"cov[{c.Group}:{c.Term1},{c.Term2}]", c.Variance);
        }

        foreach (var g in fit.Groups)
        {
            Near($"ngroups[{g.Key}]", g.Value);
        }

        Near("nobs", fit.Observations);
        Near(fit.Reml ? "reml_criterion" : "loglik", fit.Reml ? fit.Criterion : fit.LogLikelihood);
        Near("aic", fit.Aic);
        Near("bic", fit.Bic);
        Assert.Equal(expected.Keys.Count(k => !k.StartsWith("mode", StringComparison.Ordinal) && !k.StartsWith("icc", StringComparison.Ordinal) && !k.StartsWith("fitted", StringComparison.Ordinal) && !k.StartsWith("resid", StringComparison.Ordinal)), compared);
    }

    [Theory]
    [InlineData("m1_therapist_reml", "post ~ pre + (1 | therapist)", true)]
    [InlineData("m6_therapist_ml", "post ~ pre + (1 | therapist)", false)]
    [InlineData("m2_site_therapist_reml", "post ~ pre + (1 | site/therapist)", true)]
    public void EpisodeModels_FromTheirFormulas_MatchLme4(string model, string formula, bool reml)
    {
        MixedModelFit fit = LinearMixedModel.Fit(formula, Episodes.Value, reml).GetValueOrThrow();
        Matches(fit, Expected("multilevel-expected.csv", model));
        Assert.False(fit.IsSingular);
        if (model == "m1_therapist_reml")
        {
            Assert.Equal(Expected("multilevel-expected.csv", model)["icc[therapist]"], fit.IntraclassCorrelation("therapist"), 6);
            ConditionalMode first = fit.ConditionalModes.First(m => m.Level == "T0101");
            Assert.Equal(Expected("multilevel-expected.csv", model)["mode[therapist:T0101]"], first.Mode, 6);
            Assert.DoesNotContain("T0101", first.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SessionModels_FromTheirFormulas_MatchLme4()
    {
        MixedModelFit growth = LinearMixedModel.Fit("ors ~ log(session) + (1 + log(session) | client)", Sessions.Value).GetValueOrThrow();
        Matches(growth, Expected("multilevel-expected.csv", "m4_growth_random_slope_reml"), n => n.Replace("log(session)", "log_session", StringComparison.Ordinal));
        MixedModelFit components = LinearMixedModel.Fit("srs ~ 1 + (1 | therapist/client)", Sessions.Value).GetValueOrThrow();
        Matches(components, Expected("multilevel-expected.csv", "m7_alliance_components_reml"));
    }

    [Fact]
    public void ACategoricalPredictor_AnInteraction_AndCrossedFactors_MatchLme4()
    {
        MixedModelFit categorical = LinearMixedModel.Fit("post ~ pre * alliance + site + (1 | therapist)", Episodes.Value).GetValueOrThrow();
        Matches(categorical, Expected("extra-expected.csv", "m8_categorical_interaction_reml"));
        Assert.Equal(new[] { "(Intercept)", "pre", "alliance", "siteS02", "siteS03", "siteS04", "siteS05", "siteS06", "pre:alliance" }, categorical.FixedEffects.Select(f => f.Term));
        MixedModelFit crossed = LinearMixedModel.Fit("ors ~ log(session) + (1 | client) + (1 | session_f)", Sessions.Value).GetValueOrThrow();
        // The crossed model's df rest on a numerical Hessian at lme4's optimum, which is itself precise to about 2e-6
        // (the oracle README): they agree to 2e-5 relative, every other value to 1e-5.
        Matches(crossed, Expected("extra-expected.csv", "m9_crossed_reml"), satterthwaiteTolerance: 2e-5);
    }

    [Fact]
    public void TheSummary_HasLmerTestsLayout_AndNoLevel()
    {
        MixedModelFit fit = LinearMixedModel.Fit("post ~ pre + (1 | therapist)", Episodes.Value).GetValueOrThrow();
        string summary = fit.Summary();
        Assert.Contains("Linear mixed model fit by REML. t-tests use Satterthwaite's method", summary, StringComparison.Ordinal);
        Assert.Contains("REML criterion at convergence: 10382.0", summary, StringComparison.Ordinal);
        Assert.Contains("Number of obs: 1521, groups:  therapist, 48", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("T01", summary + fit, StringComparison.Ordinal);
        Assert.Contains("criterion 10382.05", fit.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post pre + (1 | therapist)", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre + (1 | therapist", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre + (1 ||| therapist)", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre + (1 | therapist) + (0 + pre | therapist)", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre + (1 | site/therapist) + (1 | site)", MixedModelErrorKind.Formula)]
    [InlineData("post ~ pre - alliance + (1 | therapist)", MixedModelErrorKind.Formula)]
    [InlineData("post ~ nosuch + (1 | therapist)", MixedModelErrorKind.Column)]
    [InlineData("post ~ pre + (1 | log(pre))", MixedModelErrorKind.Column)]
    [InlineData("post ~ pre + (1 | sessions)", MixedModelErrorKind.Groups)]
    [InlineData("post ~ pre + (1 | therapist)", MixedModelErrorKind.NotFinite, true)]
    [InlineData("post ~ pre + (1 + site | therapist)", MixedModelErrorKind.Column)]
    [InlineData("post ~ pre + (1 | client)", MixedModelErrorKind.Groups)]
    [InlineData("post ~ pre + constant + (1 | therapist)", MixedModelErrorKind.RankDeficient)]
    [InlineData("post ~ log(zero) + (1 | therapist)", MixedModelErrorKind.NotFinite)]
    public void WhatCannotBeFitted_IsATypedError_NamingNoValue(string formula, MixedModelErrorKind kind, bool allMissing = false)
    {
        ModelFrame data = new(
            new Dictionary<string, IReadOnlyList<double>> { ["post"] = allMissing ? Enumerable.Repeat(double.NaN, 6).ToArray() : new double[] { 1, 2, 3, 4, 5, 6 }, ["pre"] = new double[] { 1, 3, 2, 5, 4, 6 }, ["alliance"] = new double[] { 1, 1, 2, 2, 3, 3 }, ["constant"] = new double[] { 7, 7, 7, 7, 7, 7 }, ["zero"] = new double[] { 0, 1, 1, 1, 1, 1 }, ["sessions"] = new double[] { 1, 2, 3, 4, 5, 6 } },
            new Dictionary<string, IReadOnlyList<string?>> { ["therapist"] = new[] { "SECRET-A", "SECRET-A", "SECRET-B", "SECRET-B", "SECRET-C", "SECRET-C" }, ["client"] = new[] { "c1", "c2", "c3", "c4", "c5", "c6" }, ["site"] = new[] { "x", "x", "x", "y", "y", "y" } });
        MixedModelResult result = LinearMixedModel.Fit(formula, data);
        Assert.True(result.IsT1, "refused");
        Assert.Equal(kind, result.AsT1.Kind);
        Assert.Equal("invalid-mixed-model", result.AsT1.Code);
        Assert.DoesNotContain("SECRET", result.AsT1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFrame_GuardsItsShape()
    {
        Assert.Throws<ArgumentException>(() => new ModelFrame(new Dictionary<string, IReadOnlyList<double>>()));
        Assert.Throws<ArgumentException>(() => new ModelFrame(new Dictionary<string, IReadOnlyList<double>> { ["a"] = new double[] { 1, 2 }, ["b"] = new double[] { 1 } }));
        Assert.Throws<ArgumentException>(() => new ModelFrame(new Dictionary<string, IReadOnlyList<double>> { ["a"] = new double[] { 1 } }, new Dictionary<string, IReadOnlyList<string?>> { ["a"] = new[] { "x" } }));
        Assert.Throws<ArgumentNullException>(() => LinearMixedModel.Fit(null!, Episodes.Value));
        Assert.Equal("model frame: 1521 rows, 4 numeric and 3 categorical columns", Episodes.Value.ToString());
    }
    [Fact]
    public void MissingValues_LeaveTheirRowsOut_AndFittedValuesAndResiduals_MatchLme4()
    {
        // R: lmer(post ~ pre + (1 | therapist), na.action = na.exclude) on the caseload with post missing at every
        // 10th row and pre at every 17th (extra-models.R writes the file); read as a researcher would, from the CSV.
        ModelFrame gappy = TidyCsv.Read(Path.Combine(Folder, "episodes-gappy.csv")).GetValueOrThrow().ToModelFrame();
        MixedModelFit fit = LinearMixedModel.Fit("post ~ pre + (1 | therapist)", gappy).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("extra-expected.csv", "m10_missing_values_reml");
        Matches(fit, expected);
        Assert.Equal(1521 - 1288, fit.OmittedRows);
        Assert.Equal(1521, fit.Fitted.Length);
        foreach (int row in new[] { 1, 2, 10, 17, 500, 1521 })
        {
            double fitted = expected[$"fitted[{row}]"], residual = expected[$"resid[{row}]"];
            if (double.IsNaN(fitted))
            {
                Assert.True(double.IsNaN(fit.Fitted[row - 1]) && double.IsNaN(fit.Residuals[row - 1]), $"row {row} was left out");
            }
            else
            {
                Assert.Equal(fitted, fit.Fitted[row - 1], 1e-6 * Math.Abs(fitted));
                Assert.Equal(residual, fit.Residuals[row - 1], 1e-5);
            }
        }
    }

    [Fact]
    public void FittedValues_AreTheFixedPartPlusTheModes_AndResidualsTheRest()
    {
        MixedModelFit fit = LinearMixedModel.Fit("post ~ pre + (1 | site/therapist)", Episodes.Value).GetValueOrThrow();
        double[] pre = File.ReadLines(Path.Combine(Folder, "episodes.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToArray();
        string[] first = File.ReadLines(Path.Combine(Folder, "episodes.csv")).Skip(1).First().Split(',');
        double mode(string group, string level) => fit.ConditionalModes.Single(m => m.Group == group && m.Level == level).Mode;
        double expected = fit.FixedEffects[0].Estimate + (fit.FixedEffects[1].Estimate * pre[0]) + mode("site", first[0]) + mode("therapist:site", first[1] + ":" + first[0]);
        Assert.Equal(expected, fit.Fitted[0], 10);
        Assert.Equal(double.Parse(first[5], CultureInfo.InvariantCulture) - expected, fit.Residuals[0], 10);
        Assert.Equal(0, fit.OmittedRows);
        Assert.DoesNotContain(fit.Fitted, double.IsNaN);
    }

    [Fact]
    public void ANumericGroupingColumn_IsAFactor_AsInLme4()
    {
        ModelFrame frame = TidyCsv.Read(Path.Combine(Folder, "episodes.csv")).GetValueOrThrow().ToModelFrame();
        var therapistNumbers = frame.FactorColumns.Contains("therapist")
            ? File.ReadLines(Path.Combine(Folder, "episodes.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[1][1..], CultureInfo.InvariantCulture)).ToArray()
            : throw new InvalidOperationException("therapist should be read as categorical");
        var numbered = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["post"] = ColumnOf("post"), ["pre"] = ColumnOf("pre"), ["therapist"] = therapistNumbers });
        MixedModelFit byNumber = LinearMixedModel.Fit("post ~ pre + (1 | therapist)", numbered).GetValueOrThrow();
        Matches(byNumber, Expected("multilevel-expected.csv", "m1_therapist_reml"));

        static double[] ColumnOf(string name)
        {
            string[] lines = File.ReadAllLines(Path.Combine(Folder, "episodes.csv"));
            int c = Array.IndexOf(lines[0].Split(','), name);
            return lines.Skip(1).Select(l => double.Parse(l.Split(',')[c], CultureInfo.InvariantCulture)).ToArray();
        }
    }
    [Fact]
    public void BaldwinsDisaggregation_FromTheCentringHelpers_AndItsFormula_MatchesLme4()
    {
        // make-multilevel.R: alliance_between = ave(alliance, therapist) - mean(alliance); alliance_within = alliance - ave(alliance, therapist).
        ModelFrame frame = Episodes.Value;
        CentredParts parts = Centring.GroupMean(frame.NumericColumn("alliance")!.Value, frame.FactorColumn("therapist")!.Value);
        frame = frame.With("alliance_between", parts.Between).With("alliance_within", parts.Within);
        MixedModelFit fit = LinearMixedModel.Fit("post ~ pre + alliance_between + alliance_within + (1 | therapist)", frame).GetValueOrThrow();
        Matches(fit, Expected("multilevel-expected.csv", "m3_alliance_disaggregated_reml"));
    }

    [Fact]
    public void TheLaggedWithinPersonModel_FromTheCentringHelpers_AndItsFormula_MatchesLme4()
    {
        // make-multilevel.R: srs_within = srs - ave(srs, client); srs_between = client mean - mean of the client means;
        // ors_next the client's next session's ORS (the last session of each client has none and is left out).
        ModelFrame sessions = Sessions.Value;
        ImmutableArray<string?> client = sessions.FactorColumn("client")!.Value;
        ImmutableArray<double> ors = sessions.NumericColumn("ors")!.Value;
        CentredParts parts = Centring.GroupMean(sessions.NumericColumn("srs")!.Value, client, BetweenCentring.GroupMean);
        double[] next = Enumerable.Range(0, ors.Length).Select(i => i + 1 < ors.Length && client[i + 1] == client[i] ? ors[i + 1] : double.NaN).ToArray();
        ModelFrame frame = sessions.With("srs_within", parts.Within).With("srs_between", parts.Between).With("ors_next", next);
        MixedModelFit fit = LinearMixedModel.Fit("ors_next ~ ors + srs_within + srs_between + (1 | client)", frame).GetValueOrThrow();
        Matches(fit, Expected("multilevel-expected.csv", "m5_lagged_within_person_reml"));
        Assert.Equal(1521, fit.OmittedRows);
    }

    [Fact]
    public void Centring_ObeysItsLaws()
    {
        double[] x = { 1, 2, double.NaN, 4, 10, 12 };
        string?[] g = { "a", "a", "a", "b", "b", null };
        Assert.Equal(new[] { -4.8, -3.8, double.NaN, -1.8, 4.2, 6.2 }, Centring.GrandMean(x).Select(v => Math.Round(v, 10)));
        CentredParts rows = Centring.GroupMean(x, g);
        Assert.Equal(new[] { -0.5, 0.5, double.NaN, -3, 3, double.NaN }, rows.Within);
        Assert.Equal(new[] { 1.5 - 4.25, 1.5 - 4.25, 1.5 - 4.25, 7 - 4.25, 7 - 4.25, double.NaN }, rows.Between);
        Assert.Equal(new[] { 1.5 - 4.25, 7 - 4.25 }, Centring.GroupMean(x, g, BetweenCentring.GroupMean).Between.Take(5).Distinct());
        Assert.Equal(new[] { 1.5, 7 }, Centring.GroupMean(x, g, BetweenCentring.None).Between.Take(5).Distinct());
        Assert.Throws<ArgumentException>(() => Centring.GroupMean(x, g.Take(3).ToArray()));
        Assert.Throws<ArgumentException>(() => Episodes.Value.With("pre", new double[1521]));
        Assert.Throws<ArgumentException>(() => Episodes.Value.With("new", new double[3]));
        Assert.Null(Episodes.Value.NumericColumn("therapist"));
    }
    [Theory]
    [InlineData("m11_profile_therapist", "post ~ pre + (1 | therapist)", false)]
    [InlineData("m12_profile_site_therapist", "post ~ pre + (1 | site/therapist)", false)]
    [InlineData("m13_profile_growth", "ors ~ log(session) + (1 + log(session) | client)", true)]
    public void ProfileIntervals_OfEveryParameter_MatchLme4(string model, string formula, bool sessions)
    {
        // lme4's confint(method = "profile") interpolates its profile with splines; the library finds the roots. Every
        // parameter: the SDs, the slope's correlation, sigma and the fixed effects (extra-models.R writes lme4's values).
        MixedModelFit fit = LinearMixedModel.Fit(formula, sessions ? Sessions.Value : Episodes.Value).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("extra-expected.csv", model);
        ImmutableArray<ProfileInterval> intervals = fit.ProfileConfidenceIntervals();
        Assert.Equal(expected.Count / 2, intervals.Length);
        foreach (ProfileInterval interval in intervals)
        {
            double lower = expected[$"ci_lower[{interval.Parameter}]"], upper = expected[$"ci_upper[{interval.Parameter}]"];
            Assert.True(Math.Abs(interval.Lower - lower) <= 5e-5 * Math.Max(1, Math.Abs(lower)), $"{interval.Parameter} lower: lme4 {lower:R}, library {interval.Lower:R}");
            Assert.True(Math.Abs(interval.Upper - upper) <= 5e-5 * Math.Max(1, Math.Abs(upper)), $"{interval.Parameter} upper: lme4 {upper:R}, library {interval.Upper:R}");
            Assert.InRange(interval.Estimate, interval.Lower, interval.Upper);
        }

        Assert.Equal("sigma", intervals[intervals.Length - 1 - fit.FixedEffects.Length].Parameter);
        Assert.Equal(fit.FixedEffects.Select(f => f.Term), intervals.TakeLast(fit.FixedEffects.Length).Select(i => i.Parameter));
        Assert.Throws<ArgumentOutOfRangeException>(() => fit.ProfileConfidenceIntervals(1));
    }

    [Fact]
    public void ConditionalModesAndSds_OfARandomSlope_MatchLme4sRanefCondVar()
    {
        // Guards the one-factor path of the conditional variances (in place per level, for a level per client): a
        // term with a random slope, lme4's ranef(condVar = TRUE) for three clients (extra-models.R, m13_ranef_growth).
        MixedModelFit fit = LinearMixedModel.Fit("ors ~ log(session) + (1 + log(session) | client)", Sessions.Value).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("extra-expected.csv", "m13_ranef_growth");
        Assert.Equal(12, expected.Count);
        foreach (ConditionalMode mode in fit.ConditionalModes.Where(m => m.Level is "C00001" or "C00002" or "C00777"))
        {
            double value = expected[$"mode[{mode.Level}:{mode.Term}]"], sd = expected[$"mode_sd[{mode.Level}:{mode.Term}]"];
            Assert.True(Math.Abs(mode.Mode - value) <= 1e-4 * Math.Max(1, Math.Abs(value)), $"{mode.Term} mode: lme4 {value:R}, library {mode.Mode:R}");
            Assert.True(Math.Abs(mode.ConditionalSd - sd) <= 1e-4 * sd, $"{mode.Term} condsd: lme4 {sd:R}, library {mode.ConditionalSd:R}");
        }
    }

    [Fact]
    public void UncorrelatedRandomEffects_MatchLme4_UnderItsNames_AndTravelInAPartial()
    {
        // (1 + x || g): a diagonal covariance (two parameters, no correlation); lme4's VarCorr names the slope's group
        // client.1, its ranef and ngrps keep client (extra-models.R, m14_uncorrelated).
        const string formula = "ors ~ log(session) + (1 + log(session) || client)";
        Assert.Equal(formula, MixedModelFormula.Response("ors").Log("session").UncorrelatedSlopes("client", "log(session)").ToString());
        MixedModelFit fit = LinearMixedModel.Fit(formula, Sessions.Value).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("extra-expected.csv", "m14_uncorrelated");
        void Near(string name, double actual, double tolerance = 1e-5) =>
            Assert.True(Math.Abs(actual - expected[name]) <= tolerance * Math.Max(1, Math.Abs(expected[name])), $"{name}: lme4 {expected[name]:R}, library {actual:R}");
        foreach (FixedEffect f in fit.FixedEffects)
        {
            Near($"beta[{f.Term}]", f.Estimate);
            Near($"se[{f.Term}]", f.StandardError);
            Near($"df[{f.Term}]", f.DegreesOfFreedom);
        }

        Assert.Equal(new[] { "client", "client.1", "Residual" }, fit.VarianceComponents.Select(c => c.Group));
        Assert.DoesNotContain(fit.VarianceComponents, c => c.Term2 is not null);
        Near("var[client:(Intercept)]", fit.VarianceComponents[0].Variance);
        Near("var[client.1:log(session)]", fit.VarianceComponents[1].Variance);
        Near("sigma2", fit.ResidualVariance);
        Near("reml_criterion", fit.Criterion);
        Assert.Equal(new KeyValuePair<string, int>("client", 1521), Assert.Single(fit.Groups));
        Assert.Equal(2, fit.Theta.Length);
        foreach (ConditionalMode mode in fit.ConditionalModes.Where(m => m.Level is "C00001" or "C00777"))
        {
            Near($"mode[{mode.Level}:{mode.Term}]", mode.Mode, 1e-4);
            Near($"mode_sd[{mode.Level}:{mode.Term}]", mode.ConditionalSd, 1e-4);
        }

        foreach (ProfileInterval interval in fit.ProfileConfidenceIntervals())
        {
            Near($"ci_lower[{interval.Parameter}]", interval.Lower, 5e-5);
            Near($"ci_upper[{interval.Parameter}]", interval.Upper, 5e-5);
        }

        Assert.Contains(" client.1 ", fit.Summary(), StringComparison.Ordinal);

        // Through a partial's file: the same fit, and the flag travels (a correlated partial does not merge with it).
        MixedModelPartial partial = MixedModelPartial.FromJson(LinearMixedModel.Partial(formula, Sessions.Value, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow().ToJson()).GetValueOrThrow();
        Assert.Equal(fit.Criterion, LinearMixedModel.FitPartial(partial).GetValueOrThrow().Criterion, 1e-9 * fit.Criterion);
        MixedModelPartial correlated = LinearMixedModel.Partial(formula.Replace("||", "|", StringComparison.Ordinal), Sessions.Value, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow();
        Assert.Equal(MixedModelErrorKind.Disclosure, MixedModelPartial.Merge(new[] { partial, correlated }).AsT1.Kind);
    }

    [Fact]
    public void ASingularFit_MatchesLme4_AndIsReportedAsABoundaryFit()
    {
        // A factor with no effect (rows dealt to 5 batches in turn): lme4 estimates its variance at 0 and calls the fit
        // singular (extra-models.R, m15_singular). The library finds the same boundary and says so, never "converged".
        MixedModelFit fit = LinearMixedModel.Fit(
            "post ~ pre + (1 | therapist) + (1 | batch)",
            Episodes.Value.With("batch", Enumerable.Range(1, 1521).Select(i => (string?)("B" + (i % 5).ToString(CultureInfo.InvariantCulture))).ToArray())).GetValueOrThrow();
        Dictionary<string, double> expected = Expected("extra-expected.csv", "m15_singular");
        void Near(string name, double actual, double tolerance = 1e-5) =>
            Assert.True(Math.Abs(actual - expected[name]) <= tolerance * Math.Max(1, Math.Abs(expected[name])), $"{name}: lme4 {expected[name]:R}, library {actual:R}");
        Assert.True(fit.IsSingular);
        Assert.Equal(1, expected["is_singular"]);
        foreach (FixedEffect f in fit.FixedEffects)
        {
            Near($"beta[{f.Term}]", f.Estimate);
            Near($"se[{f.Term}]", f.StandardError);
            Near($"df[{f.Term}]", f.DegreesOfFreedom, 1e-4);   // lmerTest's Hessian at the boundary, as in the crossed model
        }

        Near("var[therapist:(Intercept)]", fit.VarianceComponents.Single(c => c.Group == "therapist").Variance);
        Assert.InRange(fit.VarianceComponents.Single(c => c.Group == "batch").Variance, 0, 1e-8);
        Near("sigma2", fit.ResidualVariance);
        Near("reml_criterion", fit.Criterion);
        Assert.Contains("boundary (singular) fit", fit.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTypedBuilder_WritesLme4sFormulas_AndFitsThemToLme4sValues()
    {
        MixedModelFormula nested = MixedModelFormula.Response("post").Fixed("pre").RandomIntercept("site", "therapist");
        Assert.Equal("post ~ pre + (1 | site/therapist)", nested.ToString());
        Matches(nested.Fit(Episodes.Value).GetValueOrThrow(), Expected("multilevel-expected.csv", "m2_site_therapist_reml"));
        MixedModelFormula growth = MixedModelFormula.Response("ors").Log("session").RandomSlopes("client", "log(session)");
        Assert.Equal("ors ~ log(session) + (1 + log(session) | client)", growth.ToString());
        Matches(growth.Fit(Sessions.Value).GetValueOrThrow(), Expected("multilevel-expected.csv", "m4_growth_random_slope_reml"), n => n.Replace("log(session)", "log_session", StringComparison.Ordinal));
        MixedModelFormula categorical = MixedModelFormula.Response("post").Fixed("pre", "alliance").Interaction("pre", "alliance").Fixed("site").RandomIntercept("therapist");
        Matches(categorical.Fit(Episodes.Value).GetValueOrThrow(), Expected("extra-expected.csv", "m8_categorical_interaction_reml"));
        Assert.Equal("y ~ 0 + x + (1 | g) + (1 | h)", MixedModelFormula.Response("y").WithoutIntercept().Fixed("x").RandomIntercept("g").RandomIntercept("h").ToString());
        Assert.Equal("y ~ 1", MixedModelFormula.Response("y").ToString());
        Assert.Equal(MixedModelErrorKind.Formula, MixedModelFormula.Response("post").Fixed("pre").Fit(Episodes.Value).AsT1.Kind);

        // Names that would change the formula's meaning are programmer mistakes; the builder is immutable.
        Assert.Throws<ArgumentException>(() => MixedModelFormula.Response("post ~ pre"));
        Assert.Throws<ArgumentException>(() => nested.Fixed("a + b"));
        Assert.Throws<ArgumentException>(() => nested.Fixed(" pre"));
        Assert.Throws<ArgumentException>(() => nested.Interaction("pre"));
        Assert.Throws<ArgumentException>(() => nested.RandomIntercept());
        Assert.Throws<ArgumentException>(() => nested.RandomSlopes("client"));
        Assert.Throws<ArgumentNullException>(() => nested.Fixed(null!));
        Assert.Equal("post ~ pre + (1 | site/therapist)", nested.ToString());
    }
}

using System.Globalization;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Tests.Multilevel;

/// <summary>
/// Issue 29 (first part): the penalised least-squares engine reproduces lme4's estimates on the shared oracle
/// (`Oracles/multilevel/`, lme4 1.1-31): fixed effects and their standard errors, variance components, the residual
/// variance, the REML criterion or the ML log-likelihood, AIC and BIC, conditional modes and their conditional SDs,
/// Satterthwaite's degrees of freedom and p-values (lmerTest), to 1e-5 relative (absolute 1e-8 near zero), the
/// oracle's tolerance.
/// </summary>
public sealed class LmmOracleTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel");

    private static readonly Lazy<Dictionary<string, Dictionary<string, double>>> Expected = new(() =>
        File.ReadLines(Path.Combine(Folder, "multilevel-expected.csv")).Skip(1)
            .Select(l => (Model: l[..l.IndexOf(',', StringComparison.Ordinal)], Name: l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..l.LastIndexOf(',')], Value: l[(l.LastIndexOf(',') + 1)..]))
            .GroupBy(p => p.Model)
            .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.Name, p => double.Parse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture)), StringComparer.Ordinal));

    private static (string[] Header, string[][] Rows) Read(string file)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, file));
        return (lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    private static double[] Numeric(string[][] rows, string[] header, string column) =>
        rows.Select(r => double.Parse(r[Array.IndexOf(header, column)], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    private static string[] Factor(string[][] rows, string[] header, string column) => rows.Select(r => r[Array.IndexOf(header, column)]).ToArray();

    /// <summary>A random intercept (and optional slopes) of a factor; levels sorted as R sorts factor levels (here: ordinal, the codes are ASCII).</summary>
    private static LmmRandomTerm Term(string group, string[] values, params (string Name, double[] Column)[] slopes)
    {
        string[] names = values.Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        double[] ones = Enumerable.Repeat(1.0, values.Length).ToArray();
        return new LmmRandomTerm(group, new[] { "(Intercept)" }.Concat(slopes.Select(s => s.Name)).ToArray(), new[] { ones }.Concat(slopes.Select(s => s.Column)).ToArray(), values.Select(v => index[v]).ToArray(), names);
    }

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    private static void Check(string model, LmmEngine engine, bool reml, params string[] groups)
    {
        LmmFit fit = engine.Fit(reml) ?? throw new InvalidOperationException("not converged");
        Dictionary<string, double> expected = Expected.Value[model];
        int checkedValues = 0;
        void Near(string name, double actual)
        {
            double value = expected[name];
            double tolerance = Math.Max(1e-5 * Math.Abs(value), 1e-8);
            Assert.True(Math.Abs(actual - value) <= tolerance, $"{model} {name}: expected {value:R}, got {actual:R}");
            checkedValues++;
        }

        for (int a = 0; a < fit.FixedNames.Length; a++)
        {
            Near("beta[" + fit.FixedNames[a] + "]", fit.Beta[a]);
            Near("se[" + fit.FixedNames[a] + "]", Math.Sqrt(fit.BetaCovariance[a, a]));
        }

        (double[] df, double[] p) = engine.Satterthwaite(fit);
        for (int a = 0; a < fit.FixedNames.Length; a++)
        {
            Near("df[" + fit.FixedNames[a] + "]", df[a]);
            Near("p[" + fit.FixedNames[a] + "]", p[a]);
        }

        Near("sigma2", fit.Sigma2);
        Assert.Equal(expected["nobs"], fit.Observations);
        foreach (LmmRandomTerm term in fit.Terms)
        {
            int j = Array.IndexOf(fit.Terms, term);
            Assert.Equal(expected["ngroups[" + term.Group + "]"], term.LevelNames.Length);
            for (int a = 0; a < term.K; a++)
            {
                Near("var[" + term.Group + ":" + term.Terms[a] + "]", fit.Covariances[j][a, a]);
                for (int b = a + 1; b < term.K; b++)
                {
                    Near("cov[" + term.Group + ":" + term.Terms[a] + "," + term.Terms[b] + "]", fit.Covariances[j][a, b]);
                }
            }

            for (int level = 0; level < term.LevelNames.Length; level++)
            {
                string key = term.Group + ":" + term.LevelNames[level];
                if (term.K == 1 && expected.ContainsKey("mode[" + key + "]"))
                {
                    Near("mode[" + key + "]", fit.Modes[j][level][0]);
                    Near("mode_sd[" + key + "]", Math.Sqrt(fit.ModeVariances[j][level][0]));
                }
            }
        }

        if (fit.Reml)
        {
            Near("reml_criterion", fit.Criterion);
        }
        else
        {
            int parameters = fit.Beta.Length + fit.Theta.Length + 1;
            Near("loglik", -fit.Criterion / 2);
            Near("aic", fit.Criterion + (2 * parameters));
            Near("bic", fit.Criterion + (parameters * Math.Log(fit.Observations)));
        }

        if (expected.TryGetValue("icc[therapist]", out double icc))
        {
            Near("icc[therapist]", fit.Covariances[0][0, 0] / (fit.Covariances[0][0, 0] + fit.Sigma2));
        }

        Assert.True(fit.GradientNorm < 1e-2, $"{model}: the final gradient is {fit.GradientNorm:G3}");
        Assert.False(fit.Singular);
        Assert.True(checkedValues >= 6, "the oracle was read");
        Assert.All(groups, g => Assert.Contains(fit.Terms, t => t.Group == g));
    }

    [Theory]
    [InlineData("m1_therapist_reml", true)]
    [InlineData("m6_therapist_ml", false)]
    public void TherapistEffects_MatchLme4(string model, bool reml)
    {
        var (h, rows) = Read("episodes.csv");
        var engine = new LmmEngine(Numeric(rows, h, "post"), new[] { Ones(rows.Length), Numeric(rows, h, "pre") }, new[] { "(Intercept)", "pre" }, new[] { Term("therapist", Factor(rows, h, "therapist")) });
        Check(model, engine, reml, "therapist");
    }

    [Fact]
    public void SitesAndTherapists_Nested_MatchLme4()
    {
        var (h, rows) = Read("episodes.csv");
        string[] site = Factor(rows, h, "site");
        string[] therapist = Factor(rows, h, "therapist").Select((t, i) => t + ":" + site[i]).ToArray();
        var engine = new LmmEngine(Numeric(rows, h, "post"), new[] { Ones(rows.Length), Numeric(rows, h, "pre") }, new[] { "(Intercept)", "pre" }, new[] { Term("therapist:site", therapist), Term("site", site) });
        Check("m2_site_therapist_reml", engine, true, "therapist:site", "site");
    }

    [Fact]
    public void BaldwinsDisaggregation_MatchesLme4()
    {
        var (h, rows) = Read("episodes.csv");
        double[] alliance = Numeric(rows, h, "alliance");
        string[] therapist = Factor(rows, h, "therapist");
        var means = therapist.Zip(alliance).GroupBy(x => x.First).ToDictionary(g => g.Key, g => g.Average(x => x.Second));
        double grand = alliance.Average();
        double[] between = therapist.Select(t => means[t] - grand).ToArray();
        double[] within = alliance.Select((a, i) => a - means[therapist[i]]).ToArray();
        var engine = new LmmEngine(Numeric(rows, h, "post"), new[] { Ones(rows.Length), Numeric(rows, h, "pre"), between, within }, new[] { "(Intercept)", "pre", "alliance_between", "alliance_within" }, new[] { Term("therapist", therapist) });
        Check("m3_alliance_disaggregated_reml", engine, true, "therapist");
    }

    [Fact]
    public void AGrowthModel_WithCorrelatedRandomSlopes_MatchesLme4()
    {
        var (h, rows) = Read("sessions.csv");
        double[] logSession = Numeric(rows, h, "session").Select(s => Math.Log(s)).ToArray();
        var engine = new LmmEngine(Numeric(rows, h, "ors"), new[] { Ones(rows.Length), logSession }, new[] { "(Intercept)", "log_session" }, new[] { Term("client", Factor(rows, h, "client"), ("log_session", logSession)) });
        Check("m4_growth_random_slope_reml", engine, true, "client");
    }

    [Fact]
    public void TheLaggedWithinPersonModel_MatchesLme4()
    {
        var (h, rows) = Read("sessions.csv");
        string[] client = Factor(rows, h, "client");
        double[] srs = Numeric(rows, h, "srs");
        double[] ors = Numeric(rows, h, "ors");
        var means = client.Zip(srs).GroupBy(x => x.First).ToDictionary(g => g.Key, g => g.Average(x => x.Second));
        double grand = means.Values.Average();
        var kept = Enumerable.Range(0, rows.Length - 1).Where(i => client[i + 1] == client[i]).ToArray();
        var engine = new LmmEngine(
            kept.Select(i => ors[i + 1]).ToArray(),
            new[] { Ones(kept.Length), kept.Select(i => ors[i]).ToArray(), kept.Select(i => srs[i] - means[client[i]]).ToArray(), kept.Select(i => means[client[i]] - grand).ToArray() },
            new[] { "(Intercept)", "ors", "srs_within", "srs_between" },
            new[] { Term("client", kept.Select(i => client[i]).ToArray()) });
        Check("m5_lagged_within_person_reml", engine, true, "client");
    }

    [Fact]
    public void VarianceComponentsForDependability_ClientsInTherapists_MatchLme4()
    {
        var (h, rows) = Read("sessions.csv");
        string[] therapist = Factor(rows, h, "therapist");
        string[] client = Factor(rows, h, "client").Select((c, i) => c + ":" + therapist[i]).ToArray();
        var engine = new LmmEngine(Numeric(rows, h, "srs"), new[] { Ones(rows.Length) }, new[] { "(Intercept)" }, new[] { Term("client:therapist", client), Term("therapist", therapist) });
        Check("m7_alliance_components_reml", engine, true, "client:therapist", "therapist");
    }

    [Fact]
    public void GroupsWithTheSameMean_GiveABoundaryFit_ReportedAsSingular()
    {
        // Ten groups holding the same five values: the groups' means are equal, so the REML estimate of the group
        // variance is 0, on the boundary (lme4: "boundary (singular) fit").
        string[] groups = Enumerable.Range(0, 50).Select(i => "G" + (i / 5).ToString(CultureInfo.InvariantCulture)).ToArray();
        double[] y = Enumerable.Range(0, 50).Select(i => (double)(((i * 3) + (i / 5)) % 5) + 1).ToArray();
        var fit = new LmmEngine(y, new[] { Ones(50) }, new[] { "(Intercept)" }, new[] { Term("g", groups) }).Fit(reml: true)!;
        Assert.True(fit.Singular);
        Assert.Equal(0, fit.Theta[0], 6);
        Assert.Equal(3, fit.Beta[0], 10);
        Assert.Equal(y.Select(v => (v - 3) * (v - 3)).Sum() / 49, fit.Sigma2, 8);
    }
}

#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property ImplicitUsings=enable

// Multilevel models of alliance and outcome, from lme4's formulas: the seven models of the shared lme4/lmerTest oracle
// (therapist effects, sites and therapists, Baldwin's disaggregation of alliance, a growth model with correlated
// random slopes, a lagged within-person model, an ML fit, and the variance components of dependability), each printed
// in lmerTest's summary layout with its key numbers beside R's (R 4.2.2, lme4 1.1-31, lmerTest 3.1-3).
// The data (data/multilevel-episodes.csv, data/multilevel-sessions.csv) are a synthetic caseload of 6 sites, 48
// therapists and 1,521 clients: no real client. Run from the repository's root:
//   dotnet run samples/analyses/multilevel.cs [OUTPUT]
// Writes OUTPUT/fixed-effects.csv and OUTPUT/varcorr.csv (default samples/analyses/out/multilevel) and exits with 1
// when a number differs from lme4's by more than 1e-5 relative.

using System.Globalization;
using System.Text;
using TherapeuticAlliance.Multilevel;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 ? args[0] : Path.Combine(here, "out", "multilevel");
Directory.CreateDirectory(output);
int failures = 0;

(Dictionary<string, double[]> Numeric, Dictionary<string, string[]> Factors) Read(string file, params string[] factors)
{
    string[] lines = File.ReadAllLines(Path.Combine(here, "data", file));
    string[] header = lines[0].Split(',');
    string[][] rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
    var numeric = new Dictionary<string, double[]>();
    var categorical = new Dictionary<string, string[]>();
    for (int c = 0; c < header.Length; c++)
    {
        int column = c;
        if (factors.Contains(header[c]))
        {
            categorical[header[c]] = rows.Select(r => r[column]).ToArray();
        }
        else
        {
            numeric[header[c]] = rows.Select(r => double.Parse(r[column], CultureInfo.InvariantCulture)).ToArray();
        }
    }

    return (numeric, categorical);
}

ModelFrame Frame(Dictionary<string, double[]> numeric, Dictionary<string, string[]> factors) =>
    new(numeric.ToDictionary(c => c.Key, c => (IReadOnlyList<double>)c.Value), factors.ToDictionary(c => c.Key, c => (IReadOnlyList<string?>)c.Value));

// Episodes, with Baldwin's disaggregation of alliance: the therapist's mean (centred on the grand mean) and each
// client's deviation from their therapist's mean.
var (episodeNumbers, episodeFactors) = Read("multilevel-episodes.csv", "site", "therapist", "client");
double[] alliance = episodeNumbers["alliance"];
string[] therapist = episodeFactors["therapist"];
var therapistMean = therapist.Zip(alliance).GroupBy(x => x.First).ToDictionary(g => g.Key, g => g.Average(x => x.Second));
episodeNumbers["alliance_between"] = therapist.Select(t => therapistMean[t] - alliance.Average()).ToArray();
episodeNumbers["alliance_within"] = alliance.Select((a, i) => a - therapistMean[therapist[i]]).ToArray();
ModelFrame episodes = Frame(episodeNumbers, episodeFactors);

// Sessions, and the lagged pairs: each session's ORS beside the next session's, SRS split within and between clients.
var (sessionNumbers, sessionFactors) = Read("multilevel-sessions.csv", "site", "therapist", "client");
ModelFrame sessions = Frame(sessionNumbers, sessionFactors);
string[] client = sessionFactors["client"];
double[] srs = sessionNumbers["srs"], ors = sessionNumbers["ors"];
var clientMean = client.Zip(srs).GroupBy(x => x.First).ToDictionary(g => g.Key, g => g.Average(x => x.Second));
double meanOfMeans = clientMean.Values.Average();
int[] pairs = Enumerable.Range(0, client.Length - 1).Where(i => client[i + 1] == client[i]).ToArray();
ModelFrame lagged = Frame(
    new Dictionary<string, double[]>
    {
        ["ors_next"] = pairs.Select(i => ors[i + 1]).ToArray(),
        ["ors"] = pairs.Select(i => ors[i]).ToArray(),
        ["srs_within"] = pairs.Select(i => srs[i] - clientMean[client[i]]).ToArray(),
        ["srs_between"] = pairs.Select(i => clientMean[client[i]] - meanOfMeans).ToArray(),
    },
    new Dictionary<string, string[]> { ["client"] = pairs.Select(i => client[i]).ToArray() });

// The seven models, each with lme4's values of its first slope (or intercept), its first variance and the REML
// criterion (or log-likelihood).
var models = new (string Key, string Formula, ModelFrame Data, bool Reml, string Term, double Beta, string Group, double Variance, double Criterion)[]
{
    ("m1", "post ~ pre + (1 | therapist)", episodes, true, "pre", 0.90935396979357164, "therapist", 3.9230940659307896, 10382.0489257468),
    ("m2", "post ~ pre + (1 | site/therapist)", episodes, true, "pre", 0.90903020214715369, "therapist:site", 3.5620557529766517, 10381.579961586785),
    ("m3", "post ~ pre + alliance_between + alliance_within + (1 | therapist)", episodes, true, "alliance_within", 0.25447988631007751, "therapist", 4.0559994586862995, 10377.751947080735),
    ("m4", "ors ~ log(session) + (1 + log(session) | client)", sessions, true, "log(session)", 2.7270203460044264, "client", 27.875129895178382, 75999.200013901791),
    ("m5", "ors_next ~ ors + srs_within + srs_between + (1 | client)", lagged, true, "srs_within", 0.3144954767032303, "client", 0.35156647471126529, 55911.21552685248),
    ("m6", "post ~ pre + (1 | therapist)", episodes, false, "pre", 0.90928339427136995, "therapist", 3.7856430080145094, -5188.5226589102867),
    ("m7", "srs ~ 1 + (1 | therapist/client)", sessions, true, "(Intercept)", 35.147352577799474, "client:therapist", 3.1815761068328059, 59214.457453020303),
};

var fixedRows = new StringBuilder("model,term,estimate,std_error,df,t_value,p_value\n");
var varcorrRows = new StringBuilder("model,grp,var1,var2,vcov,sdcor\n");
foreach (var m in models)
{
    MixedModelFit fit = LinearMixedModel.Fit(m.Formula, m.Data, m.Reml).GetValueOrThrow();
    Console.WriteLine("==> " + m.Key);
    Console.Write(fit.Summary());
    void Check(string what, double library, double r)
    {
        bool ok = Math.Abs(library - r) <= 1e-5 * Math.Max(1.0, Math.Abs(r));
        failures += ok ? 0 : 1;
        Console.WriteLine(FormattableString.Invariant($"  {(ok ? "ok  " : "FAIL")} {what,-34} {library,16:0.########} {r,16:0.########}"));
    }

    Console.WriteLine("         value                              library            lme4");
    Check("beta[" + m.Term + "]", fit.FixedEffects.Single(f => f.Term == m.Term).Estimate, m.Beta);
    Check("var[" + m.Group + "]", fit.VarianceComponents.First(c => c.Group == m.Group).Variance, m.Variance);
    Check(m.Reml ? "REML criterion" : "logLik", m.Reml ? fit.Criterion : fit.LogLikelihood, m.Criterion);
    Console.WriteLine();
    foreach (FixedEffect f in fit.FixedEffects)
    {
        fixedRows.AppendLine(FormattableString.Invariant($"{m.Key},{f.Term},{f.Estimate:R},{f.StandardError:R},{f.DegreesOfFreedom:R},{f.TValue:R},{f.PValue:R}"));
    }

    foreach (VarianceComponent c in fit.VarianceComponents)
    {
        varcorrRows.AppendLine(FormattableString.Invariant($"{m.Key},{c.Group},{c.Term1 ?? "NA"},{c.Term2 ?? "NA"},{c.Variance:R},{c.StandardDeviation:R}"));
    }
}

File.WriteAllText(Path.Combine(output, "fixed-effects.csv"), fixedRows.ToString());
File.WriteAllText(Path.Combine(output, "varcorr.csv"), varcorrRows.ToString());
Console.WriteLine(failures == 0 ? "All values match lme4 and lmerTest." : $"{failures} value(s) differ from lme4.");
return failures == 0 ? 0 : 1;

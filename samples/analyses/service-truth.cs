#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property ImplicitUsings=enable
#:property PublishAot=false

// Therapist and site effects measured against known truth (issue 30, part 5). Generates caseloads with planted
// therapist and site effects (5 % and 2 % of the outcome's residual variance, as routine practice reports: Johns et al.
// 2019; Firth et al. 2019), a tenth of the therapists planted clearly above or below average (at +/- 2 SD of the
// others' effects), and checks what TherapistEffects.Estimate recovers: how often the profile-likelihood intervals of
// the therapist and site shares cover the planted shares, how many of the planted above- and below-average therapists
// the classification finds, and how many of the others it labels above or below average.
//
// The grid spans the conditions that change the answer: therapists (20, 60, 150), clients per therapist (about 12 or
// about 30, uneven), residual noise (normal, or heavy-tailed: t with 4 df at the same variance), and sites (2 to 15).
// Nothing in the method was tuned on this grid (the rule is the interval's, the interval the profile likelihood's):
// every cell is reported, the bad ones too. Entirely synthetic data, fixed seeds. Run from the repository's root:
//   dotnet run -c Release samples/analyses/service-truth.cs [OUTPUT] [--replicates N]
// Writes OUTPUT/service-truth.md and .csv (default samples/analyses/out/service-truth; 100 replicates, about 2 minutes).
// Exits with 1 when a cell with 60 or more therapists covers the planted therapist share in fewer than 90 % of its
// caseloads (the target), so CI notices a regression; with fewer than 100 replicates (CI runs 20: the seeds are
// fixed, so the run is the same each time) the bar is 80 %, as 20 caseloads estimate a coverage only to about 5 points.

using System.Globalization;
using System.Text;
using TherapeuticAlliance;
using TherapeuticAlliance.Service;

string here = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.Combine("samples", "analyses");
string output = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : Path.Combine(here, "out", "service-truth");
int replicates = args.SkipWhile(a => a != "--replicates").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(100);
Directory.CreateDirectory(output);

const double TotalVariance = 60, TherapistShare = 0.05, SiteShare = 0.02;
var options = new ServiceOptions { Policy = DisclosurePolicy.Default with { MinimumPeople = 1 } };   // every therapist classified: the figures are the method's
var cells = (from therapists in new[] { 20, 60, 150 }
             from clients in new[] { 12, 30 }
             from heavy in new[] { false, true }
             select (Therapists: therapists, Clients: clients, Heavy: heavy, Sites: Math.Clamp(therapists / 10, 2, 15))).ToArray();
var csv = new StringBuilder("therapists,clients_per_therapist,noise,sites,replicates,refused,therapist_share_mean,therapist_coverage,site_share_mean,site_coverage,above_found,below_found,others_mislabelled,others,wrong_side\n");
var md = new StringBuilder();
md.Append("# Therapist and site effects against known truth\n\n");
md.Append(string.Format(CultureInfo.InvariantCulture, "`samples/analyses/service-truth.cs`, {0} generated caseloads per cell; planted therapist share {1:0.0} %, site share {2:0.0} %; a tenth of the therapists planted at +/- 2 SD of the others' effects. Shares covered: the 95 % profile-likelihood interval holds the planted share. Found: a planted above- (below-) average therapist classified above (below) average. Others labelled: any other therapist (their effects drawn from the normal part, so most differ from 0 a little) classified above or below average. Wrong side: therapists classified above average whose true effect is 0 or below, or below average whose true effect is 0 or above, in all replicates.\n\n", replicates, 100 * TherapistShare, 100 * SiteShare));
md.Append("| Therapists | Clients each (mean) | Noise | Sites | Refused | Therapist share (mean) | Covered | Site share (mean) | Covered | Above found | Below found | Others labelled | Wrong side |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
bool failed = false;
foreach (var cell in cells)
{
    int refused = 0, coveredT = 0, coveredS = 0, aboveFound = 0, aboveTotal = 0, belowFound = 0, belowTotal = 0, othersMislabelled = 0, wrongSide = 0, others = 0, fitted = 0;
    double shareT = 0, shareS = 0;
    for (int r = 0; r < replicates; r++)
    {
        var random = new Random((cell.Therapists * 1_000_003) + (cell.Clients * 10_007) + (cell.Heavy ? 101 : 0) + (r * 7_919));   // fixed: HashCode.Combine is seeded per process
        var (episodes, planted) = Generate(random, cell.Therapists, cell.Clients, cell.Sites, cell.Heavy);
        TherapistEffectsResult result = TherapistEffects.Estimate(episodes, ServiceMeasure.Outcome, options);
        if (!result.IsSuccess)
        {
            refused++;
            continue;
        }

        TherapistEffectsAnalysis analysis = result.AsT0;
        fitted++;
        VarianceShare t = analysis.TherapistShare, s = analysis.SiteShare!;
        shareT += t.Share;
        shareS += s.Share;
        coveredT += t.Lower <= TherapistShare && TherapistShare <= t.Upper ? 1 : 0;
        coveredS += s.Lower <= SiteShare && SiteShare <= s.Upper ? 1 : 0;
        foreach (TherapistEffect effect in analysis.Therapists)
        {
            (int truth, double value) = planted[effect.Therapist];
            wrongSide += (effect.Classification == EffectClassification.AboveAverage && value <= 0) || (effect.Classification == EffectClassification.BelowAverage && value >= 0) ? 1 : 0;
            if (truth > 0) { aboveTotal++; aboveFound += effect.Classification == EffectClassification.AboveAverage ? 1 : 0; }
            else if (truth < 0) { belowTotal++; belowFound += effect.Classification == EffectClassification.BelowAverage ? 1 : 0; }
            else { others++; othersMislabelled += effect.Classification is EffectClassification.AboveAverage or EffectClassification.BelowAverage ? 1 : 0; }
        }
    }

    double Rate(int k, int n) => n == 0 ? double.NaN : k / (double)n;
    string noise = cell.Heavy ? "t(4)" : "normal";
    csv.Append(string.Format(CultureInfo.InvariantCulture, "{0},{1},{2},{3},{4},{5},{6:0.####},{7:0.###},{8:0.####},{9:0.###},{10:0.###},{11:0.###},{12:0.####},{13},{14}\n", cell.Therapists, cell.Clients, noise, cell.Sites, replicates, refused, shareT / fitted, Rate(coveredT, fitted), shareS / fitted, Rate(coveredS, fitted), Rate(aboveFound, aboveTotal), Rate(belowFound, belowTotal), Rate(othersMislabelled, others), others, wrongSide));
    md.Append(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | {5:0.0} % | {6:0} % | {7:0.0} % | {8:0} % | {9:0} % | {10:0} % | {11:0.0} % | {12} |\n", cell.Therapists, cell.Clients, noise, cell.Sites, refused, 100 * shareT / fitted, 100 * Rate(coveredT, fitted), 100 * shareS / fitted, 100 * Rate(coveredS, fitted), 100 * Rate(aboveFound, aboveTotal), 100 * Rate(belowFound, belowTotal), 100 * Rate(othersMislabelled, others), wrongSide));
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,4} therapists x {1,2} clients, {2,-6} noise, {3,2} sites: therapist share covered {4:0%}, site {5:0%}; above found {6:0%}, below {7:0%}, others mislabelled {8:0.0%}", cell.Therapists, cell.Clients, noise, cell.Sites, Rate(coveredT, fitted), Rate(coveredS, fitted), Rate(aboveFound, aboveTotal), Rate(belowFound, belowTotal), Rate(othersMislabelled, others)));
    failed |= cell.Therapists >= 60 && Rate(coveredT, fitted) < (replicates >= 100 ? 0.90 : 0.80);
}

File.WriteAllText(Path.Combine(output, "service-truth.csv"), csv.ToString());
File.WriteAllText(Path.Combine(output, "service-truth.md"), md.ToString());
Console.WriteLine("Wrote " + Path.Combine(output, "service-truth.md"));
return failed ? 1 : 0;

// One caseload: sites, therapists with uneven caseloads (about the mean, from 3 to twice the mean), intake ORS-like,
// final = 10 + 0.6 intake + site + therapist + noise. A tenth of the therapists (at least two) are planted at +/- 2 SD of
// the others' normal effects; the normal SD is scaled so the planted mixture's variance is the therapist share.
static (List<ServiceEpisode> Episodes, Dictionary<string, (int Kind, double Effect)> Planted) Generate(Random random, int therapists, int clients, int sites, bool heavy)
{
    double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
    double StudentT4() { double z = Normal(), chi = 0; for (int i = 0; i < 4; i++) { double g = Normal(); chi += g * g; } return z / Math.Sqrt(chi / 4) / Math.Sqrt(2.0); }   // t(4) has variance 2
    int outliers = Math.Max(2, therapists / 10);
    double mixture = ((therapists - outliers) + (outliers * 4.0)) / therapists;   // variance of the planted mixture in units of the normal part's
    double tau0 = Math.Sqrt(TotalVariance * TherapistShare / mixture);
    double siteSd = Math.Sqrt(TotalVariance * SiteShare), sigma = Math.Sqrt(TotalVariance * (1 - TherapistShare - SiteShare));
    double[] siteEffects = Enumerable.Range(0, sites).Select(_ => siteSd * Normal()).ToArray();
    var planted = new Dictionary<string, (int Kind, double Effect)>(StringComparer.Ordinal);
    var episodes = new List<ServiceEpisode>();
    for (int t = 0; t < therapists; t++)
    {
        string id = "T" + t.ToString("000", CultureInfo.InvariantCulture);
        int kind = t < outliers / 2 ? 1 : t < outliers ? -1 : 0;
        double effect = kind == 0 ? tau0 * Normal() : kind * 2 * tau0;
        planted[id] = (kind, effect);
        int site = t % sites;
        int caseload = Math.Clamp((int)Math.Round(clients * Math.Exp((0.45 * Normal()) - 0.1)), 3, 2 * clients);
        for (int c = 0; c < caseload; c++)
        {
            double intake = Math.Clamp(18 + (6 * Normal()), 0, 40);
            double noise = heavy ? sigma * StudentT4() : sigma * Normal();
            double final = 10 + (0.6 * intake) + siteEffects[site] + effect + noise;
            episodes.Add(new ServiceEpisode(id + "-" + c.ToString(CultureInfo.InvariantCulture), id, "S" + site.ToString("00", CultureInfo.InvariantCulture), intake, final, 8, null));
        }
    }

    return (episodes, planted);
}

#:property ImplicitUsings=enable

// Generates a realistic, entirely synthetic caseload (no real client data) and the truth behind it.
//
//   dotnet run docs/samples/generate.cs              docs/samples/alliance-sample.csv and alliance-sample-truth.csv
//   dotnet run docs/samples/generate.cs -- check     docs/samples/check/alliance-check.csv and alliance-check-truth.csv
//
// The sample: 60 clients x 12 weekly sessions, the client's SRS and ORS every session, the client's WAI-SR and both
// the client's and the therapist's Alliance Profile at sessions 3, 6, 9 and 12. About one client in four has an
// alliance rupture (a dip of 0.18 of the scale from an onset session), most of them repaired within two sessions.
// Outcome courses (ORS) improve, stay flat or deteriorate. The check set uses another seed and other parameters (80
// clients, more and shallower or deeper ruptures, longer repairs, more noise): the rules were never tuned to it.
//
// The truth file has one row per client: the rupture's onset, the first session after the dip (empty when the dip
// lasts to the end of the series), the outcome course, and the client's true (noise-free) SRS level at the last
// session and its slope per session, in SRS points. Fixed seeds, so both files are reproducible.
//
// Therapists and sites (issue 28): each client is seen by a therapist at a site (the therapist and site columns).
// Caseloads differ in size (the sample: 6 therapists with 5 to 17 clients at 2 sites; the check set: 8 therapists
// with 4 to 19 clients at 3 sites), and a few clients change therapist at session 7 (recorded per session). Therapist
// and site effects are planted: each therapist shifts the alliance level (SD 0.03 of the scale, about 1.2 SRS points)
// and the outcome slope (SD 0.004 of the scale per session, about 5 % of the slope variance, as therapist effects in
// routine care: REFERENCE-service.md), each site shifts the outcome slope (SD 0.003). A client's effects are those of
// the therapist and site the episode started with, so a change of therapist adds no step to the series (the truth
// file's ruptures stay the only dips). The check set plants no effects (see below). The
// truth file records every client's therapists, site and the effects planted. The effects are drawn from a stream of
// their own, so the rupture and noise draws are the same as before issue 28 (the values shift by the effects only).

using System.Globalization;
using System.Text;

bool check = args.Length > 0 && args[0] == "check";
var p = check
    ? new Parameters(Seed: 20261201, Clients: 80, RuptureShare: 0.30, MinDepth: 0.15, MaxDepth: 0.24, FirstOnset: 3, LastOnset: 11, RepairedShare: 0.70, MaxRepair: 3, Noise: 1.25, AllianceLow: 0.78, AllianceHigh: 0.96)
    : new Parameters(Seed: 20261125, Clients: 60, RuptureShare: 0.25, MinDepth: 0.18, MaxDepth: 0.18, FirstOnset: 4, LastOnset: 10, RepairedShare: 0.75, MaxRepair: 2, Noise: 1.0, AllianceLow: 0.80, AllianceHigh: 0.95);

var random = new Random(p.Seed);
var care = new Random(p.Seed + 2);       // therapists, sites and their effects: a stream of their own
// The check set keeps the values it had when issue 26 chose the signal rules on the sample and measured them on it
// (its figures in docs/trends.md stay comparable): it gains therapists and sites, with no effects planted.
double effects = check ? 0.0 : 1.0;
int[] caseloads = check ? [19, 15, 12, 10, 9, 6, 5, 4] : [17, 13, 11, 8, 6, 5];
string[] sites = check ? ["east", "north", "south"] : ["north", "south"];
double Normal(Random r) => Math.Sqrt(-2.0 * Math.Log(1.0 - r.NextDouble())) * Math.Cos(2.0 * Math.PI * r.NextDouble());
var therapists = caseloads.Select((size, t) => (
    Id: $"T{t + 1:00}",
    Site: sites[t * sites.Length / caseloads.Length],
    Size: size,
    Alliance: effects * 0.03 * Normal(care),
    Outcome: effects * 0.004 * Normal(care))).ToArray();
var siteEffect = sites.ToDictionary(site => site, _ => effects * 0.003 * Normal(care));
// Clients in a random order fill the caseloads; about one client in twelve moves to the next therapist of the same
// site (or the first of the site) from session 7.
int[] order = Enumerable.Range(0, p.Clients).OrderBy(_ => care.Next()).ToArray();
var assigned = new int[p.Clients];
for (int i = 0, t = 0, filled = 0; i < p.Clients; i++, filled++)
{
    if (filled == therapists[t].Size)
    {
        (t, filled) = (t + 1, 0);
    }

    assigned[order[i]] = t;
}

int[] movedTo = Enumerable.Range(0, p.Clients).Select(c =>
{
    int t = assigned[c];
    int[] colleagues = Enumerable.Range(0, therapists.Length).Where(o => o != t && therapists[o].Site == therapists[t].Site).ToArray();
    return care.NextDouble() < 1.0 / 12 && colleagues.Length > 0 ? colleagues[care.Next(colleagues.Length)] : -1;
}).ToArray();
var courses = new Random(p.Seed + 1);   // a stream of its own, so the alliance values do not depend on the outcome courses
var csv = new StringBuilder("episode,session,date,perspective,instrument,therapist,site,item,value\n");
var truth = new StringBuilder("episode,rupture_onset,rupture_end,outcome_course,srs_true_latest,srs_true_slope,therapist,therapist_from_session_7,site,therapist_alliance_effect,therapist_outcome_slope_effect,site_outcome_slope_effect\n");
var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
string[] profileItems = ["optimistic-rapport", "mutual-goals-collaboration", "realistic-goals", "shared-obligation", "mutual-respect", "empathy", "sincerity", "security", "optimistic-expectations"];

string therapistNow = string.Empty, siteNow = string.Empty;
void Row(string episode, int session, DateTime date, string perspective, string instrument, string item, decimal value) =>
    csv.Append(CultureInfo.InvariantCulture, $"{episode},{session},{date:yyyy-MM-dd},{perspective},{instrument},{therapistNow},{siteNow},{item},{value}\n");

decimal Clamp(double value, double min, double max, int decimals) => Math.Round((decimal)Math.Clamp(value, min, max), decimals);

for (int client = 1; client <= p.Clients; client++)
{
    string episode = $"C{client:000}";
    var first = therapists[assigned[client - 1]];
    var second = movedTo[client - 1] >= 0 ? therapists[movedTo[client - 1]] : first;
    double alliance = p.AllianceLow + (random.NextDouble() * (p.AllianceHigh - p.AllianceLow));   // share of the SRS maximum
    double growth = (random.NextDouble() * 0.012) - 0.002;                                        // per session
    double outcome = 0.40 + (random.NextDouble() * 0.15);                                         // ORS starts in the clinical range
    int rupture = random.NextDouble() < p.RuptureShare ? random.Next(p.FirstOnset, p.LastOnset + 1) : -1;
    int repairAfter = random.NextDouble() < p.RepairedShare ? random.Next(1, p.MaxRepair + 1) : 99;
    double therapistOffset = -0.3 - (random.NextDouble() * 0.6);                                  // therapists rate lower than clients
    double depth = p.MinDepth + ((p.MaxDepth - p.MinDepth) * courses.NextDouble());
    double course = courses.NextDouble();
    (string name, double slope) outcomeCourse = course < 0.70 ? ("improving", 0.025) : course < 0.85 ? ("flat", 0.0) : ("deteriorating", -0.02);
    DateTime date = start.AddDays(client % 7);
    for (int session = 1; session <= 12; session++, date = date.AddDays(7))
    {
        var seenBy = session >= 7 ? second : first;
        (therapistNow, siteNow) = (seenBy.Id, seenBy.Site);
        double level = alliance + first.Alliance + (growth * session);
        if (rupture > 0 && session >= rupture && session < rupture + repairAfter)
        {
            level -= depth;
        }

        for (int item = 1; item <= 4; item++)
        {
            Row(episode, session, date, "client", "srs", item.ToString(CultureInfo.InvariantCulture), Clamp((level * 10) + ((random.NextDouble() - 0.5) * 0.8 * p.Noise), 0, 10, 1));
        }

        double wellBeing = outcome + ((outcomeCourse.slope + first.Outcome + siteEffect[first.Site]) * session);
        for (int item = 1; item <= 4; item++)
        {
            Row(episode, session, date, "client", "ors", item.ToString(CultureInfo.InvariantCulture), Clamp((wellBeing * 10) + ((random.NextDouble() - 0.5) * 1.5 * p.Noise), 0, 10, 1));
        }

        if (session % 3 == 0)
        {
            for (int item = 1; item <= 12; item++)
            {
                Row(episode, session, date, "client", "wai-sr", item.ToString(CultureInfo.InvariantCulture), Clamp(1 + (level * 4) + ((random.NextDouble() - 0.5) * 1.6 * p.Noise), 1, 5, 0));
            }

            foreach (string item in profileItems)
            {
                Row(episode, session, date, "client", "alliance-profile", item, Clamp(1 + (level * 6) + ((random.NextDouble() - 0.5) * 1.8 * p.Noise), 1, 7, 0));
            }

            foreach (string item in profileItems)
            {
                Row(episode, session, date, "therapist", "alliance-profile", item, Clamp(1 + (level * 6) + therapistOffset + ((random.NextDouble() - 0.5) * 1.8 * p.Noise), 1, 7, 0));
            }
        }
    }

    string onset = rupture > 0 ? rupture.ToString(CultureInfo.InvariantCulture) : string.Empty;
    string end = rupture > 0 && rupture + repairAfter <= 12 ? (rupture + repairAfter).ToString(CultureInfo.InvariantCulture) : string.Empty;
    double latest = Math.Min(40.0, (alliance + first.Alliance + (growth * 12) - (rupture > 0 && 12 >= rupture && 12 < rupture + repairAfter ? depth : 0.0)) * 40.0);
    truth.Append(CultureInfo.InvariantCulture, $"{episode},{onset},{end},{outcomeCourse.name},{latest:0.###},{growth * 40:0.####},{first.Id},{(second.Id != first.Id ? second.Id : string.Empty)},{first.Site},{first.Alliance:0.####},{first.Outcome:0.#####},{siteEffect[first.Site]:0.#####}\n");
}

string folder = check ? Path.Combine("docs", "samples", "check") : Path.Combine("docs", "samples");
string name = check ? "alliance-check" : "alliance-sample";
Directory.CreateDirectory(folder);
File.WriteAllText(Path.Combine(folder, name + ".csv"), csv.ToString());
File.WriteAllText(Path.Combine(folder, name + "-truth.csv"), truth.ToString());
Console.WriteLine($"Wrote {Path.Combine(folder, name)}.csv and its truth.");

/// <summary>The generator's parameters: shares are of the scale's range (the SRS's 40 points), noise is a multiplier.</summary>
internal sealed record Parameters(int Seed, int Clients, double RuptureShare, double MinDepth, double MaxDepth, int FirstOnset, int LastOnset, double RepairedShare, int MaxRepair, double Noise, double AllianceLow, double AllianceHigh);

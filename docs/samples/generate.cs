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

using System.Globalization;
using System.Text;

bool check = args.Length > 0 && args[0] == "check";
var p = check
    ? new Parameters(Seed: 20261201, Clients: 80, RuptureShare: 0.30, MinDepth: 0.15, MaxDepth: 0.24, FirstOnset: 3, LastOnset: 11, RepairedShare: 0.70, MaxRepair: 3, Noise: 1.25, AllianceLow: 0.78, AllianceHigh: 0.96)
    : new Parameters(Seed: 20261125, Clients: 60, RuptureShare: 0.25, MinDepth: 0.18, MaxDepth: 0.18, FirstOnset: 4, LastOnset: 10, RepairedShare: 0.75, MaxRepair: 2, Noise: 1.0, AllianceLow: 0.80, AllianceHigh: 0.95);

var random = new Random(p.Seed);
var courses = new Random(p.Seed + 1);   // a stream of its own, so the alliance values do not depend on the outcome courses
var csv = new StringBuilder("episode,session,date,perspective,instrument,item,value\n");
var truth = new StringBuilder("episode,rupture_onset,rupture_end,outcome_course,srs_true_latest,srs_true_slope\n");
var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
string[] profileItems = ["optimistic-rapport", "mutual-goals-collaboration", "realistic-goals", "shared-obligation", "mutual-respect", "empathy", "sincerity", "security", "optimistic-expectations"];

void Row(string episode, int session, DateTime date, string perspective, string instrument, string item, decimal value) =>
    csv.Append(CultureInfo.InvariantCulture, $"{episode},{session},{date:yyyy-MM-dd},{perspective},{instrument},{item},{value}\n");

decimal Clamp(double value, double min, double max, int decimals) => Math.Round((decimal)Math.Clamp(value, min, max), decimals);

for (int client = 1; client <= p.Clients; client++)
{
    string episode = $"C{client:000}";
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
        double level = alliance + (growth * session);
        if (rupture > 0 && session >= rupture && session < rupture + repairAfter)
        {
            level -= depth;
        }

        for (int item = 1; item <= 4; item++)
        {
            Row(episode, session, date, "client", "srs", item.ToString(CultureInfo.InvariantCulture), Clamp((level * 10) + ((random.NextDouble() - 0.5) * 0.8 * p.Noise), 0, 10, 1));
        }

        double wellBeing = outcome + (outcomeCourse.slope * session);
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
    double latest = Math.Min(40.0, (alliance + (growth * 12) - (rupture > 0 && 12 >= rupture && 12 < rupture + repairAfter ? depth : 0.0)) * 40.0);
    truth.Append(CultureInfo.InvariantCulture, $"{episode},{onset},{end},{outcomeCourse.name},{latest:0.###},{growth * 40:0.####}\n");
}

string folder = check ? Path.Combine("docs", "samples", "check") : Path.Combine("docs", "samples");
string name = check ? "alliance-check" : "alliance-sample";
Directory.CreateDirectory(folder);
File.WriteAllText(Path.Combine(folder, name + ".csv"), csv.ToString());
File.WriteAllText(Path.Combine(folder, name + "-truth.csv"), truth.ToString());
Console.WriteLine($"Wrote {Path.Combine(folder, name)}.csv and its truth.");

/// <summary>The generator's parameters: shares are of the scale's range (the SRS's 40 points), noise is a multiplier.</summary>
internal sealed record Parameters(int Seed, int Clients, double RuptureShare, double MinDepth, double MaxDepth, int FirstOnset, int LastOnset, double RepairedShare, int MaxRepair, double Noise, double AllianceLow, double AllianceHigh);

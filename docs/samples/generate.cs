#:property ImplicitUsings=enable

// Generates docs/samples/alliance-sample.csv: a realistic, entirely synthetic caseload (no real client data).
// 60 clients x 12 weekly sessions: the client's SRS and ORS every session, the client's WAI-SR and both the client's
// and the therapist's Alliance Profile at sessions 3, 6, 9 and 12. About one client in four has an alliance rupture,
// most of them repaired within two sessions. Fixed seed, so the file is reproducible:
//   dotnet run docs/samples/generate.cs            (from the repository root)

using System.Globalization;
using System.Text;

var random = new Random(20261125);
var csv = new StringBuilder("episode,session,date,perspective,instrument,item,value\n");
var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
string[] profileItems = ["optimistic-rapport", "mutual-goals-collaboration", "realistic-goals", "shared-obligation", "mutual-respect", "empathy", "sincerity", "security", "optimistic-expectations"];

void Row(string episode, int session, DateTime date, string perspective, string instrument, string item, decimal value) =>
    csv.Append(CultureInfo.InvariantCulture, $"{episode},{session},{date:yyyy-MM-dd},{perspective},{instrument},{item},{value}\n");

decimal Clamp(double value, double min, double max, int decimals) => Math.Round((decimal)Math.Clamp(value, min, max), decimals);

for (int client = 1; client <= 60; client++)
{
    string episode = $"C{client:000}";
    double alliance = 0.80 + (random.NextDouble() * 0.15);       // share of the SRS maximum
    double growth = (random.NextDouble() * 0.012) - 0.002;       // per session
    double outcome = 0.40 + (random.NextDouble() * 0.15);        // ORS starts in the clinical range
    int rupture = random.NextDouble() < 0.25 ? random.Next(4, 11) : -1;
    int repairAfter = random.NextDouble() < 0.75 ? random.Next(1, 3) : 99;
    double therapistOffset = -0.3 - (random.NextDouble() * 0.6); // therapists rate lower than clients
    DateTime date = start.AddDays(client % 7);
    for (int session = 1; session <= 12; session++, date = date.AddDays(7))
    {
        double level = alliance + (growth * session);
        if (rupture > 0 && session >= rupture && session < rupture + repairAfter)
        {
            level -= 0.18;
        }

        for (int item = 1; item <= 4; item++)
        {
            Row(episode, session, date, "client", "srs", item.ToString(CultureInfo.InvariantCulture), Clamp((level * 10) + ((random.NextDouble() - 0.5) * 0.8), 0, 10, 1));
        }

        double wellBeing = outcome + (0.025 * session);
        for (int item = 1; item <= 4; item++)
        {
            Row(episode, session, date, "client", "ors", item.ToString(CultureInfo.InvariantCulture), Clamp((wellBeing * 10) + ((random.NextDouble() - 0.5) * 1.5), 0, 10, 1));
        }

        if (session % 3 == 0)
        {
            for (int item = 1; item <= 12; item++)
            {
                Row(episode, session, date, "client", "wai-sr", item.ToString(CultureInfo.InvariantCulture), Clamp(1 + (level * 4) + ((random.NextDouble() - 0.5) * 1.6), 1, 5, 0));
            }

            foreach (string item in profileItems)
            {
                Row(episode, session, date, "client", "alliance-profile", item, Clamp(1 + (level * 6) + ((random.NextDouble() - 0.5) * 1.8), 1, 7, 0));
            }

            foreach (string item in profileItems)
            {
                Row(episode, session, date, "therapist", "alliance-profile", item, Clamp(1 + (level * 6) + therapistOffset + ((random.NextDouble() - 0.5) * 1.8), 1, 7, 0));
            }
        }
    }
}

string path = args.Length > 0 ? args[0] : Path.Combine("docs", "samples", "alliance-sample.csv");
File.WriteAllText(path, csv.ToString());
Console.WriteLine($"Wrote {path}.");

#:project ../../src/TherapeuticAlliance.Columnar/TherapeuticAlliance.Columnar.csproj
#:property ImplicitUsings=enable

// Generates a partitioned dataset of synthetic alliance ratings for the consortium recipe: SITES Hive-style folders
// (site=01/part-0.parquet, ...), each with CLIENTS clients rated on the WAI-SR and the SRS (client) and the alliance
// profile (client and therapist) over 6 to 12 sessions, in the long layout (episode, session, date, perspective, instrument, item, value). Every episode
// lives in one partition (partition by client, never split a client's series). No real client; a fixed seed.
// From the repository's root:   dotnet run samples/consortium/generate.cs -- OUTPUT [SITES] [CLIENTS]

using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Tables;

string output = args.Length > 0 ? args[0] : Path.Combine("samples", "consortium", "out", "dataset");
int sites = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6;
int clients = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
var random = new Random(20261130);
(Instrument, string)[] Forms =
{
    (AllianceInstruments.WaiSr, "client"),
    (AllianceInstruments.AllianceProfile, "client"),
    (AllianceInstruments.AllianceProfile, "therapist"),
    (AllianceInstruments.Srs, "client"),
};
string[] columns = { "episode", "session", "date", "perspective", "instrument", "item", "value" };
long total = 0;
for (int site = 1; site <= sites; site++)
{
    var rows = new List<IReadOnlyList<object?>>();
    for (int c = 0; c < clients; c++)
    {
        string episode = string.Format(CultureInfo.InvariantCulture, "S{0:00}-C{1:000}", site, c);
        double level = random.NextDouble();                  // the client's alliance level, 0-1
        double trend = (random.NextDouble() - 0.3) * 0.02;   // and its drift per session, in fractions of the scale
        int sessions = random.Next(6, 13);
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(0, 60));
        for (int s = 1; s <= sessions; s++)
        {
            string date = start.AddDays(7 * (s - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach ((Instrument instrument, string perspective) in Forms)
            {
                // A level between the scale's floor and ceiling: the client's, its drift, a therapist's lower rating
                // and noise, rounded to the scale's step; about 0.2 % of WAI-SR responses missing (the administration is then left out under the default complete-only policy, and reported).
                double min = (double)instrument.Scale.Minimum;
                double max = (double)instrument.Scale.Maximum;
                double step = (double)instrument.Scale.Step;
                foreach (InstrumentItem item in instrument.Items)
                {
                    double fraction = 0.45 + (level * 0.3) + (trend * s) + (random.NextDouble() * 0.35) - (perspective == "therapist" ? 0.08 : 0.0);
                    double value = Math.Clamp(min + (Math.Round(fraction * (max - min) / step) * step), min, max);
                    bool missing = instrument.Id == "wai-sr" && random.NextDouble() < 0.002;
                    rows.Add(new object?[] { episode, s, date, perspective, instrument.Id, item.Id, missing ? null : Math.Round(value, 4) });
                }
            }
        }
    }

    string folder = Path.Combine(output, string.Format(CultureInfo.InvariantCulture, "site={0:00}", site));
    Directory.CreateDirectory(folder);
    await using FileStream file = File.Create(Path.Combine(folder, "part-0.parquet"));
    await ColumnarTables.WriteParquetAsync(file, new TidyTable(columns, rows));
    total += rows.Count;
}

Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "Wrote {0} partitions ({1} rows) under {2}.", sites, total, output));

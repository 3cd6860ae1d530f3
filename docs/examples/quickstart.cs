#:project ../../src/TherapeuticAlliance/TherapeuticAlliance.csproj
#:property ImplicitUsings=enable

// Scores the bundled sample assessments (docs/samples/sample-assessments.csv) and prints a summary.
// Run from the repository root:  dotnet run docs/examples/quickstart.cs
// The sample is synthetic: no real client data.

using System.Globalization;
using TherapeuticAlliance;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

string path = args.Length > 0 ? args[0] : Path.Combine("docs", "samples", "sample-assessments.csv");
if (!File.Exists(path))
{
    Console.Error.WriteLine($"Sample file not found: {path}. Run from the repository root or pass the file's path.");
    return 2;
}

// One administration = one (episode, session, perspective, instrument); the CSV has one row per item response.
var administrations = File.ReadLines(path)
    .Skip(1)
    .Where(line => line.Length > 0)
    .Select(line => line.Split(','))
    .GroupBy(f => (Episode: f[0], Session: int.Parse(f[1], CultureInfo.InvariantCulture), Date: f[2], Perspective: f[3], Instrument: f[4]))
    .OrderBy(g => g.Key.Episode, StringComparer.Ordinal).ThenBy(g => g.Key.Session)
    .ToList();

var scored = new List<(string Episode, Instrument Instrument, EvaluatedScore Result)>();
int rejected = 0;
foreach (var administration in administrations)
{
    if (!InstrumentCatalog.BuiltIn.TryGetInstrument(administration.Key.Instrument, out Instrument? instrument))
    {
        rejected++;
        Console.WriteLine($"  {administration.Key.Episode} session {administration.Key.Session}: unknown instrument");
        continue;
    }

    Perspective perspective = administration.Key.Perspective == "therapist" ? Perspective.Therapist : Perspective.Client;
    var occasion = Occasion.Session(
        administration.Key.Session,
        DateTimeOffset.ParseExact(administration.Key.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    IEnumerable<ItemResponse> responses = administration.Select(f => ItemResponse.Answered(f[5], decimal.Parse(f[6], CultureInfo.InvariantCulture)));

    // Alliance Profile is scored as means by convention; the other instruments as sums.
    IScoringStrategy strategy = instrument.Id == "alliance-profile" ? ScoringStrategies.Mean : ScoringStrategies.Sum;
    string? error = instrument.CreateAssessment(perspective, occasion, responses).Match(
        assessment => strategy.Score(assessment).Match<string?>(
            score =>
            {
                scored.Add((administration.Key.Episode, instrument, new EvaluatedScore(score, instrument.Cutoff?.IsFlagged(score))));
                return null;
            },
            missing => missing.Message,
            mismatch => mismatch.Message),
        invalid => invalid.Message);
    if (error is not null)
    {
        rejected++;
        Console.WriteLine($"  rejected {administration.Key.Episode} session {administration.Key.Session} ({instrument.Id}): {error}");
    }
}

Console.WriteLine();
Console.WriteLine($"TherapeuticAlliance quick start: {administrations.Count} administrations read, {scored.Count} scored, {rejected} rejected.");
Console.WriteLine();
Console.WriteLine("Instrument          Scored  Metric  Mean total  Mean POMP  Below cutoff");
foreach (var group in scored.GroupBy(s => s.Instrument.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    AllianceScore first = group.First().Result.Score;
    int flagged = group.Count(s => s.Result.Flagged == true);
    string cutoff = group.First().Instrument.Cutoff is null ? "n/a" : flagged.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        "{0,-18} {1,7}  {2,-6} {3,11:0.00} {4,10:0.0}  {5,12}",
        group.Key,
        group.Count(),
        first.Metric.ToString().ToLowerInvariant(),
        group.Average(s => s.Result.Score.Value),
        group.Average(s => s.Result.Score.Pomp),
        cutoff));
}

Console.WriteLine();
Console.WriteLine("SRS sessions below the cutoff of 36 (a prompt to talk about the session, not a clinical judgement):");
foreach (var (episode, _, result) in scored.Where(s => s.Instrument.Id == "srs" && s.Result.Flagged == true))
{
    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0} session {1}: total {2}", episode, result.Score.Occasion.SessionNumber, result.Score.Value));
}

AllianceScore? profile = scored.Where(s => s.Instrument.Id == "alliance-profile").Select(s => s.Result.Score).LastOrDefault();
if (profile is not null)
{
    DimensionScore weakest = profile.ModelDimensions.OrderBy(d => d.Value).First();
    Console.WriteLine();
    Console.WriteLine(string.Format(
        CultureInfo.InvariantCulture,
        "Latest therapist Alliance Profile: overall {0:0.00} of 7; lowest dimension: {1} ({2})",
        profile.Value,
        weakest.Dimension.Name,
        weakest.Value));
}

return 0;

internal sealed record EvaluatedScore(AllianceScore Score, bool? Flagged);

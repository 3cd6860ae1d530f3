using System.Globalization;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Tests.Tables;

/// <summary>ResponseFileReader, the streaming reader of the one response schema the CLI reads (moved out of the CLI in issue 25).</summary>
public sealed class ResponseFileReaderTests : IDisposable
{
    private const string Header = "episode,session,date,perspective,instrument,item,value\n";
    private static readonly InstrumentCatalog Catalog = new(AllianceInstruments.All);
    private readonly string _folder = Directory.CreateTempSubdirectory("ta-reader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string text, string name = "responses.csv")
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Srs(string episode, int session, string date, params string[] values) =>
        string.Concat(values.Select((v, i) => $"{episode},{session},{date},client,srs,{i + 1},{v}\n"));

    [Fact]
    public void ABadValue_RejectsItsWholeAdministration_NamesLineAndColumn_AndKeepsTheOthers()
    {
        string path = Write(Header + Srs("E1", 1, "2026-03-02", "9", "8.5", "", "7") + Srs("E2", 1, "", "9", "SECRET-123", "9", "9"));
        var reader = new ResponseFileReader(Catalog, path);

        Administration[] read = reader.Read().ToArray();

        Administration only = Assert.Single(read);
        Assert.Equal(("E1", 1, Perspective.Client, "srs"), (only.Episode, only.Session, only.Perspective, only.Instrument.Id));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), only.Date);
        Assert.Equal(new long[] { 2, 3, 4, 5 }, only.ResponseLines);
        Assert.Null(only.Responses[2].Value);
        Assert.Equal((8L, 4L, 1L, false), (reader.RowsRead, reader.RowsRejected, reader.AdministrationsRejected, reader.Fatal));
        InputProblem problem = Assert.Single(reader.TakeProblems());
        Assert.Equal(("responses.csv", 7L, ResponseFileSchema.Value), (problem.File, problem.Line, problem.Column));
        Assert.DoesNotContain("SECRET", problem.ToString(), StringComparison.Ordinal);
        // Issue 26, part 4: the problem names whose data it left out, for marking that client; never in its text.
        Assert.Equal("E2", problem.EpisodeId);
        Assert.DoesNotContain("E2", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty(reader.TakeProblems());   // taken once, then forgotten
    }

    [Fact]
    public void CreateAssessment_IsTheInstrumentsAssessment_OfTheSameResponses()
    {
        string path = Write(Header + Srs("E1", 3, "2026-03-02", "9", "8.5", "", "7"));
        Administration administration = new ResponseFileReader(Catalog, path).Read().Single();

        Assessment assessment = administration.CreateAssessment().AsT0;

        Assessment expected = AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(3, administration.Date), administration.Responses).AsT0;
        Assert.Equal(expected.Responses.Select(r => (r.ItemId, r.Value)), assessment.Responses.Select(r => (r.ItemId, r.Value)));
        Assert.Equal(3, assessment.Occasion.SessionNumber);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void EuropeanConventions_AreReadAsStated_InAnyCulture(string culture)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            string path = Write(Header.Replace(',', ';') + "E1;1;02.03.2026;client;srs;1;9,5\nE1;1;02.03.2026;client;srs;2;8\nE1;1;02.03.2026;client;srs;3;8\nE1;1;02.03.2026;client;srs;4;8\n");
            var reader = new ResponseFileReader(Catalog, path, new ResponseFileOptions(Delimiter: ';', DecimalComma: true, DateFormat: "dd.MM.yyyy"));

            Administration read = reader.Read().Single();

            Assert.Equal(9.5m, read.Responses[0].Value);
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), read.Date);
            Assert.Empty(reader.TakeProblems());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void AFileWithTheWrongDelimiter_StopsWithOneProblem_ThatNamesTheOption()
    {
        string path = Write(Header.Replace(',', ';') + "E1;1;;client;srs;1;9\n");
        var reader = new ResponseFileReader(Catalog, path);

        Assert.Empty(reader.Read());

        Assert.True(reader.Fatal);
        Assert.Contains("--delimiter", Assert.Single(reader.TakeProblems()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsOfOneAdministrationApart_AreRejectedWhole_NeverScoredInPart()
    {
        string path = Write(Header + Srs("E1", 1, "", "9", "9") + Srs("E2", 1, "", "9", "9", "9", "9") + "E1,1,,client,srs,3,9\nE1,1,,client,srs,4,9\n");
        var reader = new ResponseFileReader(Catalog, path);

        Assert.Equal(new[] { "E2" }, reader.Read().Select(a => a.Episode));
        Assert.Equal(2, reader.AdministrationsRejected);
        Assert.All(reader.TakeProblems(), p => Assert.Contains("not adjacent", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ATotalsFile_GivesTotals_AndNoResponses()
    {
        string path = Write("episode,session,date,perspective,instrument,total\nE1,1,,client,srs,36.5\n");
        Administration read = new ResponseFileReader(Catalog, path).Read().Single();

        Assert.Equal(36.5m, read.Total);
        Assert.Empty(read.Responses);
    }

    [Fact]
    public void Arguments_AreGuarded()
    {
        Assert.Throws<ArgumentNullException>(() => new ResponseFileReader(null!, "x.csv"));
        Assert.Throws<ArgumentNullException>(() => new ResponseFileReader(Catalog, null!));
    }

    [Fact]
    public void AProblemLine_IsBounded()
    {
        Assert.Equal(InputProblem.MaxMessageLength + 1 + "f:1: ".Length, new InputProblem("f", 1, null, new string('m', 5000)).ToString().Length);
    }
}

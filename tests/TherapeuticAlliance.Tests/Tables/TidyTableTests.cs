using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Tests.TestHelpers;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Tables;

/// <summary>Tidy tables: their invariants, CSV out and in (R's conventions), the results' long forms with psych's names, and long-format data read back into a response matrix or episodes.</summary>
public class TidyTableTests
{
    private static readonly IReadOnlyDictionary<string, double> Waisr = OracleFiles.ReadExpected("waisr-expected.csv");

    private static ResponseMatrix WaisrMatrix() =>
        ResponseMatrix.FromRows(OracleFiles.ReadMatrix("waisr-responses.csv").Select(r => (IReadOnlyList<double>)r.Select(v => (double)v).ToArray()).ToList());

    private static TidyTable Read(string csv) => TidyCsv.Read(new StringReader(csv)).GetValueOrThrow();

    [Fact]
    public void Table_RejectsRepeatedColumns_RowsOfAnotherWidth_AndUnsupportedCells()
    {
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new TidyTable(new[] { "a", "a" }, Array.Empty<object?[]>())).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new TidyTable(Array.Empty<string>(), Array.Empty<object?[]>())).ParamName);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => new TidyTable(new[] { " " }, Array.Empty<object?[]>())).ParamName);
        ArgumentException width = Assert.Throws<ArgumentException>(() => new TidyTable(new[] { "a", "b" }, new[] { new object?[] { 1 } }));
        Assert.StartsWith("Row 1 has 1 cell(s); the table has 2 column(s).", width.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TidyTable(new[] { "a" }, new[] { new object?[] { DateTime.Now } }));
        Assert.Throws<ArgumentNullException>(() => new TidyTable(new[] { "a" }, new IReadOnlyList<object?>[] { null! }));

        var table = new TidyTable(new[] { "name", "value" }, new[] { new object?[] { "x", 1.5 }, new object?[] { "y", null } });
        Assert.Equal(1.5, table[0, "value"]);
        Assert.True(double.IsNaN(table.GetDouble(1, "value")));
        Assert.Equal(1, table.Where("name", "y").RowCount);
        Assert.Equal("2 rows × 2 columns (name, value)", table.ToString());
        Assert.Throws<ArgumentException>(() => table[0, "missing"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[2, "name"]);
    }

    [Fact]
    public void Csv_WritesRsConventions_AndQuotesWhatNeedsIt()
    {
        var table = new TidyTable(
            new[] { "text", "double", "decimal", "int" },
            new[]
            {
                new object?[] { "plain", 0.1, 36.0m, 3 },
                new object?[] { "comma, \"quote\"\nnewline", double.NaN, null, null },
                new object?[] { null, double.PositiveInfinity, 8.8m, -1 },
                new object?[] { "=1+1", double.NegativeInfinity, 0m, 0 },
            });
        Assert.Equal(
            "text,double,decimal,int\nplain,0.1,36.0,3\n\"comma, \"\"quote\"\"\nnewline\",NA,NA,NA\nNA,Inf,8.8,-1\n=1+1,-Inf,0,0\n",
            TidyCsv.ToCsv(table));

        TidyTable back = Read(TidyCsv.ToCsv(table));
        Assert.Equal(table.Columns.ToArray(), back.Columns.ToArray());
        Assert.Equal("comma, \"quote\"\nnewline", back[1, "text"]);
        Assert.Null(back[2, "text"]);
        Assert.Equal(double.PositiveInfinity, back[2, "double"]);
        Assert.Equal("36.0", back[0, "decimal"]);     // exact decimal text stays text: it is not the shortest form of a double
        Assert.Equal(36.0, back.GetDouble(0, "decimal"));
        Assert.Equal(0.1, back[0, "double"]);
    }

    [Property(MaxTest = 200)]
    public Property Csv_RoundTripsEveryFiniteDouble_Exactly() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<double[]>().Filter(a => a.Length > 0),
            values =>
            {
                var table = new TidyTable(new[] { "v" }, values.Select(v => new object?[] { v }));
                TidyTable back = Read(TidyCsv.ToCsv(table));
                return values.Select((v, i) => double.IsNaN(v) ? back[i, "v"] is null : back[i, "v"] is double d && d.Equals(v)).All(ok => ok);
            });

    [Theory]
    [InlineData("", "empty-table", null)]
    [InlineData("a,a\n1,2\n", "bad-header", 1)]
    [InlineData("a,b\n1,2\n3\n", "wrong-width", 3)]
    [InlineData("a,\n1,2\n", "bad-header", 1)]
    public void Csv_BadInput_IsATypedErrorNamingTheLine(string csv, string code, int? line)
    {
        TableError error = TidyCsv.Read(new StringReader(csv)).AsT1;
        Assert.Equal(code, error.Code);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Csv_ErrorsNeverEchoACell()
    {
        TableError error = TidyCsv.Read(new StringReader("id,score\nclient-Jane-Doe,1\nclient-John,2,3\n")).AsT1;
        Assert.DoesNotContain("John", error.Message, StringComparison.Ordinal);
        Assert.Equal("Line 3 has 3 field(s); the header has 2.", error.Message);
    }

    [Fact]
    public void Reliability_LongForm_UsesPsychsNames_AndItsNumbers()
    {
        ReliabilityAnalysis alpha = Reliability.CronbachAlpha(WaisrMatrix()).GetValueOrThrow();
        TidyTable tidy = alpha.ToTidy();
        Assert.Equal(new[] { "statistic", "item", "value" }, tidy.Columns);
        Assert.Equal(6 + (4 * 12), tidy.RowCount);
        Assert.Equal(Waisr["alpha_raw"], (double)tidy.Where("statistic", "raw_alpha")[0, "value"]!, 12);
        Assert.Equal(Waisr["alpha_std"], (double)tidy.Where("statistic", "std.alpha")[0, "value"]!, 12);
        Assert.Equal(Waisr["r_drop_item3"], (double)tidy.Where("statistic", "r.drop").Where("item", alpha.Items[2].Item)[0, "value"]!, 12);
        Assert.Equal(400, tidy.Where("statistic", "n_used")[0, "value"]);

        TidyTable bySubscale = Reliability.ForInstrument(AllianceInstruments.WaiSr, WaisrMatrix()).GetValueOrThrow().ToTidy();
        Assert.Equal(new[] { "scale", "statistic", "item", "value" }, bySubscale.Columns);
        Assert.Equal(Waisr["alpha_raw"], (double)bySubscale.Where("scale", "total").Where("statistic", "raw_alpha")[0, "value"]!, 12);
        Assert.Equal(4, bySubscale.Where("statistic", "raw_alpha").RowCount);   // total, task, bond, goal
    }

    [Fact]
    public void Icc_LongForm_HasSevenStatisticsPerForm_AndTheDesign()
    {
        // Shrout & Fleiss (1979): 6 targets × 4 judges; ICC(2,1) = 0.2897637795 (psych's documentation).
        IccAnalysis icc = Agreement.IntraclassCorrelations(ResponseMatrix.FromRows(new IReadOnlyList<double>[]
        {
            new double[] { 9, 2, 5, 8 }, new double[] { 6, 1, 3, 2 }, new double[] { 8, 4, 6, 8 },
            new double[] { 7, 1, 2, 6 }, new double[] { 10, 5, 6, 9 }, new double[] { 6, 2, 4, 7 },
        })).GetValueOrThrow();
        TidyTable tidy = icc.ToTidy();
        Assert.Equal((6 * 7) + 8, tidy.RowCount);
        Assert.Equal(0.2897637795, (double)tidy.Where("type", "ICC2").Where("statistic", "icc")[0, "value"]!, 9);
        Assert.Equal(11.027247956, (double)tidy.Where("type", "ICC2").Where("statistic", "F")[0, "value"]!, 8);
        Assert.Equal(6, tidy.Where("statistic", "targets")[0, "value"]);
        Assert.Equal(new[] { "ICC1", "ICC2", "ICC3", "ICC1k", "ICC2k", "ICC3k" }, tidy.Rows.Select(r => r[0]).OfType<string>().Distinct());
    }

    [Fact]
    public void BlandAltman_LongForm_HasItsSevenStatistics()
    {
        BlandAltmanAnalysis ba = Agreement.BlandAltman(new[] { 10.0, 12, 14, 16 }, new[] { 9.0, 12, 13, 17 }).GetValueOrThrow();
        TidyTable tidy = ba.ToTidy();
        Assert.Equal(new[] { "bias", "sd", "lower_limit", "upper_limit", "multiplier", "pairs", "n_dropped" }, tidy.Rows.Select(r => r[0]));
        Assert.Equal(ba.Bias, tidy[0, "value"]);
        Assert.Equal(4, tidy[5, "value"]);
    }

    [Fact]
    public void ResponseMatrix_RoundTripsThroughTheLongForm_AndThroughCsv()
    {
        ResponseMatrix matrix = ResponseMatrix.FromRows(
            new IReadOnlyList<double>[] { new[] { 1.0, 2, double.NaN }, new[] { 3.0, 4, 5 } },
            new[] { "q1", "q2", "q3" });
        TidyTable tidy = matrix.ToTidy();
        Assert.Equal(6, tidy.RowCount);
        Assert.Null(tidy[2, "response"]);

        using var file = new TempFile();
        TidyCsv.Write(tidy, file.Path);
        ResponseMatrix back = LongFormat.ReadResponseMatrix(file.Path).GetValueOrThrow();
        Assert.Equal(matrix.ColumnNames.ToArray(), back.ColumnNames.ToArray());
        Assert.Equal((2, 3), (back.RowCount, back.ColumnCount));
        Assert.True(double.IsNaN(back[0, 2]));
        Assert.Equal(5.0, back[1, 2]);

        // The WAI-SR oracle in long form gives psych's alpha.
        ReliabilityAnalysis alpha = Reliability.CronbachAlpha(LongFormat.ToResponseMatrix(Read(TidyCsv.ToCsv(WaisrMatrix().ToTidy()))).GetValueOrThrow()).GetValueOrThrow();
        StatisticsOracleAssert(Waisr["alpha_raw"], alpha.Alpha);
    }

    [Fact]
    public void ResponseMatrix_FromBadLongData_IsATypedError()
    {
        Assert.Equal(("missing-column", "response"), Codes(LongFormat.ToResponseMatrix(Read("respondent,item,value\n1,a,2\n")).AsT1));
        Assert.Equal(("duplicate-observation", "item"), Codes(LongFormat.ToResponseMatrix(Read("respondent,item,response\n1,a,2\n1,a,3\n")).AsT1));
        TableError text = LongFormat.ToResponseMatrix(Read("respondent,item,response\n1,a,two\n")).AsT1;
        Assert.Equal(("bad-value", "response"), Codes(text));
        Assert.Equal("Row 1: the response is not a number: give the response as a number, or NA when it is missing.", text.Message);
        Assert.Equal(("bad-value", "respondent"), Codes(LongFormat.ToResponseMatrix(Read("respondent,item,response\nNA,a,1\n")).AsT1));
    }

    [Fact]
    public void Episodes_RoundTripThroughTheLongForm()
    {
        Episode srs = TrendTestData.Srs(30.5, 32, 35.9, 36);
        TidyTable tidy = new[] { srs }.ToTidy();
        Assert.Equal(new[] { "episode", "session", "date", "perspective", "instrument", "therapist", "site", "team", "metric", "total", "minimum", "maximum" }, tidy.Columns);
        Assert.Equal(35.9m, tidy[2, "total"]);

        ImmutableArray<EpisodeResult> back = LongFormat.ToEpisodes(Read(TidyCsv.ToCsv(tidy))).GetValueOrThrow();
        Episode episode = Assert.Single(back).GetValueOrThrow();
        Assert.Equal(srs.Scores.Select(s => (s.Occasion.SessionNumber, s.Value)), episode.Scores.Select(s => (s.Occasion.SessionNumber, s.Value)));
        Assert.Equal(("e", "srs", Perspective.Client), (episode.Id, episode.InstrumentId, episode.Perspective));
        Assert.Equal(AllianceInstruments.Srs.Cutoff, episode.Cutoff);
    }

    [Fact]
    public void Episodes_FromATableBuiltInCode_TakeIntSessionsAndDecimalScores()
    {
        // Regression: a table built in code holds ints and decimals, not only the doubles read from CSV.
        var table = new TidyTable(
            new[] { "episode", "instrument", "perspective", "session", "total" },
            new[] { new object?[] { "e", "srs", "client", 1, 30.5m }, new object?[] { "e", "srs", "client", 2, 32 }, new object?[] { "e", "srs", "client", 3, 33.5 } });
        Episode episode = Assert.Single(LongFormat.ToEpisodes(table).GetValueOrThrow()).GetValueOrThrow();
        Assert.Equal(new[] { 30.5m, 32m, 33.5m }, episode.Scores.Select(s => s.Value));
    }

    [Theory]
    [InlineData("episode,instrument,perspective,session\n", "missing-column", "total", null)]
    [InlineData("episode,instrument,perspective,session,total\ne,nope,client,1,30\n", "bad-value", "instrument", 1)]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,patient,1,30\n", "bad-value", "perspective", 1)]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,client,1.5,30\n", "bad-value", "session", 1)]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,client,0,30\n", "bad-value", "session", 1)]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,client,1,30\ne,srs,client,2,41\n", "bad-value", "total", 2)]
    [InlineData("episode,instrument,perspective,session,total,date\ne,srs,client,1,30,yesterday\n", "bad-value", "date", 1)]
    public void Episodes_FromBadLongData_AreTypedErrorsNamingRowAndColumn(string csv, string code, string column, int? row)
    {
        TableError error = LongFormat.ToEpisodes(Read(csv)).AsT1;
        Assert.Equal((code, column, row), (error.Code, error.Column, error.Line));
        Assert.DoesNotContain("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_FindingsAlertsAndTriage_HaveOneRowPerObservation()
    {
        AllianceReport report = EpisodeAnalyzer.Default.Analyze(TrendTestData.Srs(38, 39, 40, 30, 31, 30.5));
        TidyTable findings = new[] { report }.FindingsToTidy();
        Assert.Equal(report.Findings.Sum(f => f.Values.Count), findings.RowCount);
        Assert.All(findings.Rows, r => Assert.Equal("e", r[0]));
        TidyTable alerts = new[] { report }.AlertsToTidy();
        Assert.Equal(report.Alerts.Length, alerts.RowCount);
        Assert.Equal(report.Alerts.Select(a => a.Message), alerts.Rows.Select(r => r[9]));
        TidyTable triage = CaseloadTriage.Clients(new[] { report }).ToTidy();
        Assert.Equal(AttentionLevelCodes.ToCode(CaseloadTriage.Clients(new[] { report })[0].Level), triage[0, "level"]);
    }

    [Fact]
    public void Identifiers_SurviveTheCsv_AsTheTextTheFileHolds()
    {
        // Regression: every field that parsed as a double became one, so 0042 read back as 42, and two 20-digit
        // identifiers became the same double and their clients merged.
        TidyTable table = Read("episode,instrument,perspective,session,total\n0042,srs,client,1,30\n42,srs,client,1,31\n12345678901234567890,srs,client,1,32\n12345678901234567891,srs,client,1,33\n1e3,srs,client,1,34\n");
        Assert.Equal("0042", table[0, "episode"]);
        Assert.Equal(42.0, table[1, "episode"]);
        Assert.Equal("12345678901234567890", table[2, "episode"]);
        Assert.Equal("1e3", table[4, "episode"]);
        ImmutableArray<EpisodeResult> episodes = LongFormat.ToEpisodes(table).GetValueOrThrow();
        Assert.Equal(new[] { "0042", "12345678901234567890", "12345678901234567891", "1e3", "42" }, episodes.Select(e => e.GetValueOrThrow().Id));

        ResponseMatrix matrix = LongFormat.ToResponseMatrix(Read("respondent,item,response\n01,q1,1\n1,q1,2\n")).GetValueOrThrow();
        Assert.Equal(2, matrix.RowCount);
    }

    [Theory]
    [InlineData("episode,instrument,perspective,metric,session,total\ne,srs,client,pomp,1,30\n", "metric")]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,client,1,Inf\n", "total")]
    [InlineData("episode,instrument,perspective,session,total\ne,srs,client,1,1e30\n", "total")]
    [InlineData("episode,instrument,perspective,session,total,date\ne,srs,client,1,30,05/01/2024\n", "date")]
    public void Episodes_RejectWhatTheyCannotReadExactly_WithATypedError(string csv, string column)
    {
        // Regression: a non-sum metric was read as a sum total, Inf or 1e30 threw OverflowException, and dates were
        // parsed in the machine's culture and time zone.
        TableError error = LongFormat.ToEpisodes(Read(csv)).AsT1;
        Assert.Equal(("bad-value", column), (error.Code, error.Column));
    }

    [Fact]
    public void Episodes_ReadIsoDates_AsDatesOrWithTheirOffset()
    {
        Episode episode = LongFormat.ToEpisodes(Read("episode,instrument,perspective,session,total,date\ne,srs,client,1,30,2024-05-01\ne,srs,client,2,31,2024-05-08T09:30:00+02:00\ne,srs,client,3,32,NA\ne,srs,client,4,33,2024-05-22T10:00:00\n")).GetValueOrThrow()[0].GetValueOrThrow();
        Assert.Equal(new DateTimeOffset(2024, 5, 22, 10, 0, 0, TimeSpan.Zero), episode.Scores[3].Occasion.RecordedAt);   // no offset: UTC, wherever it runs
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), episode.Scores[0].Occasion.RecordedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 8, 9, 30, 0, TimeSpan.FromHours(2)), episode.Scores[1].Occasion.RecordedAt);
        Assert.Null(episode.Scores[2].Occasion.RecordedAt);
    }

    [Fact]
    public void ResponseMatrix_FromAHeaderOnlyTable_IsAnEmptyTableError_NotACrash()
    {
        Assert.Equal("empty-table", LongFormat.ToResponseMatrix(Read("respondent,item,response\n")).AsT1.Code);
        Assert.Equal("bad-value", LongFormat.ToResponseMatrix(Read("respondent,item,response\n1,a,Inf\n")).AsT1.Code);
        Assert.Equal("respondent", Assert.Throws<ArgumentNullException>(() => LongFormat.ReadResponseMatrix("missing.csv", respondent: null!)).ParamName);
    }

    [Fact]
    public void Csv_BrokenQuoting_IsMalformed()
    {
        TableError error = TidyCsv.Read(new StringReader("a,b\n1,\"unclosed\n2,3\n")).AsT1;
        Assert.Equal("malformed-csv", error.Code);
        TableError trailing = TidyCsv.Read(new StringReader("a,b\n\"x\"y,2\n")).AsT1;
        Assert.Equal(("malformed-csv", 2), (trailing.Code, trailing.Line));
    }

    [Fact]
    public void Where_ComparesNumbersByValue_WhateverTheirType()
    {
        TidyTable table = Read("session,v\n3,1\n4,2\n");
        Assert.Equal(1, table.Where("session", 3).RowCount);        // an int matches the double read from CSV
        Assert.Equal(1, table.Where("session", 3.0m).RowCount);
        Assert.Equal(0, table.Where("session", "3").RowCount);       // text is text
    }

    [Fact]
    public void WritingANullTable_LeavesAnExistingFileAlone()
    {
        using var file = new TempFile();
        File.WriteAllText(file.Path, "kept");
        Assert.Equal("table", Assert.Throws<ArgumentNullException>(() => TidyCsv.Write(null!, file.Path)).ParamName);
        Assert.Equal("kept", File.ReadAllText(file.Path));
    }

    private static (string, string?) Codes(TableError error) => (error.Code, error.Column);

    private static void StatisticsOracleAssert(double expected, double actual) => Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Abs(expected));

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ta-" + Guid.NewGuid().ToString("N") + ".csv");

        public void Dispose() => File.Delete(Path);
    }
    [Fact]
    public void Read_WithADelimiterAndDecimalCommas_ReadsNumbers_AndLeavesOtherCommasAlone()
    {
        // ';' between fields, ',' for the decimal point; a field with two commas or a comma not between digits stays text.
        string csv = "a;b;c\n1,5;-0,25;x\n2;1,5e3;1,234,5\n3;,5;Smith, J\n";
        TidyTable table = TidyCsv.Read(new StringReader(csv), ';', decimalComma: true).GetValueOrThrow();
        Assert.Equal(1.5, table[0, "a"]);
        Assert.Equal(-0.25, table[0, "b"]);
        Assert.Equal("1.5e3", table[1, "b"]);   // exact text kept, as a comma file keeps "1.5e3" (ToModelFrame reads it as 1500)
        Assert.Equal("1,234,5", table[1, "c"]);
        Assert.Equal(",5", table[2, "b"]);
        Assert.Equal("Smith, J", table[2, "c"]);
        Assert.Equal("1,5", TidyCsv.Read(new StringReader("a\tb\n1,5\t2\n"), '\t').GetValueOrThrow()[0, "a"]);   // no decimal comma asked
        Assert.Contains("probably not comma-separated", TidyCsv.Read(new StringReader("a;b\n1,5;2\n")).AsT1.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => TidyCsv.Read(new StringReader(csv), ':'));
        Assert.Throws<ArgumentException>(() => TidyCsv.Read(new StringReader(csv), ',', decimalComma: true));
    }
}

using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Tests.Tables;

/// <summary>LongFormat.ToAssessments reads the long layout of the one input schema; bad rows are typed errors naming row and column.</summary>
public sealed class LongFormatAssessmentsTests
{
    private const string Header = "episode,session,date,perspective,instrument,item,value\n";

    private static TidyTable Read(string csv) => TidyCsv.Read(new StringReader(csv)).GetValueOrThrow();

    [Fact]
    public void Administrations_AreGroupedByKey_InOrderOfFirstAppearance_WithDatesAndMissingResponses()
    {
        var read = LongFormat.ToAssessments(Read(Header + "0042,2,2026-03-02 10:15:00,client,srs,1,9.1\nE1,1,,client,srs,1,8\n0042,2,2026-03-02 10:15:00,client,srs,2,NA\n0042,2,2026-03-02 10:15:00,client,srs,3,9\n0042,2,2026-03-02 10:15:00,client,srs,4,9\n")).GetValueOrThrow();
        Assert.Equal(new[] { "0042", "E1" }, read.Select(a => a.Episode));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 15, 0, TimeSpan.Zero), read[0].Assessment.Occasion.RecordedAt);
        Assert.Null(read[1].Assessment.Occasion.RecordedAt);
        Assert.Equal(9.1m, read[0].Assessment.Responses.Single(r => r.ItemId == "1").Value);
        Assert.Null(read[0].Assessment.Responses.Single(r => r.ItemId == "2").Value);
    }

    [Theory]
    [InlineData("episode,session,perspective,instrument,item\n", "missing-column", "value", null)]
    [InlineData(Header + "E1,1.5,,client,srs,1,9\n", "bad-value", "session", 1)]
    [InlineData(Header + "E1,1,,patient,srs,1,9\n", "bad-value", "perspective", 1)]
    [InlineData(Header + "E1,1,,client,nope,1,9\n", "bad-value", "instrument", 1)]
    [InlineData(Header + "E1,1,05.01.2026,client,srs,1,9\n", "bad-value", "date", 1)]
    [InlineData(Header + "E1,1,,client,srs,1,Inf\n", "bad-value", "value", 1)]
    [InlineData(Header + "E1,1,,client,srs,q9,9\n", "bad-value", "item", 1)]
    [InlineData(Header + "E1,1,,client,srs,1,9\nE1,1,,client,srs,1,8\n", "duplicate-observation", "item", 2)]
    [InlineData(Header + "E1,1,2026-01-01,client,srs,1,9\nE1,1,2026-01-02,client,srs,2,8\n", "bad-value", "date", 2)]
    [InlineData(Header + "E1,1,,client,srs,1,11\n", "bad-value", "value", 1)]
    public void BadRows_AreTypedErrors_NamingRowAndColumn_NeverTheCell(string csv, string code, string column, int? row)
    {
        TableError error = LongFormat.ToAssessments(Read(csv)).AsT1;
        Assert.Equal((code, column, row), (error.Code, error.Column, error.Line));
        Assert.DoesNotContain("nope", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("patient", error.Message, StringComparison.Ordinal);
    }
}

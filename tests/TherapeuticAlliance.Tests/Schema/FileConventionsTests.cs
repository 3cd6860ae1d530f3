using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tests.Schema;

/// <summary>Issue 26, part 5: a file's delimiter, decimal separator and date format, learnt together from its first lines.</summary>
public sealed class FileConventionsTests
{
    private const string Header = "episode,session,date,perspective,instrument,item,value";

    [Fact]
    public void TheSchemasOwnConventions_AreTheDefault()
    {
        FileConventions found = FileConventions.Detect(Header, new[] { "E1,1,2026-03-02,client,srs,1,8.5", "E1,1,2026-03-02,client,srs,2,9" })!;
        Assert.Equal(FileConventions.Default, found with { Ambiguities = FileConventions.Default.Ambiguities });
        Assert.True(found.IsDefault);
    }

    [Theory]
    [InlineData(';', "06.01.2026", "8,5", true, "dd.MM.yyyy")]
    [InlineData('\t', "13/01/2026 10:15", "8,5", true, "dd/MM/yyyy HH:mm")]
    [InlineData('|', "01/13/2026", "8.5", false, "MM/dd/yyyy")]
    [InlineData(';', "2026/01/13", "9", false, "yyyy/MM/dd")]
    [InlineData(';', "2026-01-13", "8,5", true, null)]
    public void AnExportsConventions_AreLearntTogether(char delimiter, string date, string value, bool decimalComma, string? dateFormat)
    {
        string header = Header.Replace(',', delimiter);
        string[] lines = Enumerable.Range(1, 4).Select(i => string.Join(delimiter, "E1", "1", date, "client", "srs", i.ToString(System.Globalization.CultureInfo.InvariantCulture), value)).ToArray();
        FileConventions found = FileConventions.Detect(header, lines)!;
        Assert.Equal((delimiter, decimalComma, dateFormat), (found.Delimiter, found.DecimalComma, found.DateFormat));
        Assert.Empty(found.Ambiguities);
    }

    [Fact]
    public void DayMonthAgainstMonthDay_IsAnAmbiguity_AndAFewBadDatesAreTheReadersToReport()
    {
        FileConventions ambiguous = FileConventions.Detect(Header, new[] { "E1,1,06/01/2026,client,srs,1,9", "E1,2,02/03/2026,client,srs,1,9" })!;
        Assert.Null(ambiguous.DateFormat);
        Assert.Contains("dd/MM/yyyy and as MM/dd/yyyy", Assert.Single(ambiguous.Ambiguities), StringComparison.Ordinal);

        // One typo among ISO dates is a bad cell, not another convention.
        FileConventions typo = FileConventions.Detect(Header, new[] { "E1,1,2026-03-02,client,srs,1,9", "E1,2,2206-03-09,client,srs,1,9", "E1,3,02.03.2026,client,srs,1,9" })!;
        Assert.True(typo.IsDefault);
    }

    [Fact]
    public void AHeaderWithoutTheKeyColumns_HasNoConventions_SoTheReaderNamesWhatIsMissing()
    {
        Assert.Null(FileConventions.Detect("a;b;c", new[] { "1;2;3" }));
        Assert.Throws<ArgumentNullException>(() => FileConventions.Detect(null!, Array.Empty<string>()));
        Assert.Throws<ArgumentNullException>(() => FileConventions.Detect(Header, null!));
    }
}

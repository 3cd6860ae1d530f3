using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tests.Schema;

public sealed class SessionDatesTests
{
    [Theory]
    [InlineData("2026-03-02", 0, 0, 0)]
    [InlineData("2026-03-02T10:15", 10, 15, 0)]
    [InlineData("2026-03-02 10:15:00", 10, 15, 0)]
    [InlineData("2026-03-02T10:15:00Z", 10, 15, 0)]
    [InlineData("2026-03-02 10:15:00.5", 10, 15, 0)]
    public void IsoDates_WithTOrASpace_ReadAsUtcWithoutAnOffset(string text, int hour, int minute, int offset)
    {
        Assert.True(SessionDates.TryParse(text, out DateTimeOffset? date));
        Assert.Equal(new DateTime(2026, 3, 2, hour, minute, 0), date!.Value.DateTime.AddMilliseconds(-date.Value.Millisecond));
        Assert.Equal(TimeSpan.FromHours(offset), date.Value.Offset);
    }

    [Fact]
    public void AnOffset_KeepsTheDayTheFileStates()
    {
        // Regression (issue 25: Columnar converted to UTC, so 00:30 at +01:00 became the day before; the CSV did not).
        Assert.True(SessionDates.TryParse("2026-01-06T00:30:00+01:00", out DateTimeOffset? date));
        Assert.Equal(new DateTime(2026, 1, 6), date!.Value.Date);
        Assert.Equal(TimeSpan.FromHours(1), date.Value.Offset);
    }

    [Theory]
    [InlineData("05.01.2026")]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    [InlineData("2026-03-02T25:00")]
    public void TextThatIsNoIsoDate_IsRefused(string text) => Assert.False(SessionDates.TryParse(text, out _));

    [Fact]
    public void AnEmptyCell_IsNoDate_AndACustomFormatIsUsedInstead()
    {
        Assert.True(SessionDates.TryParse(string.Empty, out DateTimeOffset? none));
        Assert.Null(none);
        Assert.True(SessionDates.TryParse("02/03/2026", out DateTimeOffset? custom, "dd/MM/yyyy"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), custom);
        Assert.False(SessionDates.TryParse("2026-03-02", out _, "dd/MM/yyyy"));
    }

    [Property]
    public Property Format_ReadsBackEqual_WithItsOffset()
    {
        Gen<DateTimeOffset> dates =
            from ticks in Gen.Choose(0, int.MaxValue)
            from days in Gen.Choose(0, 36500)
            from offsetMinutes in Gen.Choose(-12 * 4, 14 * 4)
            select new DateTimeOffset(new DateTime(2000, 1, 1).AddDays(days).AddTicks(ticks), TimeSpan.FromMinutes(offsetMinutes * 15));
        return Prop.ForAll(dates.ToArbitrary(), date =>
        {
            Assert.True(SessionDates.TryParse(SessionDates.Format(date), out DateTimeOffset? back));
            return back == date && back!.Value.Offset == date.Offset;
        });
    }

    [Fact]
    public void Layouts_AreDetectedByOneRule()
    {
        Assert.Equal(ResponseLayout.LongFormat, ResponseFileSchema.DetectLayout(new[] { "episode", "item", "value" }));
        Assert.Equal(ResponseLayout.LongFormat, ResponseFileSchema.DetectLayout(new[] { "episode", "value" }));
        Assert.Equal(ResponseLayout.TotalsFormat, ResponseFileSchema.DetectLayout(new[] { "episode", "total" }));
        Assert.Equal(ResponseLayout.WideFormat, ResponseFileSchema.DetectLayout(new[] { "episode", "1", "2" }));
        Assert.Equal(new[] { "episode", "session", "perspective", "instrument", "item", "value" }, ResponseFileSchema.RequiredColumns(ResponseLayout.LongFormat, dateRequired: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResponseFileSchema.RequiredColumns(ResponseLayout.Auto));
        Assert.Equal("client, therapist, observer or collateral", ResponseFileSchema.PerspectiveCodes);
        foreach (ResponseLayout layout in Enum.GetValues<ResponseLayout>())
        {
            Assert.True(ResponseFileSchema.TryParseLayout(ResponseFileSchema.ToCode(layout), out ResponseLayout back));
            Assert.Equal(layout, back);
        }

        Assert.False(ResponseFileSchema.TryParseLayout("LONG", out _));
        Assert.Equal("total", ResponseFileSchema.NormalizeColumn("\uFEFF TOTAL "));
    }
}

namespace TherapeuticAlliance.Tests;

/// <summary>The one rule for outside text in messages (before issue 25's read-through: three copies in the CLI, Columnar and the site partial).</summary>
public sealed class SafeTextTests
{
    [Theory]
    [InlineData("plain", 10, "plain")]
    [InlineData("line\nbreak\u202Eright", 20, "line?break?right")]
    [InlineData("abcdef", 3, "abc\u2026")]
    public void Clean_ReplacesControlAndFormatCharacters_AndCutsWithAnEllipsis(string text, int maxLength, string expected) =>
        Assert.Equal(expected, SafeText.Clean(text, maxLength));

    [Fact]
    public void Clean_ReplacesALoneSurrogate() =>
        Assert.Equal("lone ? surrogate", SafeText.Clean("lone " + (char)0xD800 + " surrogate", 20));

    [Fact]
    public void Clean_GuardsItsArguments()
    {
        Assert.Throws<ArgumentNullException>("text", () => SafeText.Clean(null!, 5));
        Assert.Throws<ArgumentException>("maxLength", () => SafeText.Clean("x", 0));
    }
}

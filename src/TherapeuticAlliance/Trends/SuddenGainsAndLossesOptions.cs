namespace TherapeuticAlliance.Trends;

/// <summary>Configures a <see cref="SuddenGainsAndLossesDetector"/>. Criterion 1 needs a size: give <see cref="AbsoluteChange"/>, or the SD and reliability to derive the reliable-change value.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record SuddenGainsAndLossesOptions
{
    /// <summary>Gets criterion 1's absolute size, in points of the score's metric.</summary>
    /// <value>Positive, or <see langword="null"/> to derive it from <see cref="StandardDeviation"/> and <see cref="Reliability"/>. The default value is <see langword="null"/>.</value>
    public double? AbsoluteChange { get; init; }

    /// <summary>Gets the SD for deriving criterion 1 from the reliable-change value.</summary>
    /// <value>Positive when used. The default value is <see langword="null"/>.</value>
    public double? StandardDeviation { get; init; }

    /// <summary>Gets the reliability for deriving criterion 1 from the reliable-change value.</summary>
    /// <value>At least 0 and less than 1 when used. The default value is <see langword="null"/>.</value>
    public double? Reliability { get; init; }

    /// <summary>Gets the critical value for the reliable-change value.</summary>
    /// <value><see langword="null"/> for <see cref="ReliableChange.Z95"/>. The default value is <see langword="null"/>.</value>
    public double? Z { get; init; }

    /// <summary>Gets criterion 2's share of the pre-shift value.</summary>
    /// <value>Non-negative. The default value is 0.25 (Tang &amp; DeRubeis 1999).</value>
    public double RelativeChange { get; init; } = 0.25;

    /// <summary>Gets criterion 3's two-tailed significance level.</summary>
    /// <value>Between 0 and 1. The default value is 0.05.</value>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures: a gain is a rise).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>sudden-gains-losses</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

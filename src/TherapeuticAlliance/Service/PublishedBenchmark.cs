using System.Globalization;

namespace TherapeuticAlliance.Service;

/// <summary>
/// A published figure a service can set its own beside: what it measures (the benchmark table's column it compares
/// with), its value or range, the population it describes, and its source with how it was checked.
/// </summary>
/// <param name="Id">A stable identifier, such as <c>gaskell-2022-depression</c>; what <c>alliance service --benchmark</c> takes.</param>
/// <param name="Statistic">The column of the <c>service-benchmarks</c> table it compares with (<c>effect_size</c>, <c>saes</c>, <c>reliable_improvement</c>, <c>reliable_recovery</c>, <c>reached_target</c>).</param>
/// <param name="Value">The published value (a proportion for rates), or <see langword="null"/> when only a range is published.</param>
/// <param name="Low">The range's or interval's low end, or <see langword="null"/>.</param>
/// <param name="High">The range's or interval's high end, or <see langword="null"/>.</param>
/// <param name="Population">Whom it describes (setting, measure, condition), in a few words.</param>
/// <param name="Source">The citation, and whether it was read in the primary source or a secondary summary.</param>
/// <remarks>
/// A benchmark from another instrument or population is context, not a target: NHS Talking Therapies' rates are on the
/// PHQ-9 and GAD-7, and a service on the ORS is compared with them only loosely. Immutable and thread-safe.
/// </remarks>
public sealed record PublishedBenchmark(string Id, string Statistic, double? Value, double? Low, double? High, string Population, string Source)
{
    /// <summary>Returns the benchmark's identifier and value.</summary>
    /// <returns>Text such as <c>gaskell-2022-depression: effect_size 0.96</c>.</returns>
    public override string ToString() => Value is { } v
        ? string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2:0.###}", Id, Statistic, v)
        : string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2:0.###} to {3:0.###}", Id, Statistic, Low, High);
}

using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>Reliable change from the first to the last session; see <see cref="ReliableChangeDetector"/>.</summary>
public sealed class ReliableChangeFinding : TrendFinding
{
    internal ReliableChangeFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, double change, double standardError, double differenceStandardError, double index, double reliableChangeValue, ChangeDirection direction, ClinicalChangeCategory? category)
        : base(rule, sessions, parameters)
    {
        Change = change;
        StandardError = standardError;
        DifferenceStandardError = differenceStandardError;
        Index = index;
        ReliableChangeValue = reliableChangeValue;
        Direction = direction;
        Category = category;
    }

    /// <summary>Gets <c>reliable-change</c>.</summary>
    public override string Code => "reliable-change";

    /// <summary>Gets the raw change, last minus first.</summary>
    public double Change { get; }

    /// <summary>Gets the standard error of measurement.</summary>
    public double StandardError { get; }

    /// <summary>Gets the standard error of the difference.</summary>
    public double DifferenceStandardError { get; }

    /// <summary>Gets the reliable change index RC.</summary>
    public double Index { get; }

    /// <summary>Gets the smallest raw change that is reliable, z·S_diff.</summary>
    public double ReliableChangeValue { get; }

    /// <summary>Gets whether the change is reliable.</summary>
    public bool IsReliable => Direction != ChangeDirection.Unchanged;

    /// <summary>Gets the direction of reliable change (<see cref="ChangeDirection.Unchanged"/> when not reliable).</summary>
    public ChangeDirection Direction { get; }

    /// <summary>Gets the Jacobson–Truax category, or <see langword="null"/> when no clinical cutoff was given.</summary>
    public ClinicalChangeCategory? Category { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("change", Change),
        ("standard-error", StandardError),
        ("difference-standard-error", DifferenceStandardError),
        ("index", Index),
        ("reliable-change-value", ReliableChangeValue));

    /// <inheritdoc/>
    public override string Summary =>
        $"Change {Format(Change)} from session {Sessions[0]} to {Sessions[1]}: RC {Format(Index)}, {(IsReliable ? "reliable" : "not reliable")} (threshold {Format(ReliableChangeValue)}){(Category is { } c ? $"; category {c}" : string.Empty)}.";
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Trends;

/// <summary>Reliable change from the first to the last session; see <see cref="ReliableChangeDetector"/>.</summary>
public sealed class ReliableChangeFinding : TrendFinding, IReliableChangeEvidence
{
    internal ReliableChangeFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, double change, double standardError, double differenceStandardError, double index, double reliableChangeValue, ChangeDirection direction, ClinicalChangeCategory? category, double first = double.NaN, double last = double.NaN, bool? clinicalAtIntake = null, double? clinicalCutoff = null, ReliableChangeBasis basis = ReliableChangeBasis.StandardDeviationAndReliability)
        : base(rule, sessions, parameters)
    {
        Basis = basis;
        ClinicalCutoff = clinicalCutoff;
        Change = change;
        StandardError = standardError;
        DifferenceStandardError = differenceStandardError;
        Index = index;
        ReliableChangeValue = reliableChangeValue;
        Direction = direction;
        Category = category;
        First = first;
        Last = last;
        IsClinicalAtIntake = clinicalAtIntake;
    }

    /// <summary>Gets the clinical cutoff intake was compared with, in points of the episode's metric; <see langword="null"/> when the instrument has none (then <see cref="IsClinicalAtIntake"/> is null too).</summary>
    public double? ClinicalCutoff { get; }

    /// <summary>Gets the score at the first session, in points of the episode's metric.</summary>
    public double First { get; }

    /// <summary>Gets the score at the last session, in points of the episode's metric.</summary>
    public double Last { get; }

    /// <summary>Gets whether the first score was on the clinical side of the cutoff (for the ORS: below 25), or <see langword="null"/> when no cutoff applies.</summary>
    public bool? IsClinicalAtIntake { get; }

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

    /// <summary>Gets what the threshold rests on: an SD and a reliability, or the instrument's published value.</summary>
    public ReliableChangeBasis Basis { get; }

    /// <summary>Gets the Jacobson–Truax category, or <see langword="null"/> when no clinical cutoff was given.</summary>
    public ClinicalChangeCategory? Category { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("change", Change),
        ("standard-error", StandardError),
        ("difference-standard-error", DifferenceStandardError),
        ("index", Index),
        ("reliable-change-value", ReliableChangeValue),
        ("first", First),
        ("last", Last),
        ("direction", (int)Direction),
        ("clinical-at-intake", IsClinicalAtIntake is { } clinical ? (clinical ? 1 : 0) : double.NaN),
        ("category", Category is { } category ? (int)category : double.NaN));

    /// <inheritdoc/>
    public override string Summary
    {
        get
        {
            string direction = Direction switch
            {
                ChangeDirection.Improved => "reliable improvement",
                ChangeDirection.Deteriorated => "reliable deterioration",
                ChangeDirection.Unchanged => "no reliable change",
                _ => throw new InvalidOperationException("The change direction is not defined."),
            };
            string change = $"Change of {Format(Change)} points from session {Sessions[0]} ({Format(First)}) to session {Sessions[1]} ({Format(Last)}): {direction}; reliable change needs {Format(ReliableChangeValue)} points, {BasisWords()} (reliable-change index {Format(Index)}).";
            string intake = IsClinicalAtIntake switch
            {
                true => $" In the clinical range at intake (cutoff {Format(ClinicalCutoff ?? double.NaN)}).",
                false => $" Not in the clinical range at intake (cutoff {Format(ClinicalCutoff ?? double.NaN)}).",
                null => string.Empty,
            };
            string category = Category switch
            {
                null => string.Empty,
                ClinicalChangeCategory.Recovered => " Recovered.",
                ClinicalChangeCategory.NonReliablyRecovered => " Crossed the cutoff without reliable change.",
                ClinicalChangeCategory.Improved => " Improved.",
                ClinicalChangeCategory.Unchanged => " Unchanged.",
                ClinicalChangeCategory.Deteriorated => " Deteriorated.",
                _ => throw new InvalidOperationException("The category is not defined."),
            };
            return change + intake + category;
        }
    }

    private string BasisWords() => Basis == ReliableChangeBasis.PublishedValue
        ? "the instrument's published value"
        : Parameters.TryGetValue("sd", out double sd) && Parameters.TryGetValue("reliability", out double r)
            ? $"from an SD of {Format(sd)} and a reliability of {Format(r)}"
            : "from an SD and a reliability";
}

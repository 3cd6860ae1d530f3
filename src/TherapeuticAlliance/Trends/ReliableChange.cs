using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Trends;

/// <summary>The Jacobson–Truax reliable change formulas and clinical-significance cutoffs.</summary>
/// <remarks>
/// <para>Jacobson, N. S., &amp; Truax, P. (1991). Clinical significance: A statistical approach to defining meaningful
/// change in psychotherapy research. <i>Journal of Consulting and Clinical Psychology 59</i>(1), 12–19.
/// <c>SE = SD·√(1 − r)</c>, <c>S_diff = √2·SE</c>, <c>RC = (x₂ − x₁)/S_diff</c>; change is reliable when
/// <c>|RC| &gt; z</c>, by default the exact normal quantile for 95 % (1.959964…; some software uses the literal
/// 1.96). The SD, the reliability and any norms are always supplied by the caller: the library ships none.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class ReliableChange
{
    /// <summary>Gets the two-sided 95 % normal quantile, <c>qnorm(0.975)</c> = 1.959963984540054.</summary>
    public static double Z95 { get; } = Normal.InvCDF(0.0, 1.0, 0.975);

    /// <summary>Computes the standard error of measurement, <c>SD·√(1 − r)</c>.</summary>
    /// <param name="standardDeviation">The SD of baseline or normative scores; positive.</param>
    /// <param name="reliability">The reliability (test–retest per Jacobson &amp; Truax; internal consistency is also used); from 0 up to, not including, 1.</param>
    /// <returns>The standard error of measurement.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double StandardErrorOfMeasurement(double standardDeviation, double reliability)
    {
        Check(standardDeviation, reliability);
        return standardDeviation * Math.Sqrt(1.0 - reliability);
    }

    /// <summary>Computes the standard error of a difference, <c>√2·SE</c>.</summary>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <returns>The standard error of the difference of two scores.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double StandardErrorOfDifference(double standardDeviation, double reliability) =>
        Math.Sqrt(2.0) * StandardErrorOfMeasurement(standardDeviation, reliability);

    /// <summary>Computes the reliable-change value: the smallest raw change that is reliable, <c>z·S_diff</c>.</summary>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <param name="z">The critical value; <see langword="null"/> for <see cref="Z95"/>.</param>
    /// <returns>The reliable-change value.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double ReliableChangeValue(double standardDeviation, double reliability, double? z = null) =>
        CheckZ(z) * StandardErrorOfDifference(standardDeviation, reliability);

    /// <summary>Computes the reliable change index <c>RC = (x₂ − x₁)/S_diff</c>.</summary>
    /// <param name="before">The earlier score.</param>
    /// <param name="after">The later score.</param>
    /// <param name="standardDeviation">The SD; positive.</param>
    /// <param name="reliability">The reliability; from 0 up to, not including, 1.</param>
    /// <returns>The index; positive when the score went up.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double Index(double before, double after, double standardDeviation, double reliability) =>
        (after - before) / StandardErrorOfDifference(standardDeviation, reliability);

    /// <summary>Cutoff <i>a</i>: two SDs beyond the dysfunctional mean, in the functional direction.</summary>
    /// <param name="dysfunctionalMean">The dysfunctional (clinical) population mean.</param>
    /// <param name="dysfunctionalStandardDeviation">Its SD; positive.</param>
    /// <param name="higherIsBetter">Whether higher scores are better (alliance, ORS) or worse (symptom measures).</param>
    /// <returns><c>M_dys ∓ 2·SD_dys</c>.</returns>
    /// <exception cref="ArgumentException">Thrown when the SD is not positive.</exception>
    public static double CutoffA(double dysfunctionalMean, double dysfunctionalStandardDeviation, bool higherIsBetter)
    {
        Guard.Against.InvalidInput(dysfunctionalStandardDeviation, nameof(dysfunctionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return higherIsBetter ? dysfunctionalMean + (2.0 * dysfunctionalStandardDeviation) : dysfunctionalMean - (2.0 * dysfunctionalStandardDeviation);
    }

    /// <summary>Cutoff <i>b</i>: within two SDs of the functional mean.</summary>
    /// <param name="functionalMean">The functional (non-clinical) population mean.</param>
    /// <param name="functionalStandardDeviation">Its SD; positive.</param>
    /// <param name="higherIsBetter">Whether higher scores are better.</param>
    /// <returns><c>M_func ± 2·SD_func</c>.</returns>
    /// <exception cref="ArgumentException">Thrown when the SD is not positive.</exception>
    public static double CutoffB(double functionalMean, double functionalStandardDeviation, bool higherIsBetter)
    {
        Guard.Against.InvalidInput(functionalStandardDeviation, nameof(functionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return higherIsBetter ? functionalMean - (2.0 * functionalStandardDeviation) : functionalMean + (2.0 * functionalStandardDeviation);
    }

    /// <summary>Cutoff <i>c</i>: the point equally likely to belong to either population, <c>(SD_func·M_dys + SD_dys·M_func)/(SD_func + SD_dys)</c>; the midpoint only when the SDs are equal.</summary>
    /// <param name="dysfunctionalMean">The dysfunctional population mean.</param>
    /// <param name="dysfunctionalStandardDeviation">Its SD; positive.</param>
    /// <param name="functionalMean">The functional population mean.</param>
    /// <param name="functionalStandardDeviation">Its SD; positive.</param>
    /// <returns>Cutoff <i>c</i>.</returns>
    /// <exception cref="ArgumentException">Thrown when an SD is not positive.</exception>
    public static double CutoffC(double dysfunctionalMean, double dysfunctionalStandardDeviation, double functionalMean, double functionalStandardDeviation)
    {
        Guard.Against.InvalidInput(dysfunctionalStandardDeviation, nameof(dysfunctionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        Guard.Against.InvalidInput(functionalStandardDeviation, nameof(functionalStandardDeviation), sd => sd > 0.0, "The SD must be positive.");
        return ((functionalStandardDeviation * dysfunctionalMean) + (dysfunctionalStandardDeviation * functionalMean)) / (functionalStandardDeviation + dysfunctionalStandardDeviation);
    }

    internal static void Check(double standardDeviation, double reliability)
    {
        Guard.Against.InvalidInput(standardDeviation, nameof(standardDeviation), sd => sd > 0.0 && !double.IsInfinity(sd), "The SD must be positive and finite.");
        Guard.Against.InvalidInput(reliability, nameof(reliability), r => r >= 0.0 && r < 1.0, "The reliability must be at least 0 and less than 1.");
    }

    internal static double CheckZ(double? z)
    {
        double value = z ?? Z95;
        Guard.Against.InvalidInput(value, nameof(z), v => v > 0.0 && !double.IsInfinity(v), "The critical value must be positive and finite.");
        return value;
    }
}

/// <summary>The Jacobson–Truax categories of change relative to a clinical cutoff.</summary>
public enum ClinicalChangeCategory
{
    /// <summary>Reliable improvement, and the score crossed the cutoff into the functional range.</summary>
    Recovered = 1,

    /// <summary>The score crossed the cutoff, but the change is not reliable.</summary>
    NonReliablyRecovered = 2,

    /// <summary>Reliable improvement without crossing the cutoff.</summary>
    Improved = 3,

    /// <summary>No reliable change and no crossing.</summary>
    Unchanged = 4,

    /// <summary>Reliable change in the worse direction.</summary>
    Deteriorated = 5,
}

/// <summary>Configures a <see cref="ReliableChangeDetector"/>. The SD and reliability have no defaults: supply them from the sample or published norms.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record ReliableChangeOptions
{
    /// <summary>Gets the SD of baseline or normative scores.</summary>
    /// <value>Positive. Required (the default 0 is rejected).</value>
    public double StandardDeviation { get; init; }

    /// <summary>Gets the reliability of the measure.</summary>
    /// <value>At least 0 and less than 1. Required (no default is shipped); the default 0 gives the most conservative index.</value>
    public double Reliability { get; init; }

    /// <summary>Gets the critical value of |RC|.</summary>
    /// <value><see langword="null"/> for <see cref="ReliableChange.Z95"/>. The default value is <see langword="null"/>.</value>
    public double? Z { get; init; }

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures and the ORS).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the clinical cutoff (a, b or c from <see cref="ReliableChange"/>) for the Jacobson–Truax categories.</summary>
    /// <value><see langword="null"/> for no categories. The default value is <see langword="null"/>.</value>
    public double? ClinicalCutoff { get; init; }

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>reliable-change</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

/// <summary>Computes the Jacobson–Truax reliable change from the first to the last session of an episode, with the clinical-significance category when a cutoff is given.</summary>
/// <remarks>
/// <para>See <see cref="ReliableChange"/> for the formulas and source. Categories (as output by the JT-RCI
/// implementation): <i>recovered</i> = reliable improvement and the last score is on the functional side of the
/// cutoff while the first was not; <i>non-reliably recovered</i> = that crossing without reliable change;
/// <i>improved</i> = reliable improvement without crossing; <i>deteriorated</i> = reliable change in the worse
/// direction; otherwise <i>unchanged</i>. Needs at least two sessions. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ReliableChangeDetector : ITrendDetector
{
    /// <summary>The default name, <c>reliable-change</c>.</summary>
    public const string DefaultName = "reliable-change";

    private readonly double _sd;
    private readonly double _reliability;
    private readonly double _z;
    private readonly bool _higherIsBetter;
    private readonly double? _cutoff;

    /// <summary>Initializes a new instance of the <see cref="ReliableChangeDetector"/> class.</summary>
    /// <param name="options">The options; <see cref="ReliableChangeOptions.StandardDeviation"/> and <see cref="ReliableChangeOptions.Reliability"/> are required.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range.</exception>
    public ReliableChangeDetector(ReliableChangeOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<ReliableChangeOptions>(options)
            .Require(o => o.StandardDeviation > 0.0 && !double.IsInfinity(o.StandardDeviation), "StandardDeviation must be positive and finite.")
            .Require(o => o.Reliability >= 0.0 && o.Reliability < 1.0, "Reliability must be at least 0 and less than 1.")
            .Require(o => o.Z is null || (o.Z > 0.0 && !double.IsInfinity(o.Z.Value)), "Z must be positive and finite.")
            .Require(o => o.ClinicalCutoff is null || !(double.IsNaN(o.ClinicalCutoff.Value) || double.IsInfinity(o.ClinicalCutoff.Value)), "ClinicalCutoff must be finite.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _sd = options.StandardDeviation;
        _reliability = options.Reliability;
        _z = options.Z ?? ReliableChange.Z95;
        _higherIsBetter = options.HigherIsBetter;
        _cutoff = options.ClinicalCutoff;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Count < 2)
        {
            return new NotApplicable(Name, "Reliable change needs at least two sessions.");
        }

        double before = episode.Values[0];
        double after = episode.Values[episode.Count - 1];
        double se = ReliableChange.StandardErrorOfMeasurement(_sd, _reliability);
        double sdiff = Math.Sqrt(2.0) * se;
        double index = (after - before) / sdiff;
        bool reliable = Math.Abs(index) > _z;
        double better = _higherIsBetter ? index : -index;
        ChangeDirection direction = !reliable ? ChangeDirection.Unchanged : better > 0 ? ChangeDirection.Improved : ChangeDirection.Deteriorated;
        ClinicalChangeCategory? category = null;
        if (_cutoff is { } cutoff)
        {
            bool Functional(double x) => _higherIsBetter ? x > cutoff : x < cutoff;
            bool crossed = Functional(after) && !Functional(before);
            category = direction switch
            {
                ChangeDirection.Deteriorated => ClinicalChangeCategory.Deteriorated,
                ChangeDirection.Improved => crossed ? ClinicalChangeCategory.Recovered : ClinicalChangeCategory.Improved,
                _ => crossed ? ClinicalChangeCategory.NonReliablyRecovered : ClinicalChangeCategory.Unchanged,
            };
        }

        var parameters = new List<KeyValuePair<string, double>>
        {
            new("sd", _sd),
            new("reliability", _reliability),
            new("z", _z),
            new("higher-is-better", _higherIsBetter ? 1 : 0),
        };
        if (_cutoff is { } c)
        {
            parameters.Add(new("clinical-cutoff", c));
        }

        var finding = new ReliableChangeFinding(
            Name,
            new[] { episode.Scores[0].Occasion.SessionNumber, episode.Scores[episode.Count - 1].Occasion.SessionNumber },
            parameters,
            after - before,
            se,
            sdiff,
            index,
            _z * sdiff,
            direction,
            category);
        return new Detection(Name, Version, ImmutableArray.Create<TrendFinding>(finding));
    }
}

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

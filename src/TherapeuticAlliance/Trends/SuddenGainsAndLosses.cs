using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Trends;

/// <summary>Says whether a sudden change is a gain or a loss.</summary>
public enum SuddenChangeKind
{
    /// <summary>A sudden change in the better direction (for alliance measures: up).</summary>
    Gain = 1,

    /// <summary>A sudden change in the worse direction.</summary>
    Loss = 2,
}

/// <summary>The three Tang–DeRubeis criteria evaluated for one interval between consecutive sessions.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SuddenChangeEvaluation
{
    internal SuddenChangeEvaluation(SuddenChangeKind kind, double change, bool? absolute, bool relative, bool stable, double meanBefore, double meanAfter, double sdBefore, double sdAfter, double pooledSd, double tCritical, int degreesOfFreedom)
    {
        Kind = kind;
        Change = change;
        MeetsAbsoluteCriterion = absolute;
        MeetsRelativeCriterion = relative;
        MeetsStabilityCriterion = stable;
        MeanBefore = meanBefore;
        MeanAfter = meanAfter;
        SdBefore = sdBefore;
        SdAfter = sdAfter;
        PooledSd = pooledSd;
        TCritical = tCritical;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>Gets whether the change is a candidate gain or loss (by its direction).</summary>
    public SuddenChangeKind Kind { get; }

    /// <summary>Gets the raw change across the interval, x(n+1) − x(n).</summary>
    public double Change { get; }

    /// <summary>Gets criterion 1 (absolute size); <see langword="null"/> when it was not applied.</summary>
    public bool? MeetsAbsoluteCriterion { get; }

    /// <summary>Gets criterion 2 (relative size: at least the given share of the pre-shift value).</summary>
    public bool MeetsRelativeCriterion { get; }

    /// <summary>Gets criterion 3 (stability: the mean difference exceeds t_crit times the pooled SD).</summary>
    public bool MeetsStabilityCriterion { get; }

    /// <summary>Gets whether every applied criterion is met.</summary>
    public bool IsSuddenGainOrLoss => MeetsAbsoluteCriterion != false && MeetsRelativeCriterion && MeetsStabilityCriterion;

    /// <summary>Gets the mean of the available values before the shift (up to three).</summary>
    public double MeanBefore { get; }

    /// <summary>Gets the mean of the available values after the shift (up to three).</summary>
    public double MeanAfter { get; }

    /// <summary>Gets the SD of the values before (n − 1).</summary>
    public double SdBefore { get; }

    /// <summary>Gets the SD of the values after (n − 1).</summary>
    public double SdAfter { get; }

    /// <summary>Gets the pooled SD.</summary>
    public double PooledSd { get; }

    /// <summary>Gets the two-tailed critical t.</summary>
    public double TCritical { get; }

    /// <summary>Gets the degrees of freedom, n_before + n_after − 2.</summary>
    public int DegreesOfFreedom { get; }
}

/// <summary>The Tang &amp; DeRubeis (1999) sudden-gain criteria, with sudden losses and the missing-data rule of Lutz et al. (2013).</summary>
/// <remarks>
/// <para>For an interval from session n to n+1: criterion 1, the change is at least an absolute size (caller-supplied,
/// or the reliable-change value); criterion 2, the change is at least 25 % of the value at n; criterion 3, the mean
/// of up to three values after differs from the mean of up to three values before by more than
/// <c>t_crit · s_pooled</c>, with <c>t_crit = |qt(α/2, n_before + n_after − 2)|</c> and at least two values on each side
/// (as implemented by the suddengains R package). For losses, criterion 2 requires a change of at least 25 % of the
/// value at n in the worse direction; the suddengains implementation lets any such change pass, a defect this library
/// does not copy. Tang, T. Z., &amp; DeRubeis, R. J. (1999), <i>JCCP 67</i>(6), 894–904; Lutz et al. (2013),
/// <i>Psychotherapy Research 23</i>(1), 14–24.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class SuddenGainsAndLossesCriteria
{
    // The quantile is a root search; the few (df, alpha) pairs in use are computed once.
    private static readonly ConcurrentDictionary<(int Df, double Alpha), double> CriticalValues = new();

    /// <summary>Computes the two-tailed critical t, <c>|qt(α/2, df)|</c>.</summary>
    /// <param name="degreesOfFreedom">The degrees of freedom; 1 or more.</param>
    /// <param name="alpha">The two-tailed significance level, between 0 and 1.</param>
    /// <returns>The critical value.</returns>
    /// <exception cref="ArgumentException">Thrown when an argument is out of range.</exception>
    public static double CriticalT(int degreesOfFreedom, double alpha)
    {
        Guard.Against.NegativeOrZero(degreesOfFreedom);
        Guard.Against.InvalidInput(alpha, nameof(alpha), a => a > 0.0 && a < 1.0, "Alpha lies between 0 and 1.");
        return CriticalValues.GetOrAdd((degreesOfFreedom, alpha), key => StudentT.InvCDF(0.0, 1.0, key.Df, 1.0 - (key.Alpha / 2.0)));
    }

    /// <summary>Evaluates the criteria for one interval.</summary>
    /// <param name="before">Up to three values before the shift, oldest first; the last is the value at n and must be present; NaN = missing.</param>
    /// <param name="after">Up to three values after the shift; the first is the value at n+1 and must be present; NaN = missing.</param>
    /// <param name="absoluteChange">Criterion 1's size; <see langword="null"/> to leave criterion 1 out.</param>
    /// <param name="relativeChange">Criterion 2's share of the value at n; 0.25 by default.</param>
    /// <param name="alpha">Criterion 3's two-tailed level; 0.05 by default.</param>
    /// <param name="higherIsBetter">Whether higher scores are better (alliance: yes; symptom measures: no).</param>
    /// <returns>The evaluation, or <see langword="null"/> when the interval cannot be evaluated (a missing value at n or n+1, a zero change, or fewer than two values on a side).</returns>
    /// <exception cref="ArgumentException">Thrown when a side has more than three values or a parameter is out of range.</exception>
    public static SuddenChangeEvaluation? Evaluate(ReadOnlySpan<double> before, ReadOnlySpan<double> after, double? absoluteChange, double relativeChange = 0.25, double alpha = 0.05, bool higherIsBetter = true)
    {
        Guard.Against.InvalidInput(before.Length, nameof(before), l => l is >= 1 and <= 3, "Give one to three values before the shift.");
        Guard.Against.InvalidInput(after.Length, nameof(after), l => l is >= 1 and <= 3, "Give one to three values after the shift.");
        Guard.Against.InvalidInput(relativeChange, nameof(relativeChange), r => r >= 0.0 && !double.IsInfinity(r), "The relative change is a non-negative share.");
        Guard.Against.InvalidInput(alpha, nameof(alpha), a => a > 0.0 && a < 1.0, "Alpha lies between 0 and 1.");
        double xn = before[before.Length - 1];
        double xn1 = after[0];
        (int nPre, double meanPre, double sdPre) = Moments(before);
        (int nPost, double meanPost, double sdPost) = Moments(after);
        if (double.IsNaN(xn) || double.IsNaN(xn1) || xn1 == xn || nPre < 2 || nPost < 2)
        {
            return null;
        }

        double direction = higherIsBetter ? 1.0 : -1.0;
        double change = xn1 - xn;
        SuddenChangeKind kind = direction * change > 0 ? SuddenChangeKind.Gain : SuddenChangeKind.Loss;
        double size = Math.Abs(change);
        bool? absolute = absoluteChange is { } c ? size >= c : null;
        bool relative = size >= relativeChange * xn;
        int df = nPre + nPost - 2;
        double pooled = Math.Sqrt((((nPre - 1) * sdPre * sdPre) + ((nPost - 1) * sdPost * sdPost)) / df);
        double t = CriticalT(df, alpha);
        double shift = kind == SuddenChangeKind.Gain ? direction * (meanPost - meanPre) : direction * (meanPre - meanPost);
        return new SuddenChangeEvaluation(kind, change, absolute, relative, shift > t * pooled, meanPre, meanPost, sdPre, sdPost, pooled, t, df);
    }

    /// <summary>Count, mean and SD (n − 1) of the values present, without allocating.</summary>
    private static (int Count, double Mean, double Sd) Moments(ReadOnlySpan<double> values)
    {
        int n = 0;
        double sum = 0.0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
            }
        }

        double mean = n > 0 ? sum / n : double.NaN;
        double squares = 0.0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        return (n, mean, n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN);
    }
}

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

/// <summary>Finds sudden gains and sudden losses between consecutive sessions; see <see cref="SuddenGainsAndLossesCriteria"/>.</summary>
/// <remarks>
/// Sessions are placed by session number, so a missing session number counts as a missing value in the windows.
/// Every interval whose values at n and n+1 are present and that has at least two values on each side is tested,
/// which also means the first interval is never tested (only one value before it). This type is immutable and
/// thread-safe.
/// </remarks>
public sealed class SuddenGainsAndLossesDetector : ITrendDetector
{
    /// <summary>The default name, <c>sudden-gains-losses</c>.</summary>
    public const string DefaultName = "sudden-gains-losses";

    private readonly double _absolute;
    private readonly double _relative;
    private readonly double _alpha;
    private readonly bool _higherIsBetter;

    /// <summary>Initializes a new instance of the <see cref="SuddenGainsAndLossesDetector"/> class.</summary>
    /// <param name="options">The options; criterion 1 needs <see cref="SuddenGainsAndLossesOptions.AbsoluteChange"/> or the SD and reliability.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when criterion 1 has no size or an option is out of range.</exception>
    public SuddenGainsAndLossesDetector(SuddenGainsAndLossesOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<SuddenGainsAndLossesOptions>(options)
            .Require(o => o.AbsoluteChange is > 0.0 || (o.AbsoluteChange is null && o.StandardDeviation is not null && o.Reliability is not null), "Give AbsoluteChange (positive) or both StandardDeviation and Reliability for criterion 1.")
            .Require(o => o.RelativeChange >= 0.0 && !double.IsInfinity(o.RelativeChange), "RelativeChange must be a non-negative share.")
            .Require(o => o.Alpha > 0.0 && o.Alpha < 1.0, "Alpha must lie between 0 and 1.")
            .Require(o => o.AbsoluteChange is not null || o.StandardDeviation is null || o.Reliability is null || (o.StandardDeviation > 0.0 && o.Reliability >= 0.0 && o.Reliability < 1.0 && (o.Z is null || o.Z > 0.0)), "StandardDeviation must be positive, Reliability at least 0 and below 1, Z positive.")
            .ThrowIfInvalid(nameof(options));

        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _absolute = options.AbsoluteChange ?? ReliableChange.ReliableChangeValue(options.StandardDeviation!.Value, options.Reliability!.Value, options.Z);
        _relative = options.RelativeChange;
        _alpha = options.Alpha;
        _higherIsBetter = options.HigherIsBetter;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Count < 4)
        {
            return new NotApplicable(Name, "Sudden gains and losses need at least four sessions (two on each side of an interval).");
        }

        int first = episode.Scores[0].Occasion.SessionNumber;
        int last = episode.Scores[episode.Count - 1].Occasion.SessionNumber;
        var series = new double[last - first + 1];
        series.AsSpan().Fill(double.NaN);
        foreach (AllianceScore score in episode.Scores)
        {
            series[score.Occasion.SessionNumber - first] = (double)score.Value;
        }

        var parameters = new[]
        {
            new KeyValuePair<string, double>("absolute-change", _absolute),
            new KeyValuePair<string, double>("relative-change", _relative),
            new KeyValuePair<string, double>("alpha", _alpha),
            new KeyValuePair<string, double>("higher-is-better", _higherIsBetter ? 1 : 0),
        };
        var findings = ImmutableArray.CreateBuilder<TrendFinding>();
        for (int n = 1; n < series.Length - 1; n++)
        {
            int preStart = Math.Max(0, n - 2);
            int postEnd = Math.Min(series.Length - 1, n + 3);
            SuddenChangeEvaluation? evaluation = SuddenGainsAndLossesCriteria.Evaluate(
                series.AsSpan(preStart, n - preStart + 1),
                series.AsSpan(n + 1, postEnd - n),
                _absolute,
                _relative,
                _alpha,
                _higherIsBetter);
            if (evaluation is { IsSuddenGainOrLoss: true })
            {
                IEnumerable<int> sessions = Enumerable.Range(preStart, postEnd - preStart + 1)
                    .Where(i => !double.IsNaN(series[i]))
                    .Select(i => i + first);
                findings.Add(new SuddenGainOrLossFinding(Name, sessions, parameters, n + first, n + first + 1, evaluation));
            }
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }
}

/// <summary>A sudden gain or loss; see <see cref="SuddenGainsAndLossesDetector"/>.</summary>
public sealed class SuddenGainOrLossFinding : TrendFinding
{
    internal SuddenGainOrLossFinding(string rule, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, int preSession, int postSession, SuddenChangeEvaluation evaluation)
        : base(rule, sessions, parameters)
    {
        PreSession = preSession;
        PostSession = postSession;
        Evaluation = evaluation;
    }

    /// <summary>Gets <c>sudden-gain</c> or <c>sudden-loss</c>, after <see cref="Kind"/>.</summary>
    public override string Code => Kind == SuddenChangeKind.Gain ? "sudden-gain" : "sudden-loss";

    /// <summary>Gets whether this is a gain or a loss.</summary>
    public SuddenChangeKind Kind => Evaluation.Kind;

    /// <summary>Gets the session before the shift (n).</summary>
    public int PreSession { get; }

    /// <summary>Gets the session after the shift (n+1).</summary>
    public int PostSession { get; }

    /// <summary>Gets the criteria as evaluated.</summary>
    public SuddenChangeEvaluation Evaluation { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("change", Evaluation.Change),
        ("mean-before", Evaluation.MeanBefore),
        ("mean-after", Evaluation.MeanAfter),
        ("pooled-sd", Evaluation.PooledSd),
        ("t-critical", Evaluation.TCritical),
        ("df", Evaluation.DegreesOfFreedom));

    /// <inheritdoc/>
    public override string Summary =>
        $"Sudden {(Kind == SuddenChangeKind.Gain ? "gain" : "loss")} of {Format(Evaluation.Change)} from session {PreSession} to {PostSession} (means {Format(Evaluation.MeanBefore)} before, {Format(Evaluation.MeanAfter)} after; t_crit {Format(Evaluation.TCritical)}).";
}

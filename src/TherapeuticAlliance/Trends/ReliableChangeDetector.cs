using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Computes the Jacobson–Truax reliable change from the first to the last session of an episode (reliable improvement, reliable deterioration), with the clinical-significance category and the clinical-range state at intake when a cutoff applies.</summary>
/// <remarks>
/// <para>See <see cref="ReliableChange"/> for the formulas and source. Categories (as output by the JT-RCI
/// implementation): <i>recovered</i> = reliable improvement and the last score is on the functional side of the
/// cutoff while the first was not; <i>non-reliably recovered</i> = that crossing without reliable change;
/// <i>improved</i> = reliable improvement without crossing; <i>deteriorated</i> = reliable change in the worse
/// direction; otherwise <i>unchanged</i>. Needs at least two sessions. This type is immutable and thread-safe.</para>
/// <para>The threshold rests on an SD and a reliability when the options or the episode's reference norm give an SD
/// (<see cref="ReliableChangeOptions.StandardDeviation"/> or a caller's norm); otherwise on the instrument's published
/// reliable-change value (<see cref="ReliableChangeOptions.PublishedValues"/>: the ORS's 5 points), which gives a client
/// the same verdict alone as inside any caseload; a caseload's norm is used only for an instrument without a published
/// value. <see cref="ReliableChangeFinding.Basis"/> says which.</para>
/// </remarks>
public sealed class ReliableChangeDetector : ITrendDetector
{
    /// <summary>The default name, <c>reliable-change</c>.</summary>
    public const string DefaultName = "reliable-change";

    private readonly ReliableChangeOptions _options;
    private readonly double _z;

    /// <summary>Initializes a new instance of the <see cref="ReliableChangeDetector"/> class for outcome measures, with the SD, reliability and cutoff of each episode.</summary>
    public ReliableChangeDetector()
        : this(new ReliableChangeOptions { Measure = MeasureKind.Outcome })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ReliableChangeDetector"/> class.</summary>
    /// <param name="options">The options; a norm left out comes from each episode.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range; the message names every one.</exception>
    public ReliableChangeDetector(ReliableChangeOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<ReliableChangeOptions>(options)
            .Require(o => o.StandardDeviation is null or (> 0.0 and < double.PositiveInfinity), "StandardDeviation must be positive and finite.")
            .Require(o => o.Reliability is null or (>= 0.0 and < 1.0), "Reliability must be at least 0 and less than 1.")
            .Require(o => o.Z is null || (o.Z > 0.0 && !double.IsInfinity(o.Z.Value)), "Z must be positive and finite.")
            .Require(o => o.ClinicalCutoff is null || !(double.IsNaN(o.ClinicalCutoff.Value) || double.IsInfinity(o.ClinicalCutoff.Value)), "ClinicalCutoff must be finite.")
            .Require(o => o.Measure is null or MeasureKind.Alliance or MeasureKind.Outcome, "Measure must be a defined value.")
            .Require(o => o.PublishedValues is not null && o.PublishedValues.Values.All(v => v > 0.0 && !double.IsInfinity(v)), "PublishedValues must not be null, and each value must be positive and finite.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _options = options;
        _z = options.Z ?? ReliableChange.Z95;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "3.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (_options.Measure is { } measure && episode.Measure != measure)
        {
            return new NotApplicable(Name, measure == MeasureKind.Outcome
                ? "This reliable-change rule is set for outcome measures; this episode is an alliance measure."
                : "This reliable-change rule is set for alliance measures; this episode is an outcome measure.");
        }

        if (episode.Count < 2)
        {
            return new NotApplicable(Name, "Reliable change needs at least two sessions.");
        }

        bool higherIsBetter = _options.HigherIsBetter;
        double before = episode.Values[0];
        double after = episode.Values[episode.Count - 1];
        var parameters = new List<KeyValuePair<string, double>>();
        double se;
        double sdiff;
        double index;
        ChangeDirection direction;
        ReliableChangeBasis basis;
        // An SD of the options or a caller's norm wins; then the instrument's published value; then a caseload's norm.
        double published = 0.0;
        bool hasPublished = episode.Metric == ScoreMetric.Sum && _options.PublishedValues.TryGetValue(episode.InstrumentId, out published);
        double? normSd = episode.Reference is { } norm && (norm.Source == NormSource.Caller || !hasPublished) ? norm.ReliableChangeStandardDeviation : null;
        if ((_options.StandardDeviation ?? normSd) is { } sd)
        {
            if ((_options.Reliability ?? episode.Reliability) is not { } reliability)
            {
                return new NotApplicable(Name, "Reliable change needs a reliability: give Reliability or use an instrument that has one.");
            }

            (se, sdiff, index, direction) = ReliableChange.Classify(before, after, sd, reliability, _z, higherIsBetter);
            basis = ReliableChangeBasis.StandardDeviationAndReliability;
            parameters.Add(new("sd", sd));
            parameters.Add(new("reliability", reliability));
        }
        else if (hasPublished)
        {
            // A published value is the smallest reliable change itself: S_diff = value / z, so |index| ≥ z ⇔ |change| ≥ value.
            sdiff = published / _z;
            se = sdiff / Math.Sqrt(2.0);
            index = (after - before) / sdiff;
            double better = higherIsBetter ? after - before : before - after;
            // "A change of 5 points" counts 5; the relative tolerance absorbs rounding of decimal sums held as doubles.
            bool reliable = Math.Abs(after - before) >= published * (1.0 - 1e-12);
            direction = !reliable ? ChangeDirection.Unchanged : better > 0.0 ? ChangeDirection.Improved : ChangeDirection.Deteriorated;
            basis = ReliableChangeBasis.PublishedValue;
            parameters.Add(new("published-reliable-change-value", published));
        }
        else
        {
            return new NotApplicable(Name, "Reliable change needs an SD: give StandardDeviation or a reference norm, ask for the caseload's norms, or give the instrument's published reliable-change value.");
        }

        double? cutoff = _options.ClinicalCutoff ?? (episode.Cutoff is { } c && c.Metric == episode.Metric ? (double)c.Threshold : null);
        ClinicalChangeCategory? category = null;
        bool? clinicalAtIntake = null;
        if (cutoff is { } threshold)
        {
            bool Functional(double x) => higherIsBetter ? x > threshold : x < threshold;
            bool crossed = Functional(after) && !Functional(before);
            clinicalAtIntake = !Functional(before);
            category = direction switch
            {
                ChangeDirection.Deteriorated => ClinicalChangeCategory.Deteriorated,
                ChangeDirection.Improved => crossed ? ClinicalChangeCategory.Recovered : ClinicalChangeCategory.Improved,
                ChangeDirection.Unchanged => crossed ? ClinicalChangeCategory.NonReliablyRecovered : ClinicalChangeCategory.Unchanged,
                _ => throw new InvalidOperationException("The change direction is not defined."),
            };
        }

        parameters.Add(new("z", _z));
        parameters.Add(new("higher-is-better", higherIsBetter ? 1 : 0));
        if (cutoff is { } cc)
        {
            parameters.Add(new("clinical-cutoff", cc));
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
            category,
            before,
            after,
            clinicalAtIntake,
            cutoff,
            basis);
        return new Detection(Name, Version, ImmutableArray.Create<TrendFinding>(finding));
    }
}

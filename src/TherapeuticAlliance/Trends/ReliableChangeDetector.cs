using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

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

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

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
        // Stryker disable once Arithmetic : equivalent; a longer array only adds missing values after the last session, which every window skips
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

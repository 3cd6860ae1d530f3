using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Applies the practice rules of feedback-informed care to each session: total below the instrument's cutoff, a drop of at least d points from the previous session, and the first drop from the ceiling.</summary>
/// <remarks>
/// <para>Comparisons use the exact decimal scores, so an SRS total of 36.0 is not below 36 and a drop of exactly one
/// point meets a one-point threshold. The cutoff is the episode's (<see cref="Episode.Cutoff"/>); it applies only
/// when the scores are in the cutoff's metric. The SRS "below 36" rule is from FIT/PCOMS practice material (see
/// <c>docs/instruments.md</c>); the one-point drop is a practice convention. This type is immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class FeedbackRulesDetector : ITrendDetector
{
    /// <summary>The default name, <c>feedback-rules</c>.</summary>
    public const string DefaultName = "feedback-rules";

    private readonly decimal? _drop;
    private readonly ImmutableDictionary<string, decimal> _drops;
    private readonly bool _cutoff;
    private readonly bool _ceiling;

    /// <summary>Initializes a new instance of the <see cref="FeedbackRulesDetector"/> class with default options.</summary>
    public FeedbackRulesDetector()
        : this(new FeedbackRulesOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FeedbackRulesDetector"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the drop threshold is not positive or the name is invalid.</exception>
    public FeedbackRulesDetector(FeedbackRulesOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<FeedbackRulesOptions>(options)
            .Require(o => o.DropThreshold is null or > 0m, "DropThreshold must be positive when given.")
            .Require(o => o.DropThresholds is not null && o.DropThresholds.Values.All(d => d > 0m), "DropThresholds must be given, with positive values.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _drop = options.DropThreshold;
        _drops = options.DropThresholds ?? ImmutableDictionary<string, decimal>.Empty;
        _cutoff = options.CheckCutoff;
        _ceiling = options.CheckCeiling;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Measure != MeasureKind.Alliance)
        {
            return new NotApplicable(Name, "The feedback-informed practice rules are for alliance measures; this episode is an outcome measure.");
        }

        var findings = ImmutableArray.CreateBuilder<TrendFinding>();
        bool ceilingReported = false;
        decimal? dropThreshold = _drops.TryGetValue(episode.InstrumentId, out decimal perInstrument) ? perInstrument : _drop;
        for (int i = 0; i < episode.Count; i++)
        {
            AllianceScore score = episode.Scores[i];
            int session = score.Occasion.SessionNumber;
            if (_cutoff && episode.Cutoff is { } cutoff && cutoff.IsMet(score) == true)
            {
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.BelowCutoff, new[] { session }, (double)cutoff.Threshold, score.Value, null));
            }

            if (i == 0)
            {
                continue;
            }

            AllianceScore previous = episode.Scores[i - 1];
            decimal drop = previous.Value - score.Value;
            if (dropThreshold is { } threshold && drop >= threshold)
            {
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.DropFromPrevious, new[] { previous.Occasion.SessionNumber, session }, (double)threshold, score.Value, drop));
            }

            if (_ceiling && !ceilingReported && previous.Value == episode.Maximum && score.Value < episode.Maximum)
            {
                ceilingReported = true;
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.FirstDropFromCeiling, new[] { previous.Occasion.SessionNumber, session }, (double)episode.Maximum, score.Value, drop));
            }
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Internal;

namespace TherapeuticAlliance.Trends;

/// <summary>The practice rules of feedback-informed care.</summary>
public enum PracticeRule
{
    /// <summary>The total meets the instrument's cutoff (for the SRS: below 36).</summary>
    BelowCutoff = 1,

    /// <summary>The total dropped by at least the configured number of points from the previous session.</summary>
    DropFromPrevious = 2,

    /// <summary>The first session that falls below the scale maximum right after a session at it.</summary>
    FirstDropFromCeiling = 3,
}

/// <summary>Configures a <see cref="FeedbackRulesDetector"/>.</summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record FeedbackRulesOptions
{
    /// <summary>Gets the drop from the previous session, in points of the score's metric, that fires <see cref="PracticeRule.DropFromPrevious"/>.</summary>
    /// <value>Positive. The default value is 1 point, a practice convention for the SRS (unverified against a primary source; set it per instrument).</value>
    public decimal DropThreshold { get; init; } = 1m;

    /// <summary>Gets whether to report sessions that meet the episode's cutoff.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckCutoff { get; init; } = true;

    /// <summary>Gets whether to report the first drop from the ceiling.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CheckCeiling { get; init; } = true;

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>feedback-rules</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

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

    private readonly decimal _drop;
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
            .Require(o => o.DropThreshold > 0m, "DropThreshold must be positive.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _drop = options.DropThreshold;
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
        var findings = ImmutableArray.CreateBuilder<TrendFinding>();
        bool ceilingReported = false;
        var dropParameters = new[] { new KeyValuePair<string, double>("d", (double)_drop) };
        for (int i = 0; i < episode.Count; i++)
        {
            AllianceScore score = episode.Scores[i];
            int session = score.Occasion.SessionNumber;
            if (_cutoff && episode.Cutoff is { } cutoff && cutoff.IsMet(score) == true)
            {
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.BelowCutoff, new[] { session }, new[] { new KeyValuePair<string, double>("threshold", (double)cutoff.Threshold) }, score.Value, null));
            }

            if (i == 0)
            {
                continue;
            }

            AllianceScore previous = episode.Scores[i - 1];
            decimal drop = previous.Value - score.Value;
            if (drop >= _drop)
            {
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.DropFromPrevious, new[] { previous.Occasion.SessionNumber, session }, dropParameters, score.Value, drop));
            }

            if (_ceiling && !ceilingReported && previous.Value == episode.Maximum && score.Value < episode.Maximum)
            {
                ceilingReported = true;
                findings.Add(new PracticeRuleFinding(Name, PracticeRule.FirstDropFromCeiling, new[] { previous.Occasion.SessionNumber, session }, new[] { new KeyValuePair<string, double>("maximum", (double)episode.Maximum) }, score.Value, drop));
            }
        }

        return new Detection(Name, Version, findings.ToImmutable());
    }
}

/// <summary>A session that fired a practice rule; see <see cref="FeedbackRulesDetector"/>.</summary>
public sealed class PracticeRuleFinding : TrendFinding
{
    internal PracticeRuleFinding(string rule, PracticeRule kind, IEnumerable<int> sessions, IEnumerable<KeyValuePair<string, double>> parameters, decimal score, decimal? drop)
        : base(rule, sessions, parameters)
    {
        Kind = kind;
        Score = score;
        Drop = drop;
    }

    /// <summary>Gets which practice rule fired.</summary>
    public PracticeRule Kind { get; }

    /// <summary>Gets <c>below-cutoff</c>, <c>drop-from-previous</c> or <c>first-drop-from-ceiling</c>, after <see cref="Kind"/>.</summary>
    public override string Code => Kind switch
    {
        PracticeRule.BelowCutoff => "below-cutoff",
        PracticeRule.DropFromPrevious => "drop-from-previous",
        PracticeRule.FirstDropFromCeiling => "first-drop-from-ceiling",
        _ => throw new InvalidOperationException("Unknown practice rule."),
    };

    /// <summary>Gets the score of the session that fired the rule (the last of <see cref="TrendFinding.Sessions"/>).</summary>
    public decimal Score { get; }

    /// <summary>Gets the drop from the previous session, for the drop rules.</summary>
    public decimal? Drop { get; }

    /// <inheritdoc/>
    public override ImmutableSortedDictionary<string, double> Values => Map(
        ("score", (double)Score),
        ("drop", Drop is { } d ? (double)d : double.NaN));

    /// <inheritdoc/>
    public override string Summary => Kind switch
    {
        PracticeRule.BelowCutoff => string.Format(CultureInfo.InvariantCulture, "Session {0}: total {1} meets the cutoff.", Sessions[0], Score),
        PracticeRule.DropFromPrevious => string.Format(CultureInfo.InvariantCulture, "Session {0}: total {1}, {2} lower than session {3}.", Sessions[1], Score, Drop, Sessions[0]),
        _ => string.Format(CultureInfo.InvariantCulture, "Session {0}: first score below the maximum after session {1} at it.", Sessions[1], Sessions[0]),
    };
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Guidance;

/// <summary>The ways therapists strengthen the partnership, as named in the library's founding model.</summary>
public enum ImprovementPractice
{
    /// <summary>Establish goals jointly with the client.</summary>
    JointGoals = 1,

    /// <summary>Build trust through open, honest communication.</summary>
    HonestCommunication = 2,

    /// <summary>Show real interest in the client's experiences.</summary>
    InterestInExperiences = 3,

    /// <summary>Offer practical and emotional support.</summary>
    Support = 4,

    /// <summary>Stay open to the client's criticism.</summary>
    OpennessToCriticism = 5,

    /// <summary>Respect the client's autonomy.</summary>
    RespectForAutonomy = 6,

    /// <summary>Keep the setting safe and free of criticism.</summary>
    SafeSetting = 7,
}

/// <summary>A focus area suggested to the clinician, with what triggered it.</summary>
/// <remarks>Worded as a prompt for reflection, not as clinical advice. This type is immutable and thread-safe.</remarks>
public sealed class FocusArea
{
    /// <summary>Initializes a new instance of the <see cref="FocusArea"/> class; for custom providers.</summary>
    /// <param name="practice">The practice.</param>
    /// <param name="prompt">The prompt for the clinician.</param>
    /// <param name="trigger">What triggered it: a dimension identifier or a finding's or alert's rule name.</param>
    /// <param name="reason">Why, in one sentence.</param>
    /// <exception cref="ArgumentException">Thrown when a text is null or blank.</exception>
    public FocusArea(ImprovementPractice practice, string prompt, string trigger, string reason)
    {
        Practice = practice;
        Prompt = Guard.Against.NullOrWhiteSpace(prompt);
        Trigger = Guard.Against.NullOrWhiteSpace(trigger);
        Reason = Guard.Against.NullOrWhiteSpace(reason);
    }

    /// <summary>Gets the practice.</summary>
    public ImprovementPractice Practice { get; }

    /// <summary>Gets the prompt for the clinician.</summary>
    public string Prompt { get; }

    /// <summary>Gets what triggered the focus area: a dimension identifier or a rule name.</summary>
    public string Trigger { get; }

    /// <summary>Gets why the focus area was suggested.</summary>
    public string Reason { get; }

    /// <summary>Returns the practice and prompt.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Practice}: {Prompt}";
}

/// <summary>What a guidance provider looks at: the weakest dimensions of the latest score, the findings and the alerts.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class GuidanceContext
{
    /// <summary>Initializes a new instance of the <see cref="GuidanceContext"/> class.</summary>
    /// <param name="weakestDimensions">The weakest model dimensions, weakest first.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="alerts">The alerts.</param>
    public GuidanceContext(IEnumerable<DimensionScore> weakestDimensions, IEnumerable<TrendFinding> findings, IEnumerable<Alert> alerts)
    {
        WeakestDimensions = Guard.Against.Null(weakestDimensions).ToImmutableArray();
        Findings = Guard.Against.Null(findings).ToImmutableArray();
        Alerts = Guard.Against.Null(alerts).ToImmutableArray();
    }

    /// <summary>Gets the weakest model dimensions, weakest first.</summary>
    public ImmutableArray<DimensionScore> WeakestDimensions { get; }

    /// <summary>Gets the findings.</summary>
    public ImmutableArray<TrendFinding> Findings { get; }

    /// <summary>Gets the alerts.</summary>
    public ImmutableArray<Alert> Alerts { get; }

    /// <summary>Creates a context from an episode's latest score: its model dimensions below the maximum, lowest POMP first.</summary>
    /// <param name="latest">The latest score, or <see langword="null"/>.</param>
    /// <param name="findings">The findings.</param>
    /// <param name="alerts">The alerts.</param>
    /// <param name="weakestCount">How many of the weakest dimensions to keep; 1 or more (2 by default).</param>
    /// <returns>The context.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="findings"/> or <paramref name="alerts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="weakestCount"/> is less than 1.</exception>
    public static GuidanceContext FromLatestScore(AllianceScore? latest, IEnumerable<TrendFinding> findings, IEnumerable<Alert> alerts, int weakestCount = 2)
    {
        Guard.Against.NegativeOrZero(weakestCount);
        IEnumerable<DimensionScore> weakest = latest is null
            ? Enumerable.Empty<DimensionScore>()
            : latest.ModelDimensions
                .Where(d => d.Value < d.Maximum)
                .OrderBy(d => d.Pomp)
                .ThenBy(d => AllianceDimension.ModelDimensions.IndexOf(d.Dimension))
                .Take(weakestCount);
        return new GuidanceContext(weakest, findings, alerts);
    }
}

/// <summary>Suggests focus areas for the clinician from the weakest dimensions and the findings.</summary>
/// <remarks>Implementations are deterministic and thread-safe, and word their output as prompts, not clinical advice.</remarks>
public interface IGuidanceProvider
{
    /// <summary>Gets the stable name of the provider.</summary>
    string Name { get; }

    /// <summary>Suggests focus areas.</summary>
    /// <param name="context">What to look at.</param>
    /// <returns>The focus areas, each with its trigger; possibly none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="context"/> is <see langword="null"/>.</exception>
    ImmutableArray<FocusArea> Suggest(GuidanceContext context);
}

/// <summary>Maps weak dimensions and worrying findings onto the founding model's ways of strengthening the partnership.</summary>
/// <remarks>
/// <para>Dimension → practice: mutual goals collaboration and realistic goals → joint goals; sincerity → honest
/// communication; empathy → interest in the client's experiences; optimistic rapport and optimistic expectations →
/// support; mutual respect and shared obligation → respect for autonomy; security → a safe setting. Findings and alerts
/// that signal strain (a rupture, a drop from the previous session, a sudden loss, a score below the cutoff) →
/// openness to the client's criticism: expert consensus favours validating the client's experience and exploring the
/// strain in the session it shows (Eubanks, Burckell &amp; Goldfried 2018). The mapping is a library design choice,
/// documented in <c>docs/guidance.md</c>.</para>
/// <para>Each practice is suggested at most once, with its first trigger. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class FoundingPracticesGuidance : IGuidanceProvider
{
    /// <summary>The provider's name, <c>founding-practices</c>.</summary>
    public const string DefaultName = "founding-practices";

    private static readonly ImmutableDictionary<string, ImprovementPractice> ByDimension = new Dictionary<string, ImprovementPractice>(StringComparer.Ordinal)
    {
        [AllianceDimension.MutualGoalsCollaboration.Id] = ImprovementPractice.JointGoals,
        [AllianceDimension.RealisticGoals.Id] = ImprovementPractice.JointGoals,
        [AllianceDimension.Sincerity.Id] = ImprovementPractice.HonestCommunication,
        [AllianceDimension.Empathy.Id] = ImprovementPractice.InterestInExperiences,
        [AllianceDimension.OptimisticRapport.Id] = ImprovementPractice.Support,
        [AllianceDimension.OptimisticExpectations.Id] = ImprovementPractice.Support,
        [AllianceDimension.MutualRespect.Id] = ImprovementPractice.RespectForAutonomy,
        [AllianceDimension.SharedObligation.Id] = ImprovementPractice.RespectForAutonomy,
        [AllianceDimension.Security.Id] = ImprovementPractice.SafeSetting,
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private static readonly ImmutableDictionary<ImprovementPractice, string> Prompts = new Dictionary<ImprovementPractice, string>
    {
        [ImprovementPractice.JointGoals] = "Consider revisiting the goals of the work together with the client, and checking that they feel achievable in the time available.",
        [ImprovementPractice.HonestCommunication] = "Consider inviting open, honest feedback about how the sessions are going, and sharing your own view transparently.",
        [ImprovementPractice.InterestInExperiences] = "Consider asking about the client's experience of recent sessions and reflecting back what you hear.",
        [ImprovementPractice.Support] = "Consider what practical or emotional support the client may need now, and naming what is going well.",
        [ImprovementPractice.OpennessToCriticism] = "Consider raising the recent change in the ratings with the client, inviting criticism of the work and acknowledging their view.",
        [ImprovementPractice.RespectForAutonomy] = "Consider checking that the client's choices about the approach and the pace are being heard and respected.",
        [ImprovementPractice.SafeSetting] = "Consider reviewing confidentiality and safety with the client, and whether the setting feels free of judgement.",
    }.ToImmutableDictionary();

    /// <summary>Gets a shared instance.</summary>
    public static FoundingPracticesGuidance Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => DefaultName;

    /// <inheritdoc/>
    public ImmutableArray<FocusArea> Suggest(GuidanceContext context)
    {
        Guard.Against.Null(context);
        var areas = ImmutableArray.CreateBuilder<FocusArea>();
        var suggested = new HashSet<ImprovementPractice>();
        void Add(ImprovementPractice practice, string trigger, string reason)
        {
            if (suggested.Add(practice))
            {
                areas.Add(new FocusArea(practice, Prompts[practice], trigger, reason));
            }
        }

        // The first alert that signals strain (Alert.SignalsStrain, set by the rule that raised it, built-in or not),
        // or else the first rupture, triggers openness to criticism.
        string? strainRule = context.Alerts.FirstOrDefault(a => a.SignalsStrain)?.Rule
            ?? context.Findings.OfType<RuptureFinding>().Select(f => f.Rule).FirstOrDefault();
        if (strainRule is not null)
        {
            Add(ImprovementPractice.OpennessToCriticism, strainRule, "The ratings show strain in the partnership.");
        }

        foreach (DimensionScore dimension in context.WeakestDimensions)
        {
            if (ByDimension.TryGetValue(dimension.Dimension.Id, out ImprovementPractice practice))
            {
                Add(practice, dimension.Dimension.Id, $"{dimension.Dimension.Name} is among the lowest-rated dimensions.");
            }
        }

        return areas.ToImmutable();
    }
}

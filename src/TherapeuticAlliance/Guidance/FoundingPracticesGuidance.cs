using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Guidance;

/// <summary>Maps weak dimensions and worrying findings onto the founding model's ways of strengthening the partnership.</summary>
/// <remarks>
/// <para>Dimension → practice: mutual goals collaboration and realistic goals → joint goals; sincerity → honest
/// communication; empathy → interest in the client's experiences; optimistic rapport and optimistic expectations →
/// support; mutual respect and shared obligation → respect for autonomy; security → a safe setting. Findings and alerts
/// that signal strain (a rupture, a drop from the previous session, a sudden loss, a score below the cutoff) →
/// openness to the client's criticism: expert consensus favours validating the client's experience and exploring the
/// strain in the session it shows (Eubanks, Burckell &amp; Goldfried 2018). The mapping is a library design choice,
/// documented in <c>docs/guidance.md</c>.</para>
/// <para>Guidance is given only to a client with a signal: an alert on the episode, or a latest score on the flagged
/// side of its instrument's cutoff (<see cref="GuidanceContext.IsLatestFlagged"/>). No dimension norm with a source
/// exists (domain reference §1.3: the item-level "below 9" check-in rule is unverified), so the weakest dimensions
/// alone never trigger it. Each practice is suggested at most once, with its first trigger. This type is immutable and
/// thread-safe.</para>
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
        if (context.Measure != MeasureKind.Alliance)
        {
            // The founding practices improve the partnership; an outcome measure says nothing about it.
            return areas.ToImmutable();
        }

        if (context.Alerts.IsEmpty && !context.IsLatestFlagged)
        {
            // Issue 26, part 6: guidance only for a client with a signal (an alert) or a latest score below the
            // instrument's sourced cutoff; the weakest dimensions of a client rated near the maximum are not a concern.
            return areas.ToImmutable();
        }

        var suggested = new HashSet<ImprovementPractice>();
        void Add(ImprovementPractice practice, string trigger, string reason)
        {
            if (suggested.Add(practice))
            {
                areas.Add(new FocusArea(practice, Prompts[practice], trigger, reason));
            }
        }

        // The first alert that signals strain now (Alert.SignalsStrain, set by the rule that raised it, built-in or
        // not) triggers openness to criticism; a rupture already repaired is history, not strain.
        string? strainRule = context.Alerts.FirstOrDefault(a => a.SignalsStrain)?.Rule;
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

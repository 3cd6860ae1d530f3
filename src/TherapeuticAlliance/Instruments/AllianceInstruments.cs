using System.Collections.Immutable;

namespace TherapeuticAlliance.Instruments;

/// <summary>Provides the built-in instruments, described by structure only (no copyrighted wording).</summary>
/// <remarks>
/// <para>Only structures the library's domain reference marks as verified are built in. Other instruments (the full
/// WAI, WAI-S, HAq-II, CALPAS, ARM) are licensed, and their keys could not be verified from public sources: define
/// them with <see cref="InstrumentBuilder"/> or the JSON format from the licensed manual.</para>
/// <para>All instances are immutable and thread-safe. Sources are in <c>docs/instruments.md</c>.</para>
/// </remarks>
public static class AllianceInstruments
{
    /// <summary>Gets the Alliance Profile, the library's own instrument made from its model: one item per component and element, rated 1–7, with client and therapist forms.</summary>
    /// <remarks>
    /// Identifier <c>alliance-profile</c>. Items are named after the nine model dimensions (four components, then five
    /// elements). Subscales: one per model dimension, then <c>components</c> (4 items) and <c>elements</c> (5 items).
    /// Scored as means by convention (<see cref="Scoring.ScoringStrategies.Mean"/>). It is not a validated instrument
    /// (<see cref="Instrument.HasPublishedValidation"/> is false, so its alerts are at most "watch" by default and the
    /// report labels it): it makes the model measurable and has no norms or cutoff. Default missing-data policy: complete only (a
    /// single-item dimension cannot be imputed).
    /// </remarks>
    public static Instrument AllianceProfile { get; } = BuildAllianceProfile();

    /// <summary>Gets the Working Alliance Inventory – Short Revised, client form (Hatcher &amp; Gillaspy 2006): 12 items rated 1–5.</summary>
    /// <remarks>
    /// Identifier <c>wai-sr</c>, items <c>1</c>–<c>12</c>. Subscales: Task 1, 2, 10, 12 (→ shared obligation); Bond 3, 5, 7, 9
    /// (→ optimistic rapport); Goal 4, 6, 8, 11 (→ mutual goals collaboration). No reverse-keyed items. Sums 12–60
    /// (subscales 4–20) or means 1–5. No validated cutoff. Default missing-data policy: complete only. Reliability .80
    /// (see <see cref="Instrument.Reliability"/>).
    /// </remarks>
    public static Instrument WaiSr { get; } = new InstrumentBuilder("wai-sr", "1.0")
        .WithName("Working Alliance Inventory - Short Revised (client)")
        .WithScale(RatingScale.OneToFive)
        .AddItems(12)
        .AddSubscale(AllianceDimension.Subscale("task", "Task", "Agreement on the activities of therapy."), new[] { "1", "2", "10", "12" }, AllianceDimension.SharedObligation)
        .AddSubscale(AllianceDimension.Subscale("bond", "Bond", "The affective bond between client and therapist."), new[] { "3", "5", "7", "9" }, AllianceDimension.OptimisticRapport)
        .AddSubscale(AllianceDimension.Subscale("goal", "Goal", "Agreement on the aims of therapy."), new[] { "4", "6", "8", "11" }, AllianceDimension.MutualGoalsCollaboration)
        .WithReliability(0.80)
        .Build();

    /// <summary>Gets the Session Rating Scale (Duncan et al. 2003, version 3): four 0–10 visual-analogue items in steps of 0.1, summed to 0–40, with the cutoff "sum below 36".</summary>
    /// <remarks>
    /// Identifier <c>srs</c>, items <c>1</c> Relationship, <c>2</c> Goals and topics, <c>3</c> Approach or method,
    /// <c>4</c> Overall, each also a single-item subscale. Cutoff: sum &lt; 36; sources disagree on &lt; or ≤, so
    /// change the operator with <see cref="Instrument.WithCutoff"/> and <see cref="ScoreCutoff.WithOperator"/>.
    /// Mapping onto the model (a design choice): Relationship → optimistic rapport, Goals and topics → mutual goals
    /// collaboration, Approach or method → shared obligation. Reliability .88 (see <see cref="Instrument.Reliability"/>).
    /// </remarks>
    public static Instrument Srs { get; } = new InstrumentBuilder("srs", "1.0")
        .WithName("Session Rating Scale")
        .WithScale(RatingScale.VisualAnalog10)
        .AddItem("1", "Relationship")
        .AddItem("2", "Goals and topics")
        .AddItem("3", "Approach or method")
        .AddItem("4", "Overall")
        .AddSubscale(AllianceDimension.Subscale("relationship", "Relationship"), new[] { "1" }, AllianceDimension.OptimisticRapport)
        .AddSubscale(AllianceDimension.Subscale("goals-topics", "Goals and topics"), new[] { "2" }, AllianceDimension.MutualGoalsCollaboration)
        .AddSubscale(AllianceDimension.Subscale("approach-method", "Approach or method"), new[] { "3" }, AllianceDimension.SharedObligation)
        .AddSubscale(AllianceDimension.Subscale("overall", "Overall"), new[] { "4" })
        .WithCutoff(new ScoreCutoff(36m, CutoffOperator.LessThan))
        .WithReliability(0.88)
        .Build();

    /// <summary>Gets the Outcome Rating Scale (Miller et al. 2003), the outcome companion of the SRS: four 0–10 items in steps of 0.1, summed to 0–40, higher is better.</summary>
    /// <remarks>
    /// Identifier <c>ors</c>, items <c>1</c> Individual, <c>2</c> Interpersonal, <c>3</c> Social, <c>4</c> Overall;
    /// measure <see cref="MeasureKind.Outcome"/>; no mapping onto the alliance model. Cutoff: sum &lt;
    /// <see cref="OrsNorms.AdultClinicalCutoff"/> (an unverified value; see <see cref="OrsNorms"/>). Reliability .82 (see
    /// <see cref="Instrument.Reliability"/>).
    /// </remarks>
    public static Instrument Ors { get; } = new InstrumentBuilder("ors", "1.0")
        .WithName("Outcome Rating Scale")
        .WithMeasure(MeasureKind.Outcome)
        .WithScale(RatingScale.VisualAnalog10)
        .AddItem("1", "Individual")
        .AddItem("2", "Interpersonal")
        .AddItem("3", "Social")
        .AddItem("4", "Overall")
        .WithCutoff(new ScoreCutoff(OrsNorms.AdultClinicalCutoff, CutoffOperator.LessThan))
        .WithReliability(0.82)
        .Build();

    /// <summary>Gets all built-in instruments.</summary>
    public static ImmutableArray<Instrument> All { get; } = ImmutableArray.Create(AllianceProfile, WaiSr, Srs, Ors);

    private static Instrument BuildAllianceProfile()
    {
        var builder = new InstrumentBuilder("alliance-profile", "1.0")
            .WithName("Alliance Profile")
            .WithoutPublishedValidation()
            .WithScale(RatingScale.OneToSeven)
            .ForPerspectives(Perspective.Client, Perspective.Therapist);
        foreach (AllianceDimension dimension in AllianceDimension.ModelDimensions)
        {
            builder.AddItem(dimension.Id, dimension.Name);
        }

        foreach (AllianceDimension dimension in AllianceDimension.ModelDimensions)
        {
            builder.AddSubscale(dimension, new[] { dimension.Id });
        }

        return builder
            .AddSubscale(AllianceDimension.Subscale("components", "Components", "The four essential components."), Ids(AllianceDimension.Components))
            .AddSubscale(AllianceDimension.Subscale("elements", "Elements", "The five elements."), Ids(AllianceDimension.Elements))
            .Build();
    }

    private static string[] Ids(ImmutableArray<AllianceDimension> dimensions)
    {
        var ids = new string[dimensions.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = dimensions[i].Id;
        }

        return ids;
    }
}

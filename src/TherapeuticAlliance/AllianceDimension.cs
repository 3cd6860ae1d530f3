using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents one measurable facet of the therapeutic alliance: a component, an element or an instrument's subscale.</summary>
/// <remarks>
/// <para>The library's model has four essential <see cref="DimensionKind.Component">components</see>
/// (<see cref="OptimisticRapport"/>, <see cref="MutualGoalsCollaboration"/>, <see cref="RealisticGoals"/>,
/// <see cref="SharedObligation"/>) and five <see cref="DimensionKind.Element">elements</see>
/// (<see cref="MutualRespect"/>, <see cref="Empathy"/>, <see cref="Sincerity"/>, <see cref="Security"/>,
/// <see cref="OptimisticExpectations"/>), together called the model dimensions. Instruments define their own
/// subscales with <see cref="Subscale"/> and map them onto model dimensions.</para>
/// <para>Equality is by <see cref="Id"/> and <see cref="Kind"/> (ordinal). This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class AllianceDimension : IEquatable<AllianceDimension>
{
    private AllianceDimension(string id, string name, DimensionKind kind, string description)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Description = description;
    }

    /// <summary>Gets the component in which the client feels supported in a warm, non-judgemental setting with clear boundaries and attentive, sympathetic feedback.</summary>
    public static AllianceDimension OptimisticRapport { get; } = new(
        "optimistic-rapport", "Optimistic rapport", DimensionKind.Component,
        "A supportive, non-judgemental climate with clear boundaries, in which the client feels listened to and receives sympathetic feedback.");

    /// <summary>Gets the component in which client and therapist share an understanding of what therapy is for and weigh options together.</summary>
    public static AllianceDimension MutualGoalsCollaboration { get; } = new(
        "mutual-goals-collaboration", "Mutual goals collaboration", DimensionKind.Component,
        "Client and therapist hold a shared picture of the aims of therapy and can talk openly about the ways to reach them.");

    /// <summary>Gets the component in which both parties keep expectations in line with the time and resources available.</summary>
    public static AllianceDimension RealisticGoals { get; } = new(
        "realistic-goals", "Realistic goals", DimensionKind.Component,
        "Both parties keep what they expect to achieve in line with the time and means at hand, so that unmet hopes do not turn into disappointment.");

    /// <summary>Gets the component in which responsibility for progress is carried jointly.</summary>
    public static AllianceDimension SharedObligation { get; } = new(
        "shared-obligation", "Shared obligation", DimensionKind.Component,
        "Responsibility for progress is joint: the therapist guides and encourages, the client takes part actively and carries the work into daily life.");

    /// <summary>Gets the element of mutual respect between client and therapist.</summary>
    public static AllianceDimension MutualRespect { get; } = new(
        "mutual-respect", "Mutual respect", DimensionKind.Element,
        "Each side values the other; the therapist keeps professional limits and the client can rely on them.");

    /// <summary>Gets the element of empathy: the therapist's grasp of the client's experience.</summary>
    public static AllianceDimension Empathy { get; } = new(
        "empathy", "Empathy", DimensionKind.Element,
        "The therapist understands the client's experience from the client's point of view and shows it.");

    /// <summary>Gets the element of sincerity: genuine, honest communication.</summary>
    public static AllianceDimension Sincerity { get; } = new(
        "sincerity", "Sincerity", DimensionKind.Element,
        "Communication is genuine and honest on both sides.");

    /// <summary>Gets the element of security: confidentiality, privacy and safety.</summary>
    public static AllianceDimension Security { get; } = new(
        "security", "Security", DimensionKind.Element,
        "The client can count on confidentiality, privacy and a safe setting.");

    /// <summary>Gets the element of optimistic expectations about the therapy process.</summary>
    public static AllianceDimension OptimisticExpectations { get; } = new(
        "optimistic-expectations", "Optimistic expectations", DimensionKind.Element,
        "Both parties expect the work together to help.");

    /// <summary>Gets the four components, in the model's order.</summary>
    public static ImmutableArray<AllianceDimension> Components { get; } =
        ImmutableArray.Create(OptimisticRapport, MutualGoalsCollaboration, RealisticGoals, SharedObligation);

    /// <summary>Gets the five elements, in the model's order.</summary>
    public static ImmutableArray<AllianceDimension> Elements { get; } =
        ImmutableArray.Create(MutualRespect, Empathy, Sincerity, Security, OptimisticExpectations);

    /// <summary>Gets the nine model dimensions: the four components followed by the five elements.</summary>
    public static ImmutableArray<AllianceDimension> ModelDimensions { get; } = Components.AddRange(Elements);

    /// <summary>Gets the stable identifier, such as <c>optimistic-rapport</c> or an instrument's <c>goal</c>.</summary>
    public string Id { get; }

    /// <summary>Gets a short display name.</summary>
    public string Name { get; }

    /// <summary>Gets the kind of dimension.</summary>
    public DimensionKind Kind { get; }

    /// <summary>Gets a one-sentence description in the library's own words.</summary>
    public string Description { get; }

    /// <summary>Gets a value indicating whether this is one of the nine <see cref="ModelDimensions"/>.</summary>
    public bool IsModelDimension => Kind != DimensionKind.Subscale;

    /// <summary>Creates an instrument-defined subscale dimension.</summary>
    /// <param name="id">The identifier: 1 to 64 characters of lower-case letters, digits, '-', '_' or '.'; it must not be a model dimension's identifier.</param>
    /// <param name="name">The display name.</param>
    /// <param name="description">An optional description.</param>
    /// <returns>The subscale dimension.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="id"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="id"/> is not a valid identifier or names a model dimension, or <paramref name="name"/> is blank.</exception>
    public static AllianceDimension Subscale(string id, string name, string? description = null)
    {
        Guard.Against.InvalidInput(id, nameof(id), Identifiers.IsValid, Identifiers.Rule);
        Guard.Against.InvalidInput(id, nameof(id), i => FindModelDimension(i) is null, "The identifier is reserved for a model dimension; use that dimension instead.");
        Guard.Against.NullOrWhiteSpace(name);
        return new AllianceDimension(id, name, DimensionKind.Subscale, description ?? string.Empty);
    }

    /// <summary>Finds a model dimension by its identifier.</summary>
    /// <param name="id">The identifier, such as <c>empathy</c>.</param>
    /// <returns>The model dimension, or <see langword="null"/> when no model dimension has that identifier.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="id"/> is <see langword="null"/>.</exception>
    public static AllianceDimension? FindModelDimension(string id)
    {
        Guard.Against.Null(id);
        foreach (AllianceDimension dimension in ModelDimensions)
        {
            if (string.Equals(dimension.Id, id, StringComparison.Ordinal))
            {
                return dimension;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public bool Equals(AllianceDimension? other) =>
        other is not null && Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AllianceDimension);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), Kind);

    /// <summary>Returns the dimension's identifier.</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => Id;

    /// <summary>Compares two dimensions for equality.</summary>
    /// <param name="left">The first dimension.</param>
    /// <param name="right">The second dimension.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(AllianceDimension? left, AllianceDimension? right) => Equals(left, right);

    /// <summary>Compares two dimensions for inequality.</summary>
    /// <param name="left">The first dimension.</param>
    /// <param name="right">The second dimension.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(AllianceDimension? left, AllianceDimension? right) => !Equals(left, right);
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Describes a questionnaire by its structure: items, response scale, subscales and their mapping onto the library's model, supported perspectives, an optional cutoff and a default missing-data policy.</summary>
/// <remarks>
/// <para>Instruments carry no copyrighted wording. Built-in instruments are in <see cref="Instruments.AllianceInstruments"/>;
/// define others with <see cref="InstrumentBuilder"/> or the JSON format read by <see cref="Instruments.InstrumentDefinition"/>.</para>
/// <para>All items share one <see cref="Scale"/>. Equality is structural (identifier, version, name, measure,
/// scale, items, subscales, perspectives, cutoff and policy). This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Instrument : IEquatable<Instrument>
{
    private readonly Dictionary<string, int> _itemIndex;

    internal Instrument(
        string id,
        string version,
        string name,
        MeasureKind measure,
        RatingScale scale,
        ImmutableArray<InstrumentItem> items,
        ImmutableArray<Subscale> subscales,
        ImmutableArray<Perspective> perspectives,
        ScoreCutoff? cutoff,
        MissingDataPolicy defaultMissingDataPolicy,
        double? reliability,
        bool hasPublishedValidation = true)
    {
        HasPublishedValidation = hasPublishedValidation;
        Id = id;
        Version = version;
        Name = name;
        Measure = measure;
        Scale = scale;
        Items = items;
        Subscales = subscales;
        Perspectives = perspectives;
        Cutoff = cutoff;
        DefaultMissingDataPolicy = defaultMissingDataPolicy;
        Reliability = reliability;
        _itemIndex = new Dictionary<string, int>(items.Length, StringComparer.Ordinal);
        for (int i = 0; i < items.Length; i++)
        {
            _itemIndex.Add(items[i].Id, i);
        }

        Reversed = items.Select(item => item.IsReversed).ToImmutableArray();
        TotalUnit = new ScoringUnit(null, Enumerable.Range(0, items.Length).ToImmutableArray());
        SubscaleUnits = subscales
            .Select(s => new ScoringUnit(s.Dimension, s.ItemIds.Select(itemId => _itemIndex[itemId]).ToImmutableArray()))
            .ToImmutableArray();
        ModelDimensionUnits = AllianceDimension.ModelDimensions
            .Select(dimension => new ScoringUnit(
                dimension,
                subscales.Where(s => s.MapsTo.Contains(dimension) || s.Dimension.Equals(dimension))
                    .SelectMany(s => s.ItemIds)
                    .Select(itemId => _itemIndex[itemId])
                    .Distinct()
                    .OrderBy(index => index)
                    .ToImmutableArray()))
            .Where(unit => unit.ItemIndices.Length > 0)
            .ToImmutableArray();
    }

    /// <summary>Gets the stable identifier, such as <c>wai-sr</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the version of this definition, such as <c>1.0</c>; stamped on every score so histories can be re-scored.</summary>
    public string Version { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets what the instrument measures.</summary>
    public MeasureKind Measure { get; }

    /// <summary>
    /// Gets the reliability coefficient of the total (0–1, exclusive), used for the reliable-change floor of the rupture
    /// rule and for reliable change when the caller gives none; <see langword="null"/> when the instrument has none.
    /// </summary>
    /// <remarks>
    /// The built-ins carry the lowest internal consistency (Cronbach's alpha) of the range that the domain reference
    /// verified, the conservative end: SRS .88 and ORS .82 (review of 11 clinical studies, SSWR 2018: SRS α .88–.97, ORS
    /// α .82–.92), WAI-SR .80 (Munder et al. 2010: α above .80 in two samples); the Alliance Profile has none. Test–retest
    /// values are lower (SRS .54–.70), which gives floors about twice as large; set your own with
    /// <see cref="WithReliability"/>. The coefficient holds for every linear metric of the total (sum, mean, POMP).
    /// </remarks>
    public double? Reliability { get; }

    /// <summary>
    /// Gets whether the instrument has published validation (psychometric studies of its reliability and validity).
    /// An instrument without it cannot raise an "act" alert by default: <see cref="Reports.EpisodeAnalyzer"/> lowers its
    /// alerts to "watch" and the report labels it. The built-ins: SRS, ORS and WAI-SR have (domain reference §1); the
    /// Alliance Profile, which makes the founding model measurable, has not.
    /// </summary>
    /// <value><see langword="true"/> unless set otherwise (<see cref="WithPublishedValidation"/>, <c>"validated": false</c> in a definition file).</value>
    public bool HasPublishedValidation { get; }

    /// <summary>Gets the response scale shared by all items.</summary>
    public RatingScale Scale { get; }

    /// <summary>Gets the items in instrument order.</summary>
    public ImmutableArray<InstrumentItem> Items { get; }

    /// <summary>Gets the subscales.</summary>
    public ImmutableArray<Subscale> Subscales { get; }

    /// <summary>Gets the perspectives (forms) the instrument supports.</summary>
    public ImmutableArray<Perspective> Perspectives { get; }

    /// <summary>Gets the cutoff that flags a total, or <see langword="null"/> when the instrument has none.</summary>
    public ScoreCutoff? Cutoff { get; }

    /// <summary>Gets the missing-data policy scoring strategies use unless they are configured with another.</summary>
    public MissingDataPolicy DefaultMissingDataPolicy { get; }

    /// <summary>Gets the lowest possible sum of all items.</summary>
    public decimal MinimumSum => Scale.Minimum * Items.Length;

    /// <summary>Gets the highest possible sum of all items.</summary>
    public decimal MaximumSum => Scale.Maximum * Items.Length;

    internal ImmutableArray<bool> Reversed { get; }

    /// <summary>Gets the unit of the instrument as a whole: every item, no dimension.</summary>
    public ScoringUnit TotalUnit { get; }

    /// <summary>Gets one unit per subscale, in the order of <see cref="Subscales"/>.</summary>
    public ImmutableArray<ScoringUnit> SubscaleUnits { get; }

    /// <summary>Gets one unit per component or element of the model that the subscales map to (directly or by being one), in the model's order; empty when no subscale maps to the model.</summary>
    public ImmutableArray<ScoringUnit> ModelDimensionUnits { get; }

    /// <summary>Finds an item by identifier.</summary>
    /// <param name="itemId">The item identifier.</param>
    /// <returns>The item, or <see langword="null"/> when the instrument has no such item.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemId"/> is <see langword="null"/>.</exception>
    public InstrumentItem? FindItem(string itemId)
    {
        Guard.Against.Null(itemId);
        return _itemIndex.TryGetValue(itemId, out int index) ? Items[index] : null;
    }

    internal bool TryGetItemIndex(string itemId, out int index) => _itemIndex.TryGetValue(itemId, out index);

    /// <summary>Validates responses and creates an assessment of this instrument.</summary>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="responses">The responses, in any order; items without a response count as not answered.</param>
    /// <returns>The assessment, or <see cref="InvalidAssessment"/> listing every problem found (unknown or duplicated items, values off the scale or off its step, an unsupported perspective).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="occasion"/> or <paramref name="responses"/> is <see langword="null"/>, or <paramref name="responses"/> contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="perspective"/> is not a defined value.</exception>
    public AssessmentResult CreateAssessment(Perspective perspective, Occasion occasion, IEnumerable<ItemResponse> responses)
    {
        Guard.Against.InvalidInput(perspective, nameof(perspective), AllianceCodes.IsDefined, "Unknown perspective.");
        Guard.Against.Null(occasion);
        Guard.Against.Null(responses);

        // Only the result is allocated on the valid path: the values array becomes the assessment's without a copy,
        // the seen-flags live on the stack, and lists are walked by index (no boxed enumerator).
        var values = new decimal?[Items.Length];
        Span<bool> seen = Items.Length <= 256 ? stackalloc bool[Items.Length] : new bool[Items.Length];
        ImmutableArray<AssessmentProblem>.Builder? problems = null;

        if (!Perspectives.Contains(perspective))
        {
            (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(new UnsupportedPerspective(Id, perspective));
        }

        if (responses is IReadOnlyList<ItemResponse> list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                Accept(list[i], i, values, seen, ref problems);
            }
        }
        else
        {
            int position = 0;
            foreach (ItemResponse response in responses)
            {
                Accept(response, position++, values, seen, ref problems);
            }
        }

        return problems is null
            ? new Assessment(this, perspective, occasion, ImmutableCollectionsMarshal.AsImmutableArray(values))
            : new InvalidAssessment(Id, problems.ToImmutable());
    }

    /// <summary>Validates responses given in item order and creates an assessment of this instrument.</summary>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="valuesInItemOrder">One value per item, in instrument order; <see langword="null"/> marks an item not answered.</param>
    /// <returns>The assessment, or <see cref="InvalidAssessment"/> listing every problem found.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="occasion"/> or <paramref name="valuesInItemOrder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="perspective"/> is not defined, or the number of values differs from the number of items.</exception>
    public AssessmentResult CreateAssessment(Perspective perspective, Occasion occasion, params decimal?[] valuesInItemOrder)
    {
        Guard.Against.Null(valuesInItemOrder);
        Guard.Against.InvalidInput((valuesInItemOrder.Length, Items.Length), nameof(valuesInItemOrder), static counts => counts.Item1 == counts.Item2, "Give exactly one value per item, in instrument order.");
        Guard.Against.InvalidInput(perspective, nameof(perspective), AllianceCodes.IsDefined, "Unknown perspective.");
        Guard.Against.Null(occasion);

        // In item order there can be no unknown or duplicated items; each value is checked against the scale.
        var values = new decimal?[Items.Length];
        ImmutableArray<AssessmentProblem>.Builder? problems = null;
        if (!Perspectives.Contains(perspective))
        {
            (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(new UnsupportedPerspective(Id, perspective));
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (valuesInItemOrder[i] is { } value && CheckValue(Items[i].Id, i, i, value) is { } problem)
            {
                (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(problem);
                continue;
            }

            values[i] = valuesInItemOrder[i];
        }

        return problems is null
            ? new Assessment(this, perspective, occasion, ImmutableCollectionsMarshal.AsImmutableArray(values))
            : new InvalidAssessment(Id, problems.ToImmutable());
    }

    /// <summary>Checks one response of the unordered overload and records its value or its problem.</summary>
    private void Accept(ItemResponse response, int position, decimal?[] values, Span<bool> seen, ref ImmutableArray<AssessmentProblem>.Builder? problems)
    {
        Guard.Against.Null(response, "responses");
        if (!_itemIndex.TryGetValue(response.ItemId, out int index))
        {
            (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(new UnknownItem(response.ItemId, position));
            return;
        }

        if (seen[index])
        {
            (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(new DuplicateResponse(response.ItemId, index, position));
            return;
        }

        seen[index] = true;
        if (response.Value is { } value)
        {
            if (CheckValue(response.ItemId, index, position, value) is { } problem)
            {
                (problems ??= ImmutableArray.CreateBuilder<AssessmentProblem>()).Add(problem);
                return;
            }

            values[index] = value;
        }
    }

    /// <summary>Returns the problem with a value on this instrument's scale, or <see langword="null"/> when it is allowed.</summary>
    private AssessmentProblem? CheckValue(string itemId, int itemIndex, int position, decimal value) =>
        !Scale.IsInRange(value) ? new ValueOutOfRange(itemId, itemIndex, position, Scale.Minimum, Scale.Maximum)
        : !Scale.Contains(value) ? new ValueOffStep(itemId, itemIndex, position, Scale.Step)
        : null;

    /// <summary>Returns a copy of this instrument with another cutoff.</summary>
    /// <param name="cutoff">The cutoff, or <see langword="null"/> for none.</param>
    /// <returns>The new instrument.</returns>
    public Instrument WithCutoff(ScoreCutoff? cutoff) =>
        new(Id, Version, Name, Measure, Scale, Items, Subscales, Perspectives, cutoff, DefaultMissingDataPolicy, Reliability, HasPublishedValidation);

    /// <summary>Returns a copy of this instrument with another reliability coefficient.</summary>
    /// <param name="reliability">The coefficient, greater than 0 and less than 1, or <see langword="null"/> for none.</param>
    /// <returns>The new instrument.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="reliability"/> is not between 0 and 1 (exclusive).</exception>
    public Instrument WithReliability(double? reliability)
    {
        Guard.Against.InvalidInput(reliability, nameof(reliability), static r => r is null or (> 0.0 and < 1.0), "A reliability coefficient lies between 0 and 1 (exclusive).");
        return new(Id, Version, Name, Measure, Scale, Items, Subscales, Perspectives, Cutoff, DefaultMissingDataPolicy, reliability, HasPublishedValidation);
    }

    /// <summary>Returns a copy of this instrument with another default missing-data policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The new instrument.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="policy"/> is <see langword="null"/>.</exception>
    public Instrument WithDefaultMissingDataPolicy(MissingDataPolicy policy) =>
        new(Id, Version, Name, Measure, Scale, Items, Subscales, Perspectives, Cutoff, Guard.Against.Null(policy), Reliability, HasPublishedValidation);

    /// <summary>Returns a copy of this instrument marked as having published validation or not (see <see cref="HasPublishedValidation"/>).</summary>
    /// <param name="validated">Whether the instrument has published validation.</param>
    /// <returns>The new instrument.</returns>
    public Instrument WithPublishedValidation(bool validated) =>
        new(Id, Version, Name, Measure, Scale, Items, Subscales, Perspectives, Cutoff, DefaultMissingDataPolicy, Reliability, validated);

    /// <inheritdoc/>
    public bool Equals(Instrument? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && string.Equals(Version, other.Version, StringComparison.Ordinal)
                && string.Equals(Name, other.Name, StringComparison.Ordinal)
                && Measure == other.Measure
                && Scale.Equals(other.Scale)
                && Items.SequenceEqual(other.Items)
                && Subscales.SequenceEqual(other.Subscales)
                && Perspectives.SequenceEqual(other.Perspectives)
                && Equals(Cutoff, other.Cutoff)
                && Nullable.Equals(Reliability, other.Reliability)
                && HasPublishedValidation == other.HasPublishedValidation
                && DefaultMissingDataPolicy.Equals(other.DefaultMissingDataPolicy)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Instrument);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), StringComparer.Ordinal.GetHashCode(Version), Items.Length);

    /// <summary>Returns the instrument's identifier and version, such as <c>wai-sr 1.0</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Id} {Version}";

    /// <summary>Compares two instruments for equality.</summary>
    /// <param name="left">The first instrument.</param>
    /// <param name="right">The second instrument.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(Instrument? left, Instrument? right) => Equals(left, right);

    /// <summary>Compares two instruments for inequality.</summary>
    /// <param name="left">The first instrument.</param>
    /// <param name="right">The second instrument.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Instrument? left, Instrument? right) => !Equals(left, right);
}

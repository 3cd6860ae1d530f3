using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Builds an <see cref="Instrument"/> in a few lines, for example a site's licensed key of the full WAI with its reverse-keyed items.</summary>
/// <remarks>
/// <para>Each method records one part and returns the builder; <see cref="Build"/> checks the whole definition and
/// creates the immutable instrument. The defaults are: measure <see cref="MeasureKind.Alliance"/>, the client
/// perspective only, no subscales, no cutoff and <see cref="MissingDataPolicy.CompleteOnly"/>.</para>
/// <para>A builder is mutable and not thread-safe; the instruments it builds are immutable and thread-safe.</para>
/// </remarks>
/// <example>
/// <code>
/// Instrument wai = new InstrumentBuilder("site-wai", "1.0")
///     .WithName("Site WAI (licensed key)")
///     .WithScale(RatingScale.OneToSeven)
///     .AddItems(36)
///     .ReverseItems("3", "9")
///     .AddSubscale(AllianceDimension.Subscale("goal", "Goal"), new[] { "3", "6", "9" }, AllianceDimension.MutualGoalsCollaboration)
///     .Build();
/// </code>
/// </example>
public sealed class InstrumentBuilder
{
    private readonly InstrumentSpec _spec = new();

    /// <summary>Initializes a new instance of the <see cref="InstrumentBuilder"/> class.</summary>
    /// <param name="id">The instrument identifier: 1 to 64 lower-case letters, digits, '-', '_' or '.'.</param>
    /// <param name="version">The definition's version, such as <c>1.0</c>.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public InstrumentBuilder(string id, string version)
    {
        _spec.Id = Guard.Against.Null(id);
        _spec.Version = Guard.Against.Null(version);
        _spec.Name = id;
        _spec.Perspectives.Add(Perspective.Client);
    }

    /// <summary>Sets the display name (by default the identifier).</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is <see langword="null"/> or blank.</exception>
    public InstrumentBuilder WithName(string name)
    {
        _spec.Name = Guard.Against.NullOrWhiteSpace(name);
        return this;
    }

    /// <summary>Sets what the instrument measures.</summary>
    /// <param name="measure">The measure kind.</param>
    /// <returns>This builder.</returns>
    public InstrumentBuilder WithMeasure(MeasureKind measure)
    {
        _spec.Measure = measure;
        return this;
    }

    /// <summary>Sets the reliability coefficient of the total (see <see cref="Instrument.Reliability"/>).</summary>
    /// <param name="reliability">The coefficient, greater than 0 and less than 1; checked by <see cref="Build"/>.</param>
    /// <returns>This builder.</returns>
    public InstrumentBuilder WithReliability(double reliability)
    {
        _spec.Reliability = reliability;
        return this;
    }

    /// <summary>Marks the instrument as having no published validation (see <see cref="Instrument.HasPublishedValidation"/>): its alerts are at most "watch" by default and the report labels it.</summary>
    /// <returns>This builder.</returns>
    public InstrumentBuilder WithoutPublishedValidation()
    {
        _spec.HasPublishedValidation = false;
        return this;
    }

    /// <summary>Sets the response scale of all items.</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scale"/> is <see langword="null"/>.</exception>
    public InstrumentBuilder WithScale(RatingScale scale)
    {
        Guard.Against.Null(scale);
        (_spec.ScaleMinimum, _spec.ScaleMaximum, _spec.ScaleStep) = (scale.Minimum, scale.Maximum, scale.Step);
        return this;
    }

    /// <summary>Adds one item.</summary>
    /// <param name="id">The item identifier, unique within the instrument.</param>
    /// <param name="label">A short neutral label (never copyrighted wording); by default <c>Item n</c>.</param>
    /// <param name="reversed">Whether the item is reverse-keyed.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="id"/> is <see langword="null"/>.</exception>
    public InstrumentBuilder AddItem(string id, string? label = null, bool reversed = false)
    {
        _spec.Items.Add(new ItemSpec { Id = Guard.Against.Null(id), Label = label, Reversed = reversed });
        return this;
    }

    /// <summary>Adds <paramref name="count"/> items numbered from the next position, with identifiers <c>"1"</c>, <c>"2"</c>, … and labels <c>Item 1</c>, <c>Item 2</c>, ….</summary>
    /// <param name="count">How many items to add; 1 or more.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="count"/> is less than 1.</exception>
    public InstrumentBuilder AddItems(int count)
    {
        Guard.Against.NegativeOrZero(count);
        int start = _spec.Items.Count + 1;
        for (int n = start; n < start + count; n++)
        {
            string id = n.ToString(CultureInfo.InvariantCulture);
            _spec.Items.Add(new ItemSpec { Id = id });
        }

        return this;
    }

    /// <summary>Marks items as reverse-keyed (scored <c>min + max − x</c>).</summary>
    /// <param name="itemIds">The identifiers of items already added.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemIds"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an identifier names no added item.</exception>
    public InstrumentBuilder ReverseItems(params string[] itemIds)
    {
        Guard.Against.Null(itemIds);
        foreach (string itemId in itemIds)
        {
            ItemSpec? item = _spec.Items.FirstOrDefault(i => string.Equals(i.Id, itemId, StringComparison.Ordinal));
            Guard.Against.InvalidInput(item, nameof(itemIds), i => i is not null, "Add the item before marking it reversed.");
            item!.Reversed = true;
        }

        return this;
    }

    /// <summary>Adds a subscale.</summary>
    /// <param name="dimension">The dimension the subscale measures: an instrument subscale (<see cref="AllianceDimension.Subscale"/>) or a model dimension.</param>
    /// <param name="itemIds">The identifiers of its items.</param>
    /// <param name="mapsTo">The model dimensions the subscale contributes to.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public InstrumentBuilder AddSubscale(AllianceDimension dimension, IEnumerable<string> itemIds, params AllianceDimension[] mapsTo)
    {
        Guard.Against.Null(dimension);
        Guard.Against.Null(itemIds);
        Guard.Against.Null(mapsTo);
        Guard.Against.InvalidInput(mapsTo, nameof(mapsTo), m => m.All(d => d is not null && d.IsModelDimension), "Subscales map onto model dimensions only.");
        _spec.Subscales.Add(new SubscaleSpec
        {
            Id = dimension.Id,
            Name = dimension.Name,
            Description = dimension.Description,
            Items = itemIds.ToList(),
            MapsTo = mapsTo.Select(d => d.Id).ToList(),
        });
        return this;
    }

    /// <summary>Sets the perspectives (forms) the instrument supports, replacing the default of client only.</summary>
    /// <param name="perspectives">The perspectives.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="perspectives"/> is <see langword="null"/>.</exception>
    public InstrumentBuilder ForPerspectives(params Perspective[] perspectives)
    {
        Guard.Against.Null(perspectives);
        _spec.Perspectives.Clear();
        _spec.Perspectives.AddRange(perspectives);
        return this;
    }

    /// <summary>Sets a cutoff that flags totals.</summary>
    /// <param name="cutoff">The cutoff, or <see langword="null"/> for none.</param>
    /// <returns>This builder.</returns>
    public InstrumentBuilder WithCutoff(ScoreCutoff? cutoff)
    {
        _spec.Cutoff = cutoff;
        return this;
    }

    /// <summary>Sets the default missing-data policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="policy"/> is <see langword="null"/>.</exception>
    public InstrumentBuilder WithDefaultMissingDataPolicy(MissingDataPolicy policy)
    {
        _spec.MissingData = Guard.Against.Null(policy);
        return this;
    }

    /// <summary>Checks the definition and creates the instrument.</summary>
    /// <returns>The instrument.</returns>
    /// <exception cref="ArgumentException">Thrown when the definition is invalid; the message lists every problem.</exception>
    public Instrument Build()
    {
        Instrument? instrument = _spec.TryBuild(out var problems);
        return instrument ?? throw new ArgumentException("The instrument definition is invalid: " + string.Join(" ", problems));
    }
}

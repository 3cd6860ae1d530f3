using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents one validated administration of an instrument: who rated, when, and a response for every item.</summary>
/// <remarks>
/// <para>Create assessments with <see cref="Instrument.CreateAssessment(Perspective, Occasion, System.Collections.Generic.IEnumerable{ItemResponse})"/>,
/// which checks every response against the instrument and returns an error value instead of an invalid assessment.
/// An assessment therefore always holds exactly one response per item, in instrument order, with every answered
/// value on the instrument's scale; items without a response are explicitly not answered.</para>
/// <para><see cref="ToString"/> shows the instrument, perspective, occasion and how many items were answered, never
/// the responses. Equality is by instrument, perspective, occasion and responses. This type is immutable and
/// thread-safe.</para>
/// </remarks>
public sealed class Assessment : IEquatable<Assessment>
{
    private readonly ImmutableArray<decimal?> _values;
    private ImmutableArray<ItemResponse> _responses;

    internal Assessment(Instrument instrument, Perspective perspective, Occasion occasion, ImmutableArray<decimal?> values)
    {
        Instrument = instrument;
        Perspective = perspective;
        Occasion = occasion;
        _values = values;
        int answered = 0;
        foreach (decimal? value in values)
        {
            if (value.HasValue)
            {
                answered++;
            }
        }

        AnsweredCount = answered;
    }

    /// <summary>Gets the instrument administered.</summary>
    public Instrument Instrument { get; }

    /// <summary>Gets who rated.</summary>
    public Perspective Perspective { get; }

    /// <summary>Gets when the assessment was made.</summary>
    public Occasion Occasion { get; }

    /// <summary>Gets one response per item, in instrument order.</summary>
    public ImmutableArray<ItemResponse> Responses
    {
        get
        {
            if (_responses.IsDefault)
            {
                ImmutableArray<InstrumentItem> items = Instrument.Items;
                var built = new ItemResponse[items.Length];
                for (int i = 0; i < built.Length; i++)
                {
                    built[i] = ItemResponse.Create(items[i].Id, _values[i]);
                }

                ImmutableInterlocked.InterlockedInitialize(ref _responses, ImmutableArray.Create(built));
            }

            return _responses;
        }
    }

    /// <summary>Gets the number of answered items.</summary>
    public int AnsweredCount { get; }

    /// <summary>Gets the number of items not answered.</summary>
    public int MissingCount => _values.Length - AnsweredCount;

    /// <summary>
    /// Gets the values as given, one per item in instrument order (<see cref="Instrument"/>'s <c>Items</c>, so index
    /// <c>i</c> is the item at <see cref="ScoringUnit.ItemIndices"/> position <c>i</c>), in points of the
    /// item scale before reverse keying; <see langword="null"/> marks an item not answered. Reading it allocates nothing.
    /// </summary>
    public ImmutableArray<decimal?> Values => _values;

    /// <summary>Gets the value recorded for an item.</summary>
    /// <param name="itemId">The item identifier.</param>
    /// <returns>The value, or <see langword="null"/> when the item was not answered.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="itemId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the instrument has no item <paramref name="itemId"/>.</exception>
    public decimal? GetValue(string itemId)
    {
        Guard.Against.Null(itemId);
        Guard.Against.InvalidInput(itemId, nameof(itemId), id => Instrument.TryGetItemIndex(id, out _), "The instrument has no such item.");
        Instrument.TryGetItemIndex(itemId, out int index);
        return _values[index];
    }

    /// <summary>Returns a copy with the given responses replaced, validated like a new assessment.</summary>
    /// <param name="responses">The responses to replace.</param>
    /// <returns>The new assessment, or <see cref="InvalidAssessment"/> when a replacement is invalid (this assessment is left unchanged).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="responses"/> is <see langword="null"/>.</exception>
    public AssessmentResult WithResponses(params ItemResponse[] responses)
    {
        Guard.Against.Null(responses);
        var replaced = responses.Where(r => r is not null).Select(r => r.ItemId).ToImmutableHashSet(StringComparer.Ordinal);
        return Instrument.CreateAssessment(
            Perspective,
            Occasion,
            Responses.Where(r => !replaced.Contains(r.ItemId)).Concat(responses));
    }

    /// <inheritdoc/>
    public bool Equals(Assessment? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Perspective == other.Perspective
                && Occasion.Equals(other.Occasion)
                && Instrument.Equals(other.Instrument)
                && _values.SequenceEqual(other._values)));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Assessment);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Instrument, Perspective, Occasion, AnsweredCount);

    /// <summary>Returns a description such as <c>wai-sr 1.0, Client, session 3, 12 of 12 items answered</c>, never the responses.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        $"{Instrument}, {Perspective}, {Occasion}, {AnsweredCount} of {_values.Length} items answered";

    /// <summary>Compares two assessments for equality.</summary>
    /// <param name="left">The first assessment.</param>
    /// <param name="right">The second assessment.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(Assessment? left, Assessment? right) => Equals(left, right);

    /// <summary>Compares two assessments for inequality.</summary>
    /// <param name="left">The first assessment.</param>
    /// <param name="right">The second assessment.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Assessment? left, Assessment? right) => !Equals(left, right);
}

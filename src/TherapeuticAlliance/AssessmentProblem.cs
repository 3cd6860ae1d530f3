using System;
using System.Globalization;

namespace TherapeuticAlliance;

/// <summary>Describes one problem found while validating responses for an assessment.</summary>
/// <remarks>
/// Messages name positions (the response's place in the sequence the caller gave, the item's place in the instrument)
/// and the scale, and say how to fix the data; they never contain identifiers (item, instrument or client), response
/// values or free text, so they are safe to log. The identifiers stay available in typed properties for the caller.
/// Match on the concrete type: <see cref="UnknownItem"/>, <see cref="DuplicateResponse"/>, <see cref="ValueOutOfRange"/>,
/// <see cref="ValueOffStep"/>, <see cref="UnsupportedPerspective"/>. Two problems are equal when they are of the
/// same type with the same details. Problems are immutable and thread-safe.
/// </remarks>
public abstract class AssessmentProblem : IEquatable<AssessmentProblem>
{
    private protected AssessmentProblem(int? responseIndex) => ResponseIndex = responseIndex;

    /// <summary>Gets a message that says what is wrong and how to fix it, naming positions only.</summary>
    public abstract string Message { get; }

    /// <summary>
    /// Gets the zero-based position of the response concerned in the sequence the caller gave (for the item-order
    /// overload, the item's position), or <see langword="null"/> when the problem concerns no single response.
    /// </summary>
    public int? ResponseIndex { get; }

    /// <inheritdoc/>
    public bool Equals(AssessmentProblem? other) =>
        other is not null && other.GetType() == GetType() && ResponseIndex == other.ResponseIndex && string.Equals(other.Message, Message, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as AssessmentProblem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(ResponseIndex, StringComparer.Ordinal.GetHashCode(Message));

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;

    /// <summary>Formats a one-based ordinal position for a message.</summary>
    private protected static string Position(int zeroBased) => (zeroBased + 1).ToString(CultureInfo.InvariantCulture);
}

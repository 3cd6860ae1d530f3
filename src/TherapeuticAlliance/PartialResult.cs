using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of reading or merging a partial: a value of type <typeparamref name="T"/> or an <see cref="InvalidPartial"/>.</summary>
/// <typeparam name="T">The type of the partial or of what it gives.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PartialResult<T> : AllianceResult<T, InvalidPartial>
{
    private PartialResult(OneOf<T, InvalidPartial> value)
        : base(value)
    {
    }

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator PartialResult<T>(T value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator PartialResult<T>(InvalidPartial error) => new(error);
}

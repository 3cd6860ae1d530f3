using OneOf;

namespace TherapeuticAlliance;

/// <summary>The outcome of reading or merging a partial: a value of type <typeparamref name="T"/> or an <see cref="InvalidPartial"/>.</summary>
/// <typeparam name="T">The type of the partial or of what it gives.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PartialResult<T> : OneOfBase<T, InvalidPartial>, IAllianceResult<T>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the value, or throws when the partial was invalid.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}

using OneOf;

namespace TherapeuticAlliance.Columnar;

/// <summary>The outcome of reading columnar input: a value of type <typeparamref name="T"/> or a <see cref="ColumnarError"/>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ColumnarResult<T> : OneOfBase<T, ColumnarError>, IAllianceResult<T>
{
    private ColumnarResult(OneOf<T, ColumnarError> value)
        : base(value)
    {
    }

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator ColumnarResult<T>(T value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator ColumnarResult<T>(ColumnarError error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the value, or throws when the input could not be read.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}

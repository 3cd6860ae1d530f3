using OneOf;

namespace TherapeuticAlliance.Columnar;

/// <summary>The outcome of reading columnar input: a value of type <typeparamref name="T"/> or a <see cref="ColumnarError"/>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ColumnarResult<T> : AllianceResult<T, ColumnarError>
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
}

using OneOf;

namespace TherapeuticAlliance.Tables;

/// <summary>The outcome of reading or converting a table: a value of type <typeparamref name="T"/> or a <see cref="TableError"/>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TableResult<T> : AllianceResult<T, TableError>
{
    private TableResult(OneOf<T, TableError> value)
        : base(value)
    {
    }

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator TableResult<T>(T value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator TableResult<T>(TableError error) => new(error);
}

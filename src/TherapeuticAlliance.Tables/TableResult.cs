using OneOf;

namespace TherapeuticAlliance.Tables;

/// <summary>The outcome of reading or converting a table: a value of type <typeparamref name="T"/> or a <see cref="TableError"/>.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class TableResult<T> : OneOfBase<T, TableError>, IAllianceResult<T>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the value, or throws when there is none.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}

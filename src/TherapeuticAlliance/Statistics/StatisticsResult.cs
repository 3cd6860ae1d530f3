using System;
using OneOf;

namespace TherapeuticAlliance.Statistics;

/// <summary>The outcome of a statistic: a value of type <typeparamref name="T"/> or a <see cref="StatisticsError"/>.</summary>
/// <typeparam name="T">The type of the statistic.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class StatisticsResult<T> : OneOfBase<T, StatisticsError>, IAllianceResult<T>
{
    private StatisticsResult(OneOf<T, StatisticsError> value)
        : base(value)
    {
    }

    /// <summary>Wraps a value.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator StatisticsResult<T>(T value) => new(value);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator StatisticsResult<T>(StatisticsError error) => new(error);

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the value, or throws when it could not be computed.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public T GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}

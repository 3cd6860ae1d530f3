using System;
using OneOf;

namespace TherapeuticAlliance.Statistics;

/// <summary>The outcome of a statistic: a value of type <typeparamref name="T"/> or a <see cref="StatisticsError"/>.</summary>
/// <typeparam name="T">The type of the statistic.</typeparam>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class StatisticsResult<T> : AllianceResult<T, StatisticsError>
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
}

using System;
using System.Collections.Generic;
using System.Globalization;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Consortium;

/// <summary>One statistic of an instrument's scope, with the number of rows, pairs or episodes it rests on: one row of <see cref="RowSchemas.Statistics"/>.</summary>
/// <remarks>Immutable and thread-safe; <see cref="ToString"/> holds no identifier but the instrument's.</remarks>
public sealed class SiteStatistic
{
    /// <summary>Initialises a statistic.</summary>
    /// <param name="instrumentId">The instrument's identifier.</param>
    /// <param name="scope">The scope (<see cref="StatisticNames"/>: <c>total</c>, a subscale, <c>client-therapist</c>, <c>scores/…</c>, <c>norm/…</c>).</param>
    /// <param name="statistic">The statistic's name (<see cref="StatisticNames"/>).</param>
    /// <param name="value">The value; NaN when it is not defined.</param>
    /// <param name="n">How many rows, pairs or episodes it rests on; 0 or more.</param>
    /// <exception cref="ArgumentNullException">Thrown when a name is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="n"/> is negative.</exception>
    public SiteStatistic(string instrumentId, string scope, string statistic, double value, long n)
    {
        InstrumentId = instrumentId ?? throw new ArgumentNullException(nameof(instrumentId));
        Scope = scope ?? throw new ArgumentNullException(nameof(scope));
        Statistic = statistic ?? throw new ArgumentNullException(nameof(statistic));
        Value = value;
        N = n >= 0 ? n : throw new ArgumentOutOfRangeException(nameof(n), "A count is 0 or more.");
    }

    /// <summary>Gets the instrument's identifier.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the scope.</summary>
    public string Scope { get; }

    /// <summary>Gets the statistic's name.</summary>
    public string Statistic { get; }

    /// <summary>Gets the value; NaN when not defined.</summary>
    public double Value { get; }

    /// <summary>Gets how many rows, pairs or episodes the statistic rests on.</summary>
    public long N { get; }

    /// <summary>Returns the <see cref="RowSchemas.Statistics"/> row: instrument, scope, statistic, value (null when not finite), n (a double, so counts past 2^31 fit every writer).</summary>
    /// <returns>The row's cells.</returns>
    public IReadOnlyList<object?> ToRow() => new object?[] { InstrumentId, Scope, Statistic, IsFinite(Value) ? Value : null, (double)N };

    /// <summary>Returns the statistic as text, such as <c>srs total raw_alpha 0.8710 (n 480)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1} {2} {3:0.0000} (n {4})", InstrumentId, Scope, Statistic, Value, N);

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}

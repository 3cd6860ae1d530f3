using System;

namespace TherapeuticAlliance.Utilities;

/// <summary>
/// A count, mean and sum of squared deviations, updated one value at a time by Welford (1962) and merged by Chan,
/// Golub &amp; LeVeque (1979)'s pairwise update; shared by the mergeable partials.
/// </summary>
internal readonly record struct RunningMoments(long Count, double Mean, double SumOfSquares)
{
    /// <summary>The moments of no values.</summary>
    internal static RunningMoments Empty => default;

    /// <summary>The moments of the values, NaN skipped.</summary>
    internal static RunningMoments Of(ReadOnlySpan<double> values)
    {
        RunningMoments moments = Empty;
        foreach (double value in values)
        {
            if (!double.IsNaN(value))
            {
                moments = moments.Add(value);
            }
        }

        return moments;
    }

    /// <summary>Adds one value: one pass, no catastrophic cancellation.</summary>
    internal RunningMoments Add(double value)
    {
        long n = Count + 1;
        double delta = value - Mean;
        double mean = Mean + (delta / n);
        return new RunningMoments(n, mean, SumOfSquares + (delta * (value - mean)));
    }

    /// <summary>The moments of both sets of values together.</summary>
    internal RunningMoments Merge(RunningMoments other)
    {
        if (other.Count == 0)
        {
            return this;
        }

        if (Count == 0)
        {
            return other;
        }

        long n = Count + other.Count;
        double delta = other.Mean - Mean;
        return new RunningMoments(n, Mean + (delta * other.Count / n), SumOfSquares + other.SumOfSquares + (delta * delta * ((double)Count * other.Count / n)));
    }
}

using System;
#if NET8_0_OR_GREATER
using System.Numerics;
#endif

namespace TherapeuticAlliance.Internal;

internal static class Moments
{
    /// <summary>Rows per block of the blocked passes: a block of a dozen centred columns stays in the first-level cache.</summary>
    internal const int BlockRows = 256;

    /// <summary>The means of the complete columns (one pass over the blocks).</summary>
    internal static double[] Means(CompleteRows data)
    {
        int k = data.ColumnCount;
        var sums = new double[k];
        var block = new double[data.BlockLength];
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int count = data.Gather(start, Math.Min(BlockRows, data.RowCount - start), block);
            for (int j = 0; j < k; j++)
            {
                sums[j] += Sum(block.AsSpan(j * BlockRows, count));
            }
        }

        for (int j = 0; j < k; j++)
        {
            sums[j] /= data.Used;
        }

        return sums;
    }

    /// <summary>
    /// Sample covariance matrix (denominator n − 1) of the complete columns, two-pass for accuracy: the means first,
    /// then the products of centred values. The second pass goes through the rows in blocks: each block's complete
    /// rows are gathered and centred into a small buffer once, and every pair's products are summed from it
    /// (vectorised on .NET 8+), so the data are read from memory once and nothing of size n is allocated.
    /// </summary>
    internal static double[,] Covariance(CompleteRows data, double[] means)
    {
        int k = data.ColumnCount;
        int n = data.Used;
        var sums = new double[k, k];
        var centred = new double[data.BlockLength];
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int count = data.Gather(start, Math.Min(BlockRows, data.RowCount - start), centred);
            for (int j = 0; j < k; j++)
            {
                Span<double> column = centred.AsSpan(j * BlockRows, count);
                Subtract(column, means[j], column);
            }

            for (int j = 0; j < k; j++)
            {
                ReadOnlySpan<double> a = centred.AsSpan(j * BlockRows, count);
                for (int l = j; l < k; l++)
                {
                    sums[j, l] += Dot(a, centred.AsSpan(l * BlockRows, count));
                }
            }
        }

        var cov = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            for (int l = j; l < k; l++)
            {
                cov[j, l] = cov[l, j] = sums[j, l] / (n - 1);
            }
        }

        return cov;
    }

    /// <summary>Writes <c>source − value</c> to <paramref name="destination"/> (vectorised on .NET 8+).</summary>
    internal static void Subtract(ReadOnlySpan<double> source, double value, Span<double> destination)
    {
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            var v = new Vector<double>(value);
            for (; r <= source.Length - width; r += width)
            {
                (new Vector<double>(source.Slice(r)) - v).CopyTo(destination.Slice(r));
            }
        }
#endif
        for (; r < source.Length; r++)
        {
            destination[r] = source[r] - value;
        }
    }

    /// <summary>The dot product of two equally long spans (vectorised on .NET 8+).</summary>
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0.0;
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated && a.Length >= 2 * Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            Vector<double> even = Vector<double>.Zero;
            Vector<double> odd = Vector<double>.Zero;
            for (; r <= a.Length - (2 * width); r += 2 * width)
            {
                even += new Vector<double>(a.Slice(r)) * new Vector<double>(b.Slice(r));
                odd += new Vector<double>(a.Slice(r + width)) * new Vector<double>(b.Slice(r + width));
            }

            sum = Vector.Sum(even + odd);
        }
#endif
        for (; r < a.Length; r++)
        {
            sum += a[r] * b[r];
        }

        return sum;
    }

    /// <summary>The sum of squared deviations of a span's values from <paramref name="centre"/> (vectorised on .NET 8+).</summary>
    internal static double SumOfSquaredDeviations(ReadOnlySpan<double> values, double centre)
    {
        double sum = 0.0;
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            var c = new Vector<double>(centre);
            Vector<double> acc = Vector<double>.Zero;
            for (; r <= values.Length - width; r += width)
            {
                Vector<double> d = new Vector<double>(values.Slice(r)) - c;
                acc += d * d;
            }

            sum = Vector.Sum(acc);
        }
#endif
        for (; r < values.Length; r++)
        {
            double d = values[r] - centre;
            sum += d * d;
        }

        return sum;
    }

    /// <summary>Adds <paramref name="source"/> to <paramref name="destination"/> element by element (vectorised on .NET 8+).</summary>
    internal static void AddTo(ReadOnlySpan<double> source, Span<double> destination)
    {
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            for (; r <= source.Length - width; r += width)
            {
                (new Vector<double>(destination.Slice(r)) + new Vector<double>(source.Slice(r))).CopyTo(destination.Slice(r));
            }
        }
#endif
        for (; r < source.Length; r++)
        {
            destination[r] += source[r];
        }
    }

    /// <summary>The sum of a span (vectorised on .NET 8+).</summary>
    internal static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
        {
            int width = Vector<double>.Count;
            Vector<double> even = Vector<double>.Zero;
            Vector<double> odd = Vector<double>.Zero;
            for (; r <= values.Length - (2 * width); r += 2 * width)
            {
                even += new Vector<double>(values.Slice(r));
                odd += new Vector<double>(values.Slice(r + width));
            }

            sum = Vector.Sum(even + odd);
        }
#endif
        for (; r < values.Length; r++)
        {
            sum += values[r];
        }

        return sum;
    }

    /// <summary>Whether a span holds a NaN (vectorised on .NET 8+).</summary>
    internal static bool HasNaN(ReadOnlySpan<double> values)
    {
        int r = 0;
#if NET8_0_OR_GREATER
        if (Vector.IsHardwareAccelerated)
        {
            int width = Vector<double>.Count;
            for (; r <= values.Length - width; r += width)
            {
                var v = new Vector<double>(values.Slice(r));
                if (!Vector.EqualsAll(v, v))
                {
                    return true;
                }
            }
        }
#endif
        for (; r < values.Length; r++)
        {
            if (double.IsNaN(values[r]))
            {
                return true;
            }
        }

        return false;
    }

    internal static double Mean(double[] values)
    {
        double sum = 0.0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}

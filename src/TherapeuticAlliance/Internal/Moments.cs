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
        var complete = new long[BlockRows];
        var zeros = new double[k];
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int length = Math.Min(BlockRows, data.RowCount - start);
            data.Gather(start, length, zeros, block, complete);
            for (int j = 0; j < k; j++)
            {
                sums[j] += Sum(block.AsSpan(j * BlockRows, length));
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
    /// then the products of centred values. The second pass goes through the rows in blocks: each block is centred
    /// into a small buffer once (incomplete rows as zeros), and every pair's products are summed from it
    /// (vectorised on .NET 8+), so the data are read from memory once and nothing of size n is allocated.
    /// </summary>
    internal static double[,] Covariance(CompleteRows data, double[] means)
    {
        int k = data.ColumnCount;
        int n = data.Used;
        var sums = new double[k, k];
        var centred = new double[data.BlockLength];
        var complete = new long[BlockRows];
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int length = Math.Min(BlockRows, data.RowCount - start);
            data.Gather(start, length, means, centred, complete);
            for (int j = 0; j < k; j++)
            {
                ReadOnlySpan<double> a = centred.AsSpan(j * BlockRows, length);
                for (int l = j; l < k; l++)
                {
                    sums[j, l] += Dot(a, centred.AsSpan(l * BlockRows, length));
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

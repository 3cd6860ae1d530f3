using System;
#if NET8_0_OR_GREATER
using System.Numerics;
#endif

namespace TherapeuticAlliance.Statistics;

internal static class Moments
{
    /// <summary>Rows per block of the blocked passes: a block of a dozen centred columns stays in the first-level cache.</summary>
    internal const int BlockRows = 256;

    /// <summary>
    /// A shift close to each column's mean: the mean of the complete rows of the first block that has any (zeros when
    /// none has). Sums of deviations from it lose no precision to cancellation, so one pass over the data suffices.
    /// </summary>
    internal static double[] Shift(CompleteRows data, double[] block, long[] complete)
    {
        int k = data.ColumnCount;
        var shift = new double[k];
        var zeros = new double[k];
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int length = Math.Min(BlockRows, data.RowCount - start);
            int count = data.Gather(start, length, zeros, block, complete);
            if (count > 0)
            {
                for (int j = 0; j < k; j++)
                {
                    shift[j] = Sum(block.AsSpan(j * BlockRows, length)) / count;
                }

                break;
            }
        }

        return shift;
    }

    /// <summary>
    /// Means and the sample covariance matrix (denominator n − 1) of the complete columns, in one pass over the data:
    /// each block of rows is shifted by <see cref="Shift"/> into a small buffer once (incomplete rows as zeros), the
    /// deviations and every pair's products are summed from it (vectorised on .NET 8+), and the sums are corrected
    /// for the shift at the end: <c>cov = (Σ dⱼ·dₗ − n·d̄ⱼ·d̄ₗ) / (n − 1)</c>. Because the shift is close to the mean,
    /// this is as accurate as the textbook two-pass formula, while the data are read from memory once and nothing
    /// of size n is allocated.
    /// </summary>
    internal static double[,] Covariance(CompleteRows data, out double[] means)
    {
        int k = data.ColumnCount;
        int n = data.Used;
        var products = new double[k, k];
        var deviations = new double[k];
        var block = new double[data.BlockLength];
        var complete = new long[BlockRows];
        double[] shift = Shift(data, block, complete);
        for (int start = 0; start < data.RowCount; start += BlockRows)
        {
            int length = Math.Min(BlockRows, data.RowCount - start);
            data.Gather(start, length, shift, block, complete);
            for (int j = 0; j < k; j++)
            {
                ReadOnlySpan<double> a = block.AsSpan(j * BlockRows, length);
                deviations[j] += Sum(a);
                for (int l = j; l < k; l++)
                {
                    products[j, l] += Dot(a, block.AsSpan(l * BlockRows, length));
                }
            }
        }

        means = new double[k];
        var cov = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            means[j] = shift[j] + (deviations[j] / n);
            for (int l = j; l < k; l++)
            {
                cov[j, l] = cov[l, j] = (products[j, l] - (deviations[j] * deviations[l] / n)) / (n - 1);
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

namespace TherapeuticAlliance.Internal;

internal static class Moments
{
    /// <summary>Sample covariance matrix (denominator n − 1), two-pass for accuracy.</summary>
    internal static double[,] Covariance(double[][] columns, double[] means)
    {
        int k = columns.Length;
        int n = columns[0].Length;
        var centered = new double[k][];
        for (int j = 0; j < k; j++)
        {
            var c = new double[n];
            double[] source = columns[j];
            double mean = means[j];
            for (int r = 0; r < n; r++)
            {
                c[r] = source[r] - mean;
            }

            centered[j] = c;
        }

        var cov = new double[k, k];
        for (int j = 0; j < k; j++)
        {
            for (int l = j; l < k; l++)
            {
                cov[j, l] = cov[l, j] = Dot(centered[j], centered[l]) / (n - 1);
            }
        }

        return cov;
    }

    /// <summary>The dot product of two equally long arrays (vectorised on .NET 8+).</summary>
    internal static double Dot(double[] a, double[] b)
    {
        double sum = 0.0;
        int r = 0;
#if NET8_0_OR_GREATER
        if (System.Numerics.Vector.IsHardwareAccelerated && a.Length >= 4 * System.Numerics.Vector<double>.Count)
        {
            int width = System.Numerics.Vector<double>.Count;
            var acc = System.Numerics.Vector<double>.Zero;
            for (; r <= a.Length - width; r += width)
            {
                acc += new System.Numerics.Vector<double>(a, r) * new System.Numerics.Vector<double>(b, r);
            }

            sum = System.Numerics.Vector.Sum(acc);
        }
#endif
        for (; r < a.Length; r++)
        {
            sum += a[r] * b[r];
        }

        return sum;
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

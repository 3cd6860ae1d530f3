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
                double sum = 0.0;
                double[] a = centered[j];
                double[] b = centered[l];
                for (int r = 0; r < n; r++)
                {
                    sum += a[r] * b[r];
                }

                cov[j, l] = cov[l, j] = sum / (n - 1);
            }
        }

        return cov;
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

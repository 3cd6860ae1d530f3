using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The robust scales of session-to-session changes. The caseload's norm uses the median absolute change divided by
/// 0.6745, the normal quantile that makes the median absolute deviation consistent for the SD (Hampel 1974), around no
/// change: mergeable across sites, and with thousands of changes its low efficiency (37 %) does not matter. A client's
/// own series has 5–30 changes, where the median's variance made thresholds too low for one calm client in several;
/// there the rupture rule uses <see cref="Trimmed"/>. A minority of large changes (ruptures) inflates neither.
/// </summary>
internal static class ChangeScale
{
    /// <summary>Φ⁻¹(0.75), the median of |Z| for a standard normal Z.</summary>
    private const double MedianOfAbsoluteNormal = 0.6744897501960817;

    /// <summary>Gets the scale of absolute changes (sorted in place): 0 when most changes are 0, <see langword="null"/> when there are none.</summary>
    internal static double? Of(List<double> absoluteChanges)
    {
        if (absoluteChanges.Count == 0)
        {
            return null;
        }

        absoluteChanges.Sort();
        int middle = absoluteChanges.Count / 2;
        double median = absoluteChanges.Count % 2 == 1 ? absoluteChanges[middle] : (absoluteChanges[middle - 1] + absoluteChanges[middle]) / 2.0;
        return FromMedian(median);
    }

    /// <summary>The share of the largest absolute changes <see cref="Trimmed"/> leaves out, rounded up: 0.2 (a design choice).</summary>
    internal const double TrimmedShare = 0.2;

    /// <summary>
    /// Gets the trimmed scale of absolute changes (sorted in place): of k changes, the largest ⌈0.2·k⌉ are left out (at
    /// least one, so a single repair jump in a short series never sets the scale) and the root mean square of the
    /// h = k − ⌈0.2·k⌉ others is divided by √E[Z² | |Z| ≤ Φ⁻¹(1/2 + h/(2k))], the factor that makes it estimate the SD
    /// of normal changes (≈ 0.66 at h/k = 0.8); 0 when most changes are 0, <see langword="null"/> when there are none.
    /// With one change, that change's absolute value / 0.6745 (the median rule).
    /// </summary>
    internal static double? Trimmed(List<double> absoluteChanges)
    {
        int k = absoluteChanges.Count;
        if (k < 2)
        {
            return k == 0 ? null : FromMedian(absoluteChanges[0]);
        }

        absoluteChanges.Sort();
        int keep = k - (int)Math.Ceiling(k * TrimmedShare);
        double sum = 0.0;
        for (int i = 0; i < keep; i++)
        {
            sum += absoluteChanges[i] * absoluteChanges[i];
        }

        // The truncated second moment of |Z| below its p-quantile q = Φ⁻¹(1/2 + p/2): 1 − 2qφ(q)/p.
        double p = (double)keep / k;
        double q = MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, 0.5 + (p / 2.0));
        double moment = 1.0 - (2.0 * q * MathNet.Numerics.Distributions.Normal.PDF(0.0, 1.0, q) / p);
        return Math.Sqrt(sum / keep / moment);
    }

    /// <summary>Gets the scale from the median absolute change.</summary>
    internal static double FromMedian(double median) => median / MedianOfAbsoluteNormal;
}

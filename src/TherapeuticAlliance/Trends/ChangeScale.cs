using System.Collections.Generic;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The robust scale of session-to-session changes, shared by the caseload's norm and the client's own variability in
/// the rupture rule: the median absolute change divided by 0.6745, the normal quantile that makes the median absolute
/// deviation consistent for the SD (Hampel 1974), around no change. A minority of large changes (ruptures) do not
/// inflate it as they would a root mean square.
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

    /// <summary>Gets the scale from the median absolute change.</summary>
    internal static double FromMedian(double median) => median / MedianOfAbsoluteNormal;
}

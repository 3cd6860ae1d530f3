namespace TherapeuticAlliance.Utilities;

/// <summary>
/// The largest count a mergeable partial holds: 2^53, the largest whole number every count stays exact at when
/// statistics use it as a double. A partial read with a larger count is refused, and so is a merge whose counts would
/// exceed it, so no merge can overflow.
/// </summary>
internal static class PartialCounts
{
    /// <summary>2^53 = 9,007,199,254,740,992.</summary>
    internal const long Maximum = 1L << 53;

    /// <summary>Gets whether a count read from a partial is 0 or more and at most <see cref="Maximum"/>.</summary>
    internal static bool IsValid(long count) => count is >= 0 and <= Maximum;

    /// <summary>Gets whether two counts (each valid) add up to at most <see cref="Maximum"/>.</summary>
    internal static bool CanAdd(long a, long b) => a <= Maximum - b;
}

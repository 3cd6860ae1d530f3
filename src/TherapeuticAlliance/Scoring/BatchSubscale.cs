using System;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TherapeuticAlliance.Scoring;

/// <summary>The scores of one subscale over all rows of a batch.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class BatchSubscale
{
    internal BatchSubscale(AllianceDimension dimension, ReadOnlyMemory<double> values)
    {
        Dimension = dimension;
        Values = values;
    }

    /// <summary>Gets the subscale's dimension.</summary>
    public AllianceDimension Dimension { get; }

    /// <summary>Gets one score per row; NaN where the row or this subscale could not be scored.</summary>
    public ReadOnlyMemory<double> Values { get; }
}

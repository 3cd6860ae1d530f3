using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TherapeuticAlliance.Scoring;

/// <summary>The matrix does not have one column per item of the instrument.</summary>
/// <param name="InstrumentId">The instrument identifier.</param>
/// <param name="Expected">The number of items.</param>
/// <param name="Actual">The number of columns.</param>
public sealed record MatrixShapeMismatch(string InstrumentId, int Expected, int Actual) : IAllianceError
{
    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "matrix-shape-mismatch";
#pragma warning restore CA1822

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        "The instrument has {0} items but the matrix has {1} columns. Give one column per item, in instrument order.",
        Expected,
        Actual);

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

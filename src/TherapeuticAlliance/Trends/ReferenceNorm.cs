using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The mean and standard deviation of a reference group's scores, in the metric of the episodes judged against it:
/// the inter-individual variability that the rupture rule combines with the client's own (Gumz, Brähler, Geyer &amp;
/// Erices 2012) and that reliable change divides by (Jacobson &amp; Truax 1991).
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ReferenceNorm
{
    /// <summary>Initializes a new instance of the <see cref="ReferenceNorm"/> class.</summary>
    /// <param name="mean">The mean score, in the episodes' metric.</param>
    /// <param name="standardDeviation">The standard deviation (n − 1) of the scores, in points of the episodes' metric; positive.</param>
    /// <param name="source">Where the norm comes from.</param>
    /// <param name="sampleSize">The number of scores it rests on; 0 when unknown.</param>
    /// <param name="baselineStandardDeviation">The SD (n − 1) of the group's first scores (intake), in points; positive, or <see langword="null"/> when unknown. Jacobson &amp; Truax (1991) divide reliable change by the baseline SD.</param>
    /// <param name="changeStandardDeviation">The SD of the group's session-to-session changes (successive differences) around no change, in points; positive, or <see langword="null"/> when unknown. <see cref="ReferenceNorms.FromCaseload"/> gives a robust estimate.</param>
    /// <exception cref="ArgumentException">Thrown when a value is not finite, the SD is not positive, the sample size is negative, or <paramref name="source"/> is not defined.</exception>
    public ReferenceNorm(double mean, double standardDeviation, NormSource source, int sampleSize = 0, double? changeStandardDeviation = null, double? baselineStandardDeviation = null)
    {
        Guard.Against.InvalidInput(baselineStandardDeviation, nameof(baselineStandardDeviation), static sd => sd is null or (> 0.0 and < double.PositiveInfinity), "The baseline SD must be positive and finite.");
        BaselineStandardDeviation = baselineStandardDeviation;
        Guard.Against.InvalidInput(changeStandardDeviation, nameof(changeStandardDeviation), static sd => sd is null or (> 0.0 and < double.PositiveInfinity), "The change SD must be positive and finite.");
        ChangeStandardDeviation = changeStandardDeviation;
        Guard.Against.InvalidInput(mean, nameof(mean), static m => !double.IsNaN(m) && !double.IsInfinity(m), "The mean must be finite.");
        Guard.Against.InvalidInput(standardDeviation, nameof(standardDeviation), static sd => sd > 0.0 && !double.IsInfinity(sd), "The standard deviation must be positive and finite.");
        Guard.Against.InvalidInput(source, nameof(source), static s => s is NormSource.Caller or NormSource.Caseload, "The norm source is not defined.");
        Guard.Against.Negative(sampleSize, nameof(sampleSize));
        Mean = mean;
        StandardDeviation = standardDeviation;
        Source = source;
        SampleSize = sampleSize;
    }

    /// <summary>Gets the mean score.</summary>
    public double Mean { get; }

    /// <summary>Gets the standard deviation (n − 1), in points of the episodes' metric.</summary>
    public double StandardDeviation { get; }

    /// <summary>Gets the SD (n − 1) of the group's first scores (intake), in points; <see langword="null"/> when unknown. Reliable change and the rupture rule's reliable-change floor use it (Jacobson &amp; Truax 1991: the baseline SD), else <see cref="StandardDeviation"/>.</summary>
    public double? BaselineStandardDeviation { get; }

    /// <summary>Gets the SD of the group's session-to-session changes around no change, in points; <see langword="null"/> when unknown.</summary>
    public double? ChangeStandardDeviation { get; }

    /// <summary>Gets where the norm comes from.</summary>
    public NormSource Source { get; }

    /// <summary>Gets the number of scores the norm rests on; 0 when unknown.</summary>
    public int SampleSize { get; }

    /// <summary>Gets the SD reliable change divides by: <see cref="BaselineStandardDeviation"/> when known, else <see cref="StandardDeviation"/>.</summary>
    public double ReliableChangeStandardDeviation => BaselineStandardDeviation ?? StandardDeviation;

    /// <summary>
    /// Returns this norm with a change SD taken from another when it has none (a caller's norm of score levels and the
    /// caseload's change SD), so giving a norm never switches off the change-based rupture rule. The levels, including
    /// the SD reliable change divides by, stay this norm's: a caller's SD is a normative SD.
    /// </summary>
    /// <param name="fallback">The norm to take a missing change SD from; <see langword="null"/> for none.</param>
    /// <returns>The completed norm (this one when nothing is missing).</returns>
    public ReferenceNorm Complete(ReferenceNorm? fallback) =>
        fallback?.ChangeStandardDeviation is null || ChangeStandardDeviation is not null
            ? this
            : new ReferenceNorm(Mean, StandardDeviation, Source, SampleSize, fallback.ChangeStandardDeviation, BaselineStandardDeviation);

    /// <summary>Returns the source, mean and SD.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} norm: mean {1:0.##}, SD {2:0.##} (n = {3})", Source == NormSource.Caller ? "caller" : "caseload", Mean, StandardDeviation, SampleSize);
}

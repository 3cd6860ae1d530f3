using System;
using System.Collections.Immutable;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// Configures a <see cref="ReliableChangeDetector"/>. Each norm the options leave out comes from the episode: the SD
/// from its <see cref="Episode.Reference"/> (<see cref="ReferenceNorm.ReliableChangeStandardDeviation"/>: the baseline
/// SD of a caller's norm, or of the caseload's when the caller asked for caseload norms), the reliability from its
/// scores' instrument (<see cref="Episode.Reliability"/>), the clinical cutoff from its <see cref="Episode.Cutoff"/>.
/// Without an SD, an instrument's published reliable-change value (<see cref="PublishedValues"/>) sets the threshold.
/// </summary>
/// <remarks>Immutable; validated when the detector is constructed.</remarks>
public sealed record ReliableChangeOptions
{
    /// <summary>
    /// Gets the published reliable-change values the library ships, by instrument identifier, in points of the sum:
    /// <c>ors</c> → 5 (<see cref="OrsNorms.AdultReliableChange"/>).
    /// </summary>
    /// <remarks>
    /// The ORS figure is the one the domain reference found (a vendor-style secondary page; the primary source is
    /// unverified and some sources give 6, see <see cref="OrsNorms"/>). The SRS and the WAI-SR have no published
    /// reliable-change value or normative SD (domain reference, signals §C: a gap), so their reliable change needs an SD.
    /// </remarks>
    public static ImmutableDictionary<string, double> DefaultPublishedValues { get; } =
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new[] { new System.Collections.Generic.KeyValuePair<string, double>("ors", (double)OrsNorms.AdultReliableChange) });

    /// <summary>
    /// Gets the published reliable-change values by instrument identifier (compared ordinally), in points of the
    /// instrument's sum: the smallest change, in either direction, that counts as reliable. Used for an episode in the
    /// sum metric unless <see cref="StandardDeviation"/> or a caller's norm gives an SD (it wins over a caseload's norm); a change of at least the
    /// value is reliable, and the finding's index is the change divided by <c>value / z</c>.
    /// </summary>
    /// <value>Positive, finite values. The default value is <see cref="DefaultPublishedValues"/>; an empty dictionary
    /// turns published values off, so reliable change needs an SD (a caller's norm or the caseload's).</value>
    public ImmutableDictionary<string, double> PublishedValues { get; init; } = DefaultPublishedValues;

    /// <summary>Gets the SD of baseline or normative scores, in points of the episodes' metric.</summary>
    /// <value>Positive when given. The default value is <see langword="null"/>: the episode's reference norm; without one, the instrument's published value (<see cref="PublishedValues"/>); without that the rule does not apply.</value>
    public double? StandardDeviation { get; init; }

    /// <summary>Gets the reliability of the measure.</summary>
    /// <value>At least 0 and less than 1 when given. The default value is <see langword="null"/>: the instrument's; without one the rule does not apply.</value>
    public double? Reliability { get; init; }

    /// <summary>Gets the critical value of |RC|.</summary>
    /// <value><see langword="null"/> for <see cref="ReliableChange.Z95"/>. The default value is <see langword="null"/>.</value>
    public double? Z { get; init; }

    /// <summary>Gets whether higher scores are better.</summary>
    /// <value>The default value is <see langword="true"/> (alliance measures and the ORS).</value>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the clinical cutoff (a, b or c from <see cref="ReliableChange"/>) for the Jacobson–Truax categories, in points of the episodes' metric.</summary>
    /// <value>The default value is <see langword="null"/>: the threshold of the episode's <see cref="Episode.Cutoff"/>, if any; without one, no categories.</value>
    public double? ClinicalCutoff { get; init; }

    /// <summary>Gets the measure kind the detector applies to; episodes of the other kind get <see cref="NotApplicable"/>.</summary>
    /// <value>The default value is <see langword="null"/>: every kind. The analyzer's default detector applies to <see cref="MeasureKind.Outcome"/> only.</value>
    public MeasureKind? Measure { get; init; }

    /// <summary>Gets the name the detector reports and is registered under.</summary>
    /// <value><see langword="null"/> for <c>reliable-change</c>. The default value is <see langword="null"/>.</value>
    public string? Name { get; init; }
}

using System.Globalization;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>One model's figures in an <see cref="ExpectedResponseValidationResult"/>, over the held-out predictions of every fold.</summary>
/// <param name="Kind">The model's kind.</param>
/// <param name="Description">The factory's description.</param>
/// <param name="Episodes">The episodes scored (an intake, at least one assessment and a final score).</param>
/// <param name="Positives">Episodes whose final outcome is poor: no reliable improvement (reliable deterioration included).</param>
/// <param name="Flagged">Episodes not on track at their last assessment before the final score (the alert standing when treatment ended).</param>
/// <param name="TruePositives">Flagged episodes whose final outcome is poor.</param>
/// <param name="Assessments">Assessments judged.</param>
/// <param name="NotOnTrack">Assessments not on track.</param>
/// <param name="OnTrackAssessments">Assessments of episodes whose final outcome is not poor.</param>
/// <param name="OnTrackInsideBand">Of them, those on the good side of the band.</param>
/// <param name="FailedFolds">Folds whose model could not be fitted (their episodes are not scored).</param>
/// <param name="Nominal">The band's nominal coverage.</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ExpectedResponseValidationRow(
    string Kind,
    string Description,
    int Episodes,
    int Positives,
    int Flagged,
    int TruePositives,
    int Assessments,
    int NotOnTrack,
    int OnTrackAssessments,
    int OnTrackInsideBand,
    int FailedFolds,
    double Nominal)
{
    /// <summary>Gets the share of flagged episodes whose outcome is poor; NaN when none is flagged.</summary>
    public double Precision => Flagged == 0 ? double.NaN : (double)TruePositives / Flagged;

    /// <summary>Gets the share of poor outcomes flagged beforehand; NaN when there is none.</summary>
    public double Recall => Positives == 0 ? double.NaN : (double)TruePositives / Positives;

    /// <summary>Gets the share of assessments not on track (ACORN's budget: about 15 % per assessment; REFERENCE-signals §A.1); NaN without assessments.</summary>
    public double FlagRate => Assessments == 0 ? double.NaN : (double)NotOnTrack / Assessments;

    /// <summary>Gets the share of the on-track episodes' assessments on the good side of the band, beside <see cref="Nominal"/>; NaN without them.</summary>
    public double OnTrackCoverage => OnTrackAssessments == 0 ? double.NaN : (double)OnTrackInsideBand / OnTrackAssessments;

    /// <summary>Gets the harmonic mean of precision and recall (F1), the figure models are ranked by; 0 when either is missing or zero.</summary>
    public double F1 => Precision > 0 && Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0.0;

    /// <summary>Returns the figures in one line; a figure with no denominator (nobody flagged, no poor outcome, no client who improved) reads "n/a", never "NaN".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}: precision {1}, recall {2} ({3} poor outcomes of {4} episodes), flag rate {5:0.0} % per assessment, on-track coverage {6} (nominal {7:0} %){8}",
        Kind,
        Figure(Precision, 1, "0.00", string.Empty),
        Figure(Recall, 1, "0.00", string.Empty),
        Positives,
        Episodes,
        FlagRate * 100,
        Figure(OnTrackCoverage, 100, "0.0", " %"),
        Nominal * 100,
        FailedFolds > 0 ? string.Format(CultureInfo.InvariantCulture, "; {0} fold(s) not fitted", FailedFolds) : string.Empty);

    private static string Figure(double value, double scale, string format, string unit) =>
        double.IsNaN(value) ? "n/a" : (value * scale).ToString(format, CultureInfo.InvariantCulture) + unit;
}

namespace TherapeuticAlliance;

/// <summary>A validated assessment together with its score and cutoff state.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class EvaluatedAssessment
{
    internal EvaluatedAssessment(Assessment assessment, AllianceScore score)
    {
        Assessment = assessment;
        Score = score;
        IsFlagged = score.IsFlagged;
    }

    /// <summary>Gets the validated assessment.</summary>
    public Assessment Assessment { get; }

    /// <summary>Gets the score.</summary>
    public AllianceScore Score { get; }

    /// <summary>Gets whether the instrument's cutoff is met (for the SRS: the total is below 36); <see langword="null"/> when the instrument has no cutoff or the score's metric is not the cutoff's.</summary>
    public bool? IsFlagged { get; }

    /// <summary>Returns the assessment and score descriptions (never responses or identifiers).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{Assessment}: {Score}";
}

namespace TherapeuticAlliance;

/// <summary>The instrument has no form for the perspective given.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class UnsupportedPerspective : AssessmentProblem
{
    internal UnsupportedPerspective(string instrumentId, Perspective perspective)
        : base(null)
    {
        InstrumentId = instrumentId;
        Perspective = perspective;
    }

    /// <summary>Gets the identifier of the instrument (never part of <see cref="Message"/>).</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the perspective given.</summary>
    public Perspective Perspective { get; }

    /// <inheritdoc/>
    public override string Message =>
        $"The instrument has no {AllianceCodes.ToCode(Perspective)} form. Use one of the perspectives the instrument lists.";
}

using System;

namespace TherapeuticAlliance.Reports;

/// <summary>One session of an <see cref="AllianceReportDocument"/>.</summary>
/// <param name="Session">The session number.</param>
/// <param name="RecordedAt">When the assessment was recorded, if known.</param>
/// <param name="Value">The score.</param>
/// <param name="Pomp">The score as percent of maximum possible.</param>
/// <remarks>Immutable and thread-safe. <see cref="Care"/> holds the caller's own identifiers; <see cref="ToString"/> does not.</remarks>
public sealed record ReportSession(int Session, DateTimeOffset? RecordedAt, decimal Value, decimal Pomp)
{
    /// <summary>Gets who treated the client at this session and where (issue 28); <see cref="CareKeys.None"/> when not recorded. Written in schema 2.1.</summary>
    public CareKeys Care { get; init; } = CareKeys.None;

    /// <summary>Returns the session's number and values, never its care keys.</summary>
    /// <returns>Text such as <c>session 3: 34.5 (72.1 POMP)</c>.</returns>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "session {0}: {1} ({2} POMP)", Session, Value, Pomp);
}

using System;

namespace TherapeuticAlliance.Reports;

/// <summary>One session of an <see cref="AllianceReportDocument"/>.</summary>
/// <param name="Session">The session number.</param>
/// <param name="RecordedAt">When the assessment was recorded, if known.</param>
/// <param name="Value">The score.</param>
/// <param name="Pomp">The score as percent of maximum possible.</param>
public sealed record ReportSession(int Session, DateTimeOffset? RecordedAt, decimal Value, decimal Pomp);

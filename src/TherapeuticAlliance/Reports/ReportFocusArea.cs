using TherapeuticAlliance.Guidance;

namespace TherapeuticAlliance.Reports;

/// <summary>One focus area of an <see cref="AllianceReportDocument"/>.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Prompt">The prompt for the clinician.</param>
/// <param name="Trigger">What triggered it.</param>
/// <param name="Reason">Why.</param>
public sealed record ReportFocusArea(ImprovementPractice Practice, string Prompt, string Trigger, string Reason);

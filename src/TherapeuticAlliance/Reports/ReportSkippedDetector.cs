namespace TherapeuticAlliance.Reports;

/// <summary>A detector whose rule did not apply to the episode, and why.</summary>
/// <param name="Detector">The detector's name.</param>
/// <param name="Reason">Why it did not apply.</param>
public sealed record ReportSkippedDetector(string Detector, string Reason);

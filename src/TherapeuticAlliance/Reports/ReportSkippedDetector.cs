using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System;
using Ardalis.GuardClauses;
using OneOf;
using TherapeuticAlliance.Guidance;
using TherapeuticAlliance.Internal;
using TherapeuticAlliance.Serialization;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>A detector whose rule did not apply to the episode, and why.</summary>
/// <param name="Detector">The detector's name.</param>
/// <param name="Reason">Why it did not apply.</param>
public sealed record ReportSkippedDetector(string Detector, string Reason);

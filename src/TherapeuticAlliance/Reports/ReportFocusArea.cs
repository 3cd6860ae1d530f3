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

/// <summary>One focus area of an <see cref="AllianceReportDocument"/>.</summary>
/// <param name="Practice">The practice.</param>
/// <param name="Prompt">The prompt for the clinician.</param>
/// <param name="Trigger">What triggered it.</param>
/// <param name="Reason">Why.</param>
public sealed record ReportFocusArea(ImprovementPractice Practice, string Prompt, string Trigger, string Reason);

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TherapeuticAlliance;

/// <summary>
/// The library's metrics and traces for an operator (issue 33), through <see cref="System.Diagnostics.Metrics"/> and
/// <see cref="ActivitySource"/>: one <see cref="Meter"/> and one activity source, both named <see cref="MeterName"/>.
/// Subscribe with OpenTelemetry (<c>AddMeter(AllianceTelemetry.MeterName)</c>,
/// <c>AddSource(AllianceTelemetry.ActivitySourceName)</c>) or a <see cref="MeterListener"/>.
/// </summary>
/// <remarks>
/// <para><b>No patient data.</b> Tags carry only the library's own vocabulary: a registered instrument's identifier (an
/// instrument the catalog does not hold is tagged <c>unregistered</c>, never with the caller's text), an error's stable
/// code, an alert's code and level, a model's kind, and counts. Never a client, episode, therapist or site key, a
/// score, a date or free text.</para>
/// <para>The instruments (names follow OpenTelemetry's conventions: dotted, lower case, units in UCUM braces):</para>
/// <list type="table">
/// <item><term><see cref="AssessmentsScored"/></term><description>counter, <c>{assessment}</c>: administrations scored; tags <c>instrument</c>, <c>path</c> (<c>single</c> or <c>batch</c>).</description></item>
/// <item><term><see cref="InputsRejected"/></term><description>counter, <c>{input}</c>: administrations or rows refused with a typed error; tags <c>instrument</c>, <c>kind</c> (the error's code).</description></item>
/// <item><term><see cref="AlertsRaised"/></term><description>counter, <c>{alert}</c>: alerts raised by the analyzer; tags <c>code</c>, <c>level</c> (<c>act</c> or <c>watch</c>).</description></item>
/// <item><term><see cref="FitDuration"/></term><description>histogram, <c>s</c>: how long a model fit took; tags <c>model</c> (the kind, such as <c>intake-log-session</c> or <c>lmer</c>) and <c>outcome</c> (<c>fitted</c> or the error's code).</description></item>
/// </list>
/// <para>Activities: <see cref="AnalyzeCaseloadActivity"/> around a caseload's analysis (tag <c>episodes</c>) and
/// <see cref="ScoreBatchActivity"/> around a batch's scoring (tags <c>instrument</c>, <c>rows</c>). All members are
/// thread-safe; the instruments cost nothing measurable when no listener is subscribed.</para>
/// </remarks>
public static class AllianceTelemetry
{
    /// <summary>The name of the library's <see cref="Meter"/>: <c>TherapeuticAlliance</c>.</summary>
    public const string MeterName = "TherapeuticAlliance";

    /// <summary>The name of the library's <see cref="ActivitySource"/>: <c>TherapeuticAlliance</c>.</summary>
    public const string ActivitySourceName = "TherapeuticAlliance";

    /// <summary>The counter of administrations scored: <c>alliance.assessments.scored</c>.</summary>
    public const string AssessmentsScored = "alliance.assessments.scored";

    /// <summary>The counter of inputs refused with a typed error: <c>alliance.inputs.rejected</c>.</summary>
    public const string InputsRejected = "alliance.inputs.rejected";

    /// <summary>The counter of alerts raised: <c>alliance.alerts.raised</c>.</summary>
    public const string AlertsRaised = "alliance.alerts.raised";

    /// <summary>The histogram of model fit durations, in seconds: <c>alliance.fit.duration</c>.</summary>
    public const string FitDuration = "alliance.fit.duration";

    /// <summary>The activity around a caseload's analysis: <c>alliance.analyze_caseload</c>.</summary>
    public const string AnalyzeCaseloadActivity = "alliance.analyze_caseload";

    /// <summary>The activity around a batch's scoring: <c>alliance.score_batch</c>.</summary>
    public const string ScoreBatchActivity = "alliance.score_batch";

    /// <summary>The tag value of an instrument the catalog does not hold (the caller's text is never a tag).</summary>
    public const string UnregisteredInstrument = "unregistered";

    private static readonly Meter LibraryMeter = new(MeterName, typeof(AllianceTelemetry).Assembly.GetName().Version?.ToString(3));

    private static readonly Counter<long> Scored = LibraryMeter.CreateCounter<long>(AssessmentsScored, "{assessment}", "Administrations scored.");

    private static readonly Counter<long> Rejected = LibraryMeter.CreateCounter<long>(InputsRejected, "{input}", "Administrations or rows refused with a typed error.");

    private static readonly Counter<long> Alerts = LibraryMeter.CreateCounter<long>(AlertsRaised, "{alert}", "Alerts raised by the analyzer.");

    private static readonly Histogram<double> Fits = LibraryMeter.CreateHistogram<double>(FitDuration, "s", "How long a model fit took.");

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(AllianceTelemetry).Assembly.GetName().Version?.ToString(3));

    internal static void RecordScored(string instrument, string path, long count = 1)
    {
        if (Scored.Enabled && count > 0)
        {
            Scored.Add(count, new KeyValuePair<string, object?>("instrument", instrument), new KeyValuePair<string, object?>("path", path));
        }
    }

    internal static void RecordRejected(string instrument, string kind, long count = 1)
    {
        if (Rejected.Enabled && count > 0)
        {
            Rejected.Add(count, new KeyValuePair<string, object?>("instrument", instrument), new KeyValuePair<string, object?>("kind", kind));
        }
    }

    internal static void RecordAlert(string code, string level)
    {
        if (Alerts.Enabled)
        {
            Alerts.Add(1, new KeyValuePair<string, object?>("code", code), new KeyValuePair<string, object?>("level", level));
        }
    }

    internal static void RecordFit(string model, string outcome, TimeSpan elapsed)
    {
        if (Fits.Enabled)
        {
            Fits.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("model", model), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

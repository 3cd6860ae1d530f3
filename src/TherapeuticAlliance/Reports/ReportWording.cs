using System;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Reports;

/// <summary>Plain words for the reports (<see cref="CaseloadHtmlReport"/>, <see cref="AllianceReport.WriteHtml"/>): alert and finding codes, and perspectives. A code of a site's own rule reads as its words ("my-rule" → "my rule").</summary>
internal static class ReportWording
{
    /// <summary>What an alert's state means, in a few words.</summary>
    internal static string Alert(string code) => code switch
    {
        AlertRules.BelowCutoffRule => "below the cutoff at the latest session",
        AlertRules.DropFromPreviousRule => "dropped since the previous session",
        AlertRules.UnrepairedRuptureRule => "a rupture not yet repaired",
        AlertRules.DecliningSlopeRule => "declining over the episode",
        AlertRules.SuddenLossRule => "a sudden loss",
        AlertRules.ReliableDeteriorationRule => "reliably worse than at intake",
        AlertRules.DiscrepancyRule => "client and therapist ratings differ",
        NotOnTrackAlertRule.RuleName => "not on track: outside the expected-response band",
        _ => Words(code),
    };

    /// <summary>What a finding is, in a few words.</summary>
    internal static string Finding(string code) => code switch
    {
        "rupture" => "rupture",
        "trajectory" => "trajectory",
        "reliable-change" => "reliable change",
        "sudden-gain" => "sudden gain",
        "sudden-loss" => "sudden loss",
        "not-on-track" => "not on track",
        "below-cutoff" => "below the cutoff",
        "drop-from-previous" => "drop from the previous session",
        "first-drop-from-ceiling" => "first drop from the maximum",
        _ => Words(code),
    };

    internal static string Perspective(Perspective perspective) => perspective switch
    {
        TherapeuticAlliance.Perspective.Client => "client",
        TherapeuticAlliance.Perspective.Therapist => "therapist",
        TherapeuticAlliance.Perspective.Observer => "observer",
        TherapeuticAlliance.Perspective.Collateral => "collateral",
        _ => throw new ArgumentOutOfRangeException(nameof(perspective), perspective, "The perspective is not defined."),
    };

    private static string Words(string code) => code.Replace('-', ' ').Replace('_', ' ');
}

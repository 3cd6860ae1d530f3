namespace TherapeuticAlliance.Trends;

/// <summary>What a <see cref="CaseloadFinding"/> found.</summary>
internal enum CaseloadFindingKind
{
    /// <summary>A drop from the previous session of at least the threshold (the feedback-informed practice rule, <see cref="PracticeRule.DropFromPrevious"/>).</summary>
    DropFromPrevious = 1,

    /// <summary>A sudden gain (Tang &amp; DeRubeis 1999's three criteria, <see cref="SuddenGainsAndLossesCriteria"/>).</summary>
    SuddenGain = 2,

    /// <summary>A sudden loss (the same criteria in the other direction; Lutz et al. 2013).</summary>
    SuddenLoss = 3,
}

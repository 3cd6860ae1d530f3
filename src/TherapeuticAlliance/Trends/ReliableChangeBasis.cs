namespace TherapeuticAlliance.Trends;

/// <summary>What a <see cref="ReliableChangeFinding"/>'s threshold rests on.</summary>
public enum ReliableChangeBasis
{
    /// <summary>An SD and a reliability (Jacobson &amp; Truax 1991): <c>z·√2·SD·√(1 − r)</c>, with the SD of the options, a caller's norm or the caseload's norm (when asked for).</summary>
    StandardDeviationAndReliability = 1,

    /// <summary>The instrument's published reliable-change value (<see cref="ReliableChangeOptions.PublishedValues"/>), the same for every client and caseload.</summary>
    PublishedValue = 2,
}

namespace TherapeuticAlliance.Multilevel;

/// <summary>What the between-group part of a predictor is centred on (<see cref="Centring.GroupMean"/>).</summary>
public enum BetweenCentring
{
    /// <summary>The grand mean over rows: a group's mean minus the mean of every row (Baldwin, Wampold and Imel 2007's therapist means; the oracle's model m3).</summary>
    RowMean = 0,

    /// <summary>The mean of the group means, each group counted once (a client's mean minus the mean over clients; the oracle's model m5).</summary>
    GroupMean = 1,

    /// <summary>Not centred: the between part is the group's mean itself.</summary>
    None = 2,
}

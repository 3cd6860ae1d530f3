namespace TherapeuticAlliance;

/// <summary>Says in which metric a score is expressed.</summary>
public enum ScoreMetric
{
    /// <summary>The sum of the (keyed) item values, prorated when items are missing.</summary>
    Sum = 1,

    /// <summary>The mean of the answered (keyed) item values, on the item scale.</summary>
    Mean = 2,

    /// <summary>Percent of maximum possible: the mean rescaled to 0–100.</summary>
    Pomp = 3,

    /// <summary>A weighted mean of item values or of subscale means, on the item scale.</summary>
    WeightedMean = 4,

    /// <summary>The lowest subscale mean (or item value, for an instrument without subscales), on the item scale.</summary>
    WeakestLink = 5,
}

namespace TherapeuticAlliance;

/// <summary>The strategy is configured for another instrument than the assessment's.</summary>
/// <param name="StrategyName">The strategy's name.</param>
/// <param name="InstrumentId">The identifier of the assessment's instrument.</param>
/// <param name="Reason">What the strategy needs that the instrument lacks.</param>
public sealed record InstrumentMismatch(string StrategyName, string InstrumentId, string Reason)
{
    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message =>
        $"Strategy '{StrategyName}' cannot score the assessment's instrument: {Reason} Use a strategy configured for this instrument.";

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

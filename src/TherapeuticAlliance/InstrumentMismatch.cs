namespace TherapeuticAlliance;

/// <summary>The strategy is configured for another instrument than the assessment's.</summary>
/// <param name="StrategyName">The strategy's name.</param>
/// <param name="InstrumentId">The identifier of the assessment's instrument.</param>
/// <param name="Reason">What the strategy needs that the instrument lacks.</param>
public sealed record InstrumentMismatch(string StrategyName, string InstrumentId, string Reason) : IAllianceError
{
    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "instrument-mismatch";
#pragma warning restore CA1822

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message =>
        $"Strategy '{StrategyName}' cannot score the assessment's instrument: {Reason} Use a strategy configured for this instrument.";

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

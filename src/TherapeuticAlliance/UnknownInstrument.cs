namespace TherapeuticAlliance;

/// <summary>No instrument with the given identifier is registered.</summary>
/// <param name="InstrumentId">The identifier given.</param>
public sealed record UnknownInstrument(string InstrumentId) : IAllianceError
{
    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "unknown-instrument";
#pragma warning restore CA1822

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    /// <remarks>The identifier given is never part of the message: it may be patient data passed by mistake.</remarks>
#pragma warning disable CA1822 // An instance member, like the Message of every other error value.
    public string Message => "No instrument is registered under the identifier given. Use a built-in identifier (alliance-profile, wai-sr, srs, ors) or register the instrument with AddInstrument.";
#pragma warning restore CA1822

    /// <summary>Returns the <see cref="Message"/> (never the identifier given).</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

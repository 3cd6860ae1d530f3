using System.Collections.Immutable;

namespace TherapeuticAlliance.Instruments;

/// <summary>The error case of <see cref="InstrumentDefinitionResult"/>: the JSON definition is not a valid instrument.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InvalidInstrumentDefinition : IAllianceError
{
    internal InvalidInstrumentDefinition(ImmutableArray<string> problems) => Problems = problems;

    /// <summary>Gets every problem found, each naming the property to fix.</summary>
    public ImmutableArray<string> Problems { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-instrument-definition";
#pragma warning restore CA1822

    /// <summary>Gets all problems joined into one message.</summary>
    public string Message => string.Join(" ", Problems);

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

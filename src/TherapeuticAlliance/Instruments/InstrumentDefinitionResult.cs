using System;
using OneOf;

namespace TherapeuticAlliance.Instruments;

/// <summary>The outcome of <see cref="InstrumentDefinition.Parse"/>: an <see cref="Instrument"/> or an <see cref="InvalidInstrumentDefinition"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InstrumentDefinitionResult : AllianceResult<Instrument, InvalidInstrumentDefinition>
{
    private InstrumentDefinitionResult(OneOf<Instrument, InvalidInstrumentDefinition> value)
        : base(value)
    {
    }

    /// <summary>Wraps an instrument.</summary>
    /// <param name="instrument">The instrument.</param>
    public static implicit operator InstrumentDefinitionResult(Instrument instrument) => new(instrument);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator InstrumentDefinitionResult(InvalidInstrumentDefinition error) => new(error);
}

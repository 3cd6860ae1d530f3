using System;
using OneOf;

namespace TherapeuticAlliance.Instruments;

/// <summary>The outcome of <see cref="InstrumentDefinition.Parse"/>: an <see cref="Instrument"/> or an <see cref="InvalidInstrumentDefinition"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InstrumentDefinitionResult : OneOfBase<Instrument, InvalidInstrumentDefinition>, IAllianceResult<Instrument>
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

    /// <inheritdoc/>
    public bool IsSuccess => IsT0;

    /// <inheritdoc/>
    public IAllianceError? Error => Match<IAllianceError?>(_ => null, e => e);

    /// <summary>Returns the instrument, or throws when the definition was invalid.</summary>
    /// <returns>The instrument.</returns>
    /// <exception cref="AllianceErrorException">Thrown when the result is an error; the exception carries it, and its message is the error's message.</exception>
    public Instrument GetValueOrThrow() => IsT0 ? AsT0 : throw new AllianceErrorException(Error!);
}

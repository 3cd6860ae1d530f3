using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Instruments;

/// <summary>An immutable <see cref="IInstrumentCatalog"/>; when two instruments share an identifier, the later one wins.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InstrumentCatalog : IInstrumentCatalog
{
    private readonly ImmutableDictionary<string, Instrument> _byId;

    /// <summary>Initializes a new instance of the <see cref="InstrumentCatalog"/> class.</summary>
    /// <param name="instruments">The instruments; for a repeated identifier the last one wins.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instruments"/> is or contains <see langword="null"/>.</exception>
    public InstrumentCatalog(IEnumerable<Instrument> instruments)
    {
        Guard.Against.Null(instruments);
        var builder = ImmutableDictionary.CreateBuilder<string, Instrument>(StringComparer.Ordinal);
        foreach (Instrument instrument in instruments)
        {
            Guard.Against.Null(instrument, nameof(instruments));
            builder[instrument.Id] = instrument;
        }

        _byId = builder.ToImmutable();
        var ordered = new List<Instrument>(_byId.Values);
        ordered.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        Instruments = ordered.ToImmutableArray();
    }

    /// <summary>Gets a catalog of the built-in instruments (<see cref="AllianceInstruments.All"/>).</summary>
    public static InstrumentCatalog BuiltIn { get; } = new(AllianceInstruments.All);

    /// <inheritdoc/>
    public ImmutableArray<Instrument> Instruments { get; }

    /// <inheritdoc/>
    public bool TryGetInstrument(string instrumentId, [NotNullWhen(true)] out Instrument? instrument)
    {
        Guard.Against.Null(instrumentId);
        return _byId.TryGetValue(instrumentId, out instrument);
    }
}

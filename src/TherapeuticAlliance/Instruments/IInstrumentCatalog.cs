using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace TherapeuticAlliance.Instruments;

/// <summary>Finds instruments by identifier.</summary>
/// <remarks>Implementations must be thread-safe and return the same instrument for the same identifier for their whole lifetime.</remarks>
public interface IInstrumentCatalog
{
    /// <summary>Gets every instrument in the catalog, ordered by identifier.</summary>
    ImmutableArray<Instrument> Instruments { get; }

    /// <summary>Finds an instrument by identifier (ordinal, case-sensitive).</summary>
    /// <param name="instrumentId">The identifier.</param>
    /// <param name="instrument">The instrument, when found.</param>
    /// <returns><see langword="true"/> when the catalog has the instrument.</returns>
    bool TryGetInstrument(string instrumentId, [NotNullWhen(true)] out Instrument? instrument);
}

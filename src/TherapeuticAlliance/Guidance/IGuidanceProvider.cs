using System;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Guidance;

/// <summary>Suggests focus areas for the clinician from the weakest dimensions and the findings.</summary>
/// <remarks>Implementations are deterministic and thread-safe, and word their output as prompts, not clinical advice.</remarks>
public interface IGuidanceProvider
{
    /// <summary>Gets the stable name of the provider.</summary>
    string Name { get; }

    /// <summary>Suggests focus areas.</summary>
    /// <param name="context">What to look at.</param>
    /// <returns>The focus areas, each with its trigger; possibly none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="context"/> is <see langword="null"/>.</exception>
    ImmutableArray<FocusArea> Suggest(GuidanceContext context);
}

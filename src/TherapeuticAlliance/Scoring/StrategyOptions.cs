using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scoring;

/// <summary>Reads the name out of a built-in strategy's options before the base constructor runs.</summary>
internal static class StrategyOptions
{
    internal static string Name(ScoringOptions options, string defaultName) =>
        StrategyNames.Validate(Guard.Against.Null(options, "options").Name, defaultName, "options");
}

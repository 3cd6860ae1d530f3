using System;

namespace TherapeuticAlliance.Utilities;

internal static class StrategyNames
{
    internal static string Validate(string? name, string defaultName, string parameterName)
    {
        if (name is null)
        {
            return defaultName;
        }

        return Identifiers.IsValid(name)
            ? name
            : throw new ArgumentException("Name: " + Identifiers.Rule, parameterName);
    }
}

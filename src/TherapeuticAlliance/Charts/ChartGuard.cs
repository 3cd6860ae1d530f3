using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Charts;

/// <summary>The guards the chart description shares.</summary>
internal static class ChartGuard
{
    internal static double Finite(double value, string parameterName) =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? throw new ArgumentOutOfRangeException(parameterName, value, "The value must be a finite number.")
            : value;

    /// <summary>Text drawn or read aloud: not blank, and only characters that XML 1.0 allows (no control characters but tab, line feed and carriage return), so every SVG written parses.</summary>
    internal static string Text(string value, string parameterName)
    {
        Guard.Against.NullOrWhiteSpace(value, parameterName);
        foreach (char c in value)
        {
            if ((c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF')
            {
                throw new ArgumentException("The text holds a control character, which cannot be written as SVG.", parameterName);
            }
        }

        return value;
    }

    internal static string Colour(string value, string parameterName)
    {
        Guard.Against.Null(value, parameterName);
        if (value.Length != 7 || value[0] != '#')
        {
            throw new ArgumentException("The colour must be #RRGGBB.", parameterName);
        }

        for (int i = 1; i < 7; i++)
        {
            char c = value[i];
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F'))
            {
                throw new ArgumentException("The colour must be #RRGGBB.", parameterName);
            }
        }

        return value;
    }

    internal static T Defined<T>(T value, string parameterName)
        where T : struct, Enum =>
#if NETSTANDARD2_0
        Enum.IsDefined(typeof(T), value)
#else
        Enum.IsDefined(value)
#endif
            ? value
            : throw new ArgumentOutOfRangeException(parameterName, value, "The value is not defined.");
}

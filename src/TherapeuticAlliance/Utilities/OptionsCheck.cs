using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Utilities;

/// <summary>
/// Checks an options object's rules and reports every broken one at once: a single <see cref="ArgumentException"/>
/// whose parameter is the options argument and whose message lists each problem, prefixed by its property's name
/// (as Polly's validation reports every error of an options object, not the first).
/// </summary>
internal sealed class OptionsCheck<T>
{
    private readonly T _options;
    private readonly List<string> _problems = new();

    internal OptionsCheck(T options) => _options = options;

    /// <summary>Records a problem when <paramref name="rule"/> does not hold.</summary>
    internal OptionsCheck<T> Require(Func<T, bool> rule, string problem)
    {
        if (!rule(_options))
        {
            _problems.Add(problem);
        }

        return this;
    }

    /// <summary>Throws when any rule was broken, listing every problem.</summary>
    internal void ThrowIfInvalid(string parameterName)
    {
        if (_problems.Count > 0)
        {
            throw new ArgumentException(
                (_problems.Count == 1 ? "The options have a problem: " : "The options have " + _problems.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " problems: ") + string.Join(" ", _problems),
                parameterName);
        }
    }
}

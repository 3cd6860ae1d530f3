using System;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance;

/// <summary>
/// The one statistical disclosure control rule every output that groups people applies (the caseload overview by
/// therapist or site, the report's overview, grouped statistics): a statistic over fewer than
/// <see cref="MinimumPeople"/> people is withheld, counts are optionally rounded, and what was withheld is counted and
/// said, never shown.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> withholds statistics over fewer than 10 people and rounds nothing: the library's minimum
/// since 0.2.0 (a design choice in the spirit of small-cell rules, as for site partials). <see cref="OpenSafely"/>
/// is OpenSAFELY's output-checking rule: redact any statistic on 7 or fewer people and round counts to the nearest 5
/// (docs.opensafely.org/sdc; <c>REFERENCE-service.md</c>). A therapist-level or site-level figure is a grouping like
/// any other. Immutable and thread-safe.
/// </para>
/// </remarks>
public sealed record DisclosurePolicy
{
    /// <summary>The default minimum: 10 people.</summary>
    public const int DefaultMinimumPeople = 10;

    /// <summary>Gets the library's default: statistics over fewer than 10 people are withheld; counts are not rounded.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>Gets OpenSAFELY's rule: statistics on 7 or fewer people are withheld (a minimum of 8), counts of 1 to 7 are withheld and every count is rounded to the nearest 5.</summary>
    public static DisclosurePolicy OpenSafely { get; } = new() { MinimumPeople = 8, SuppressSmallCounts = true, RoundCountsTo = 5 };

    /// <summary>Gets the fewest people a statistic may be computed over; smaller groups are withheld. 1 or more; <see cref="DefaultMinimumPeople"/> by default.</summary>
    public int MinimumPeople { get; init; } = DefaultMinimumPeople;

    /// <summary>Gets whether a count of 1 to <see cref="MinimumPeople"/> − 1 people (such as the clients at "act" in a large caseload) is itself withheld. <see langword="false"/> by default: a count is then a statistic over its group.</summary>
    public bool SuppressSmallCounts { get; init; }

    /// <summary>Gets the multiple every count shown is rounded to (half away from zero); 1 (no rounding) by default, 5 under <see cref="OpenSafely"/>. 1 to 100.</summary>
    public int RoundCountsTo { get; init; } = 1;

    /// <summary>Returns whether a statistic over <paramref name="people"/> people may be shown.</summary>
    /// <param name="people">How many people the statistic is computed over (0 or more).</param>
    /// <returns><see langword="true"/> when <paramref name="people"/> is at least <see cref="MinimumPeople"/>.</returns>
    public bool Allows(int people) => people >= MinimumPeople;

    /// <summary>Returns a count of people as it may be shown: withheld (<see langword="null"/>) when <see cref="SuppressSmallCounts"/> holds and it is 1 to <see cref="MinimumPeople"/> − 1, else rounded to <see cref="RoundCountsTo"/>.</summary>
    /// <param name="count">The count (0 or more).</param>
    /// <returns>The count to show, or <see langword="null"/> when it is withheld.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="count"/> is negative.</exception>
    public int? Count(int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count is 0 or more.");
        }

        if (SuppressSmallCounts && count > 0 && count < MinimumPeople)
        {
            return null;
        }

        if (RoundCountsTo == 1)
        {
            return count;
        }

        // In 64 bits: a count near int.MaxValue rounds to a multiple past it, which is then the multiple below.
        long rounded = (long)Math.Round(count / (double)RoundCountsTo, MidpointRounding.AwayFromZero) * RoundCountsTo;
        return (int)(rounded > int.MaxValue ? rounded - RoundCountsTo : rounded);
    }

    /// <summary>Checks the policy's rules (the caller's programmer mistakes).</summary>
    /// <param name="parameterName">The argument's name, for the exception.</param>
    /// <exception cref="ArgumentException">Thrown, listing every broken rule, when <see cref="MinimumPeople"/> is below 1 or <see cref="RoundCountsTo"/> is outside 1–100.</exception>
    public void Validate(string parameterName = "policy") => new OptionsCheck<DisclosurePolicy>(this)
        .Require(p => p.MinimumPeople >= 1, "MinimumPeople must be 1 or more.")
        .Require(p => p.RoundCountsTo is >= 1 and <= 100, "RoundCountsTo must be 1 to 100.")
        .ThrowIfInvalid(parameterName);
}

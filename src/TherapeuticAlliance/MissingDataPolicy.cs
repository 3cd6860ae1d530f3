using System;
using System.Globalization;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Represents an explicit, named rule for scoring when some items are not answered.</summary>
/// <remarks>
/// <para>A policy is applied separately to every scoring unit: the whole instrument, each subscale and each model
/// dimension. When the instrument as a whole has more missing items than the policy allows, scoring returns
/// <see cref="TooManyMissingResponses"/>; a subscale or model dimension with too many missing items is left out of the
/// score and listed in <see cref="AllianceScore.UnscoredDimensions"/> (strategies whose total is built from every
/// subscale, such as weakest link, then return the error). Otherwise a sum is prorated as <c>sum of answered · n / answered</c>
/// (equivalently, each missing item is imputed with the mean of the answered items of that unit), and a mean is
/// the mean of the answered items. Zero is never a stand-in for a missing response. At least one item of a unit
/// must always be answered.</para>
/// <para>Precedent: CORE measures prorate by the mean of the answered items when no more than 10 % of items are
/// missing (CORE System Trust, "What's in a name (1): scoring CORE measures"); applying such a rule to alliance
/// scales is a library design choice, which is why the default of every built-in instrument is
/// <see cref="CompleteOnly"/>.</para>
/// <para>Equality is by rule and parameter. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class MissingDataPolicy : IEquatable<MissingDataPolicy>
{
    private MissingDataPolicy(MissingDataRule rule, decimal parameter, string name)
    {
        Rule = rule;
        Parameter = parameter;
        Name = name;
    }

    /// <summary>Gets the policy that requires every item to be answered.</summary>
    public static MissingDataPolicy CompleteOnly { get; } = new(MissingDataRule.CompleteOnly, 0m, "complete-only");

    /// <summary>Gets the policy that prorates when at least half of a unit's items are answered.</summary>
    public static MissingDataPolicy HalfRule { get; } = new(MissingDataRule.HalfRule, 0m, "half-rule");

    /// <summary>Gets the rule this policy applies.</summary>
    public MissingDataRule Rule { get; }

    /// <summary>Gets the rule's parameter: the number of items for <see cref="MissingDataRule.ProrateMaximumItems"/>, the fraction for <see cref="MissingDataRule.ProrateMaximumFraction"/>, otherwise 0.</summary>
    public decimal Parameter { get; }

    /// <summary>Gets the stable name stamped on scores, such as <c>complete-only</c>, <c>prorate-max-items:1</c>, <c>prorate-max-fraction:0.1</c> or <c>half-rule</c>.</summary>
    public string Name { get; }

    /// <summary>Reads a policy from its <see cref="Name"/>: <c>complete-only</c>, <c>half-rule</c>, <c>prorate-max-items:N</c> (N a whole number of at least 1) or <c>prorate-max-fraction:F</c> (F between 0 and 1, exclusive, with '.' as decimal point).</summary>
    /// <param name="name">The name.</param>
    /// <param name="policy">The policy, when the name is one.</param>
    /// <returns>Whether <paramref name="name"/> names a policy; reading a policy's <see cref="Name"/> gives an equal policy.</returns>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MissingDataPolicy? policy)
    {
        policy = null;
        if (name is null)
        {
            return false;
        }

        int colon = name.IndexOf(':');
        string rule = colon < 0 ? name : name.Substring(0, colon);
        string? parameter = colon < 0 ? null : name.Substring(colon + 1);
        switch (rule)
        {
            case "complete-only" when parameter is null:
                policy = CompleteOnly;
                return true;
            case "half-rule" when parameter is null:
                policy = HalfRule;
                return true;
            case "prorate-max-items" when int.TryParse(parameter, NumberStyles.None, CultureInfo.InvariantCulture, out int items) && items >= 1:
                policy = ProrateUpTo(items);
                return true;
            case "prorate-max-fraction" when decimal.TryParse(parameter, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal fraction) && fraction > 0m && fraction < 1m:
                policy = ProrateUpToFraction(fraction);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Creates a policy that prorates when at most <paramref name="maximumMissingItems"/> items of a unit are missing.</summary>
    /// <param name="maximumMissingItems">The most items that may be missing; 1 or more.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="maximumMissingItems"/> is less than 1.</exception>
    public static MissingDataPolicy ProrateUpTo(int maximumMissingItems)
    {
        Guard.Against.NegativeOrZero(maximumMissingItems);
        return new MissingDataPolicy(
            MissingDataRule.ProrateMaximumItems,
            maximumMissingItems,
            string.Format(CultureInfo.InvariantCulture, "prorate-max-items:{0}", maximumMissingItems));
    }

    /// <summary>Creates a policy that prorates when at most <paramref name="fraction"/> of a unit's items (rounded down) are missing.</summary>
    /// <param name="fraction">The largest fraction of items that may be missing; greater than 0 and less than 1.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="fraction"/> is not between 0 and 1 (exclusive).</exception>
    public static MissingDataPolicy ProrateUpToFraction(decimal fraction)
    {
        if (fraction <= 0m || fraction >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), "The fraction must be greater than 0 and less than 1.");
        }

        decimal normalized = fraction / 1.000000000000000000000000000000000m;
        return new MissingDataPolicy(
            MissingDataRule.ProrateMaximumFraction,
            normalized,
            string.Format(CultureInfo.InvariantCulture, "prorate-max-fraction:{0}", normalized));
    }

    /// <summary>Gets how many of a unit's items may be missing under this policy.</summary>
    /// <param name="itemCount">The number of items in the unit; 1 or more.</param>
    /// <returns>The largest number of missing items that still allows a score; always less than <paramref name="itemCount"/>.</returns>
    /// <exception cref="ArgumentException">Thrown when <paramref name="itemCount"/> is less than 1.</exception>
    public int MaximumMissing(int itemCount)
    {
        Guard.Against.InvalidInput(itemCount, nameof(itemCount), static n => n > 0, "The item count must be at least 1."); // no boxing: scoring calls this per unit
        int allowed = Rule switch
        {
            MissingDataRule.ProrateMaximumItems => (int)Parameter,
            MissingDataRule.ProrateMaximumFraction => (int)decimal.Floor(Parameter * itemCount),
            MissingDataRule.HalfRule => itemCount / 2,
            MissingDataRule.CompleteOnly => 0,
            _ => throw new InvalidOperationException("The value is not defined by its enumeration."),
        };
        return Math.Min(allowed, itemCount - 1);
    }

    /// <inheritdoc/>
    public bool Equals(MissingDataPolicy? other) => other is not null && Rule == other.Rule && Parameter == other.Parameter;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MissingDataPolicy);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rule, Parameter);

    /// <summary>Returns the policy's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    /// <summary>Compares two policies for equality.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(MissingDataPolicy? left, MissingDataPolicy? right) => Equals(left, right);

    /// <summary>Compares two policies for inequality.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(MissingDataPolicy? left, MissingDataPolicy? right) => !Equals(left, right);
}

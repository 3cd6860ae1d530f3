using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Scoring;

/// <summary>
/// Creates scores from totals recorded without their items, as services that enter paper forms by total store them
/// (PCOMS apps accept an SRS or ORS total alone). The score is a sum on the instrument's range, feeds trends like any
/// other score, and says in <see cref="ScoreProvenance.Source"/> that no item was seen, so item statistics skip it.
/// </summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class ReportedTotals
{
    /// <summary>The strategy name stamped in the provenance of a reported total: <c>reported-total</c>.</summary>
    public const string StrategyName = "reported-total";

    /// <summary>The version stamped in the provenance of a reported total.</summary>
    public const string StrategyVersion = "1.0";

    /// <summary>Validates a reported total (and subscale totals where given) and creates a sum score from it.</summary>
    /// <param name="instrument">The instrument the form belongs to.</param>
    /// <param name="perspective">Who rated.</param>
    /// <param name="occasion">When.</param>
    /// <param name="total">The total: the sum of the item values, in points of the instrument's sum metric (SRS and ORS: 0 to 40).</param>
    /// <param name="subscaleTotals">Subscale totals by subscale identifier, where the record has them; <see langword="null"/> or empty for none.</param>
    /// <returns>
    /// The score (metric <see cref="ScoreMetric.Sum"/>, range <see cref="Instrument.MinimumSum"/> to
    /// <see cref="Instrument.MaximumSum"/>, provenance source <see cref="ScoreSource.ReportedTotal"/>), or
    /// <see cref="InvalidReportedTotal"/> listing every problem: a total outside the range or off the scale's step,
    /// an unknown subscale, a subscale total outside its range, subscale totals that do not add up to the total
    /// when the subscales cover every item once, a perspective the instrument has no form for.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> or <paramref name="occasion"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="perspective"/> is not a defined value.</exception>
    public static ReportedTotalResult Create(Instrument instrument, Perspective perspective, Occasion occasion, decimal total, IEnumerable<KeyValuePair<string, decimal>>? subscaleTotals = null)
    {
        Guard.Against.Null(instrument);
        Guard.Against.Null(occasion);
        Guard.Against.InvalidInput(perspective, nameof(perspective), AllianceCodes.IsDefined, "Unknown perspective.");
        var problems = new List<string>();
        if (!instrument.Perspectives.Contains(perspective))
        {
            problems.Add($"The instrument has no {AllianceCodes.ToCode(perspective)} form. Use one of the perspectives the instrument lists.");
        }

        CheckSum(instrument.Scale, instrument.Items.Length, total, "The total", problems);
        var subscales = ImmutableArray.CreateBuilder<DimensionScore>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        decimal subscaleSum = 0m;
        int position = 0;
        foreach (KeyValuePair<string, decimal> pair in subscaleTotals ?? Array.Empty<KeyValuePair<string, decimal>>())
        {
            position++;
            Subscale? subscale = Guard.Against.Null(pair.Key, nameof(subscaleTotals)) is { } id ? instrument.Subscales.FirstOrDefault(s => s.Dimension.Id == id) : null;
            if (subscale is null || !given.Add(pair.Key))
            {
                problems.Add(string.Format(CultureInfo.InvariantCulture, "Subscale total {0} names no subscale of the instrument, or one given before. Use the instrument's subscale identifiers, each once.", position));
                continue;
            }

            if (CheckSum(instrument.Scale, subscale.ItemIds.Length, pair.Value, string.Format(CultureInfo.InvariantCulture, "Subscale total {0}", position), problems))
            {
                subscaleSum += pair.Value;
                int items = subscale.ItemIds.Length;
                subscales.Add(new DimensionScore(subscale.Dimension, pair.Value, instrument.Scale.Minimum * items, instrument.Scale.Maximum * items, items, items, trusted: true));
            }
        }

        bool partition = instrument.Subscales.Length > 0
            && instrument.Subscales.Sum(s => s.ItemIds.Length) == instrument.Items.Length
            && instrument.Subscales.SelectMany(s => s.ItemIds).Distinct(StringComparer.Ordinal).Count() == instrument.Items.Length;
        if (problems.Count == 0 && partition && subscales.Count == instrument.Subscales.Length && subscaleSum != total)
        {
            problems.Add("The subscale totals do not add up to the total, although the subscales cover every item once. Check the record.");
        }

        if (problems.Count > 0)
        {
            return new InvalidReportedTotal(problems.ToImmutableArray());
        }

        var provenance = new ScoreProvenance(StrategyName, StrategyVersion, instrument.Id, instrument.Version, MissingDataPolicy.CompleteOnly, 0, ScoreSource.ReportedTotal);
        return new AllianceScore(ScoreMetric.Sum, total, instrument.MinimumSum, instrument.MaximumSum, perspective, occasion, subscales.ToImmutable(), ImmutableArray<DimensionScore>.Empty, provenance, cutoff: instrument.Cutoff is { Metric: ScoreMetric.Sum } cutoff ? cutoff : null, measure: instrument.Measure, reliability: instrument.Reliability);
    }

    /// <summary>Checks that a sum of <paramref name="items"/> values lies in their range and on the scale's step.</summary>
    private static bool CheckSum(RatingScale scale, int items, decimal value, string what, List<string> problems)
    {
        decimal minimum = scale.Minimum * items;
        decimal maximum = scale.Maximum * items;
        if (value < minimum || value > maximum)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} is outside its range. Record a value from {1} to {2}.", what, minimum, maximum));
            return false;
        }

        if ((value - minimum) % scale.Step != 0m)
        {
            problems.Add(string.Format(CultureInfo.InvariantCulture, "{0} is not on the scale's steps. Record a multiple of {1}.", what, scale.Step));
            return false;
        }

        return true;
    }
}

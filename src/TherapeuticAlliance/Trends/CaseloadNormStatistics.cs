using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The mergeable sufficient statistics of caseload reference norms (<see cref="ReferenceNorms.FromCaseload"/>): per
/// instrument, perspective and metric, the number of episodes, the count, mean and sum of squared deviations of all
/// scores and of the first scores (intake), and the histogram of absolute session-to-session changes. A site computes
/// one from its own episodes; any number of them merge, in any order, into the statistics of the pooled caseload, and
/// <see cref="ToReferenceNorms"/> gives the norms the rupture and reliable-change rules use, equal to those of the pooled
/// episodes.
/// </summary>
/// <remarks>
/// <para>Means and sums of squares merge by Chan, Golub &amp; LeVeque (1979)'s pairwise update (exact up to rounding);
/// the change scale (median absolute change / 0.6745) needs every change's size, so the partial keeps how often each
/// absolute change occurred. That histogram is exact, and small for scores on an instrument's grid (a sum of integer
/// items changes by whole points, so at most the scale's range plus one distinct values); for continuous scores it
/// grows with the number of distinct changes.</para>
/// <para><b>What a partial reveals:</b> per group, the instrument's identifier, perspective and metric, the number of
/// episodes and scores, the scores' and intake scores' mean and variance, and how many session-to-session changes had
/// each size, over the site's episodes together; no episode, client, date, session number or free text. A group with
/// fewer episodes than the minimum the site sets (10 by default, a design choice in the spirit of small-cell
/// suppression) is withheld and counted in <see cref="WithheldGroups"/>.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class CaseloadNormStatistics
{
    /// <summary>The JSON's <c>kind</c>: <c>caseload-norm-statistics</c>.</summary>
    public const string Kind = "caseload-norm-statistics";

    /// <summary>The JSON schema version this library writes and reads: <c>1.0</c>.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>The default fewest episodes a group of a partial summarises: 10 (a design choice; smaller groups are withheld).</summary>
    public const int DefaultMinimumEpisodes = 10;

    private readonly ImmutableArray<Group> _groups;

    private CaseloadNormStatistics(ImmutableArray<Group> groups, long withheld)
    {
        _groups = groups;
        WithheldGroups = withheld;
    }

    /// <summary>Gets the number of groups (instrument, perspective and metric) summarised.</summary>
    public int GroupCount => _groups.Length;

    /// <summary>Gets the number of groups left out because they had fewer episodes than the site's minimum (summed over merged partials).</summary>
    public long WithheldGroups { get; }

    /// <summary>Gets the number of episodes summarised, over all groups.</summary>
    public long EpisodeCount => _groups.Sum(g => g.Episodes);

    /// <summary>Summarises a site's caseload.</summary>
    /// <param name="episodes">The site's episodes.</param>
    /// <param name="minimumEpisodes">The fewest episodes a group may summarise; smaller groups are withheld and counted. At least 1; <see cref="DefaultMinimumEpisodes"/> by default.</param>
    /// <returns>The partial.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="minimumEpisodes"/> is below 1.</exception>
    public static CaseloadNormStatistics FromCaseload(IEnumerable<Episode> episodes, int minimumEpisodes = DefaultMinimumEpisodes)
    {
        Guard.Against.Null(episodes);
        Guard.Against.NegativeOrZero(minimumEpisodes);
        ImmutableArray<Group> all = Summarise(episodes);
        ImmutableArray<Group> kept = all.Where(g => g.Episodes >= minimumEpisodes).ToImmutableArray();
        return new CaseloadNormStatistics(kept, all.Length - kept.Length);
    }

    /// <summary>Merges two partials into the statistics of their pooled caseloads; groups found in one only are kept as they are.</summary>
    /// <param name="other">The other partial.</param>
    /// <returns>The merged partial, or an <see cref="InvalidPartial"/> when a count would exceed 2^53 (beyond what this library counts exactly).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="other"/> is <see langword="null"/>.</exception>
    public PartialResult<CaseloadNormStatistics> Merge(CaseloadNormStatistics other)
    {
        Guard.Against.Null(other);
        if (!PartialCounts.CanAdd(WithheldGroups, other.WithheldGroups))
        {
            return TooLarge();
        }

        var merged = _groups.ToDictionary(g => g.Key);
        foreach (Group group in other._groups)
        {
            if (merged.TryGetValue(group.Key, out Group? mine))
            {
                if (mine.Merge(group) is not { } both)
                {
                    return TooLarge();
                }

                merged[group.Key] = both;
            }
            else
            {
                merged[group.Key] = group;
            }
        }

        return new CaseloadNormStatistics(Ordered(merged.Values), WithheldGroups + other.WithheldGroups);
    }

    /// <summary>Merges any number of partials, in the order given (the result does not depend on it beyond rounding).</summary>
    /// <param name="partials">The partials; at least one.</param>
    /// <returns>The merged partial, or an <see cref="InvalidPartial"/> when a count would exceed 2^53.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partials"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="partials"/> is empty.</exception>
    public static PartialResult<CaseloadNormStatistics> Merge(IEnumerable<CaseloadNormStatistics> partials)
    {
        Guard.Against.Null(partials);
        CaseloadNormStatistics? merged = null;
        foreach (CaseloadNormStatistics partial in partials)
        {
            Guard.Against.Null(partial, nameof(partials));
            if (merged is null)
            {
                merged = partial;
                continue;
            }

            PartialResult<CaseloadNormStatistics> next = merged.Merge(partial);
            if (next.IsT1)
            {
                return next;
            }

            merged = next.AsT0;
        }

        return merged ?? throw new ArgumentException("Give at least one partial.", nameof(partials));
    }

    /// <summary>
    /// Gives the caseload norms, by the rules of <see cref="ReferenceNorms.FromCaseload"/>: a group with at least
    /// <see cref="ReferenceNorms.MinimumEpisodes"/> episodes and <see cref="ReferenceNorms.MinimumScores"/> scores and a
    /// positive SD gets a norm (source <see cref="NormSource.Caseload"/>).
    /// </summary>
    /// <returns>The norms; a norm's <see cref="ReferenceNorm.SampleSize"/> is capped at <see cref="int.MaxValue"/> scores.</returns>
    public ReferenceNorms ToReferenceNorms()
    {
        var norms = ImmutableDictionary.CreateBuilder<(string, Perspective?, ScoreMetric), ReferenceNorm>();
        foreach (Group group in _groups)
        {
            if (group.Episodes < ReferenceNorms.MinimumEpisodes || group.Scores.Count < ReferenceNorms.MinimumScores)
            {
                continue;
            }

            double sd = Math.Sqrt(group.Scores.SumOfSquares / (group.Scores.Count - 1));
            if (sd > 0.0)
            {
                // One baseline has no spread (its sum of squares is 0), so a positive sum means at least two.
                norms[group.Key] = new ReferenceNorm(
                    group.Scores.Mean,
                    sd,
                    NormSource.Caseload,
                    (int)Math.Min(group.Scores.Count, int.MaxValue),
                    group.ChangeScale() is > 0.0 and var change ? change : null,
                    group.Baselines.SumOfSquares > 0.0 ? Math.Sqrt(group.Baselines.SumOfSquares / (group.Baselines.Count - 1)) : null);
            }
        }

        return ReferenceNorms.FromCaseloadNorms(norms.ToImmutable());
    }

    /// <summary>Writes the partial as indented JSON (schema version <see cref="CurrentSchemaVersion"/>): aggregates only, see the type's remarks.</summary>
    /// <returns>The JSON text, numbers in their shortest round-trip form; groups ordered by instrument, perspective and metric.</returns>
    public string ToJson()
    {
        return PartialEnvelope.Write(Kind, CurrentSchemaVersion, json =>
        {
            json.WriteNumber("withheldGroups", WithheldGroups);
            json.WriteStartArray("groups");
            foreach (Group group in _groups)
            {
                json.WriteStartObject();
                json.WriteString("instrument", group.Key.InstrumentId);
                if (group.Key.Perspective is { } perspective)
                {
                    json.WriteString("perspective", AllianceCodes.ToCode(perspective));
                }
                else
                {
                    json.WriteNull("perspective");
                }

                json.WriteString("metric", AllianceCodes.ToCode(group.Key.Metric));
                json.WriteNumber("episodes", group.Episodes);
                WriteMoments(json, "scores", group.Scores);
                WriteMoments(json, "baselines", group.Baselines);
                json.WriteStartArray("absoluteChanges");
                foreach (KeyValuePair<double, long> bin in group.Changes)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(bin.Key);
                    json.WriteNumberValue(bin.Value);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>Reads a partial written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>
    /// The partial, or an <see cref="InvalidPartial"/> saying what is wrong: more than 16 MiB of text, malformed JSON, a field given twice,
    /// another kind, a newer schema version, a group given twice, an unknown perspective or metric, or a missing,
    /// negative, non-finite or inconsistent count, mean, sum of squares or change. It never throws on bad input.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static PartialResult<CaseloadNormStatistics> FromJson(string json)
    {
        Guard.Against.Null(json);
        using JsonDocument? document = PartialEnvelope.Open(json, Kind, CurrentSchemaVersion, 8, out string? problem);
        if (document is null)
        {
            return new InvalidPartial(problem!);
        }

        try
        {
            JsonElement root = document.RootElement;
            if (!root.TryGetProperty("withheldGroups", out JsonElement withheldElement) || withheldElement.ValueKind != JsonValueKind.Number || !withheldElement.TryGetInt64(out long withheld) || !PartialCounts.IsValid(withheld)
                || !root.TryGetProperty("groups", out JsonElement groupsElement) || groupsElement.ValueKind != JsonValueKind.Array)
            {
                return Invalid("The partial needs withheldGroups (0 or more) and an array of groups.");
            }

            var groups = new Dictionary<(string, Perspective?, ScoreMetric), Group>();
            int index = 0;
            foreach (JsonElement element in groupsElement.EnumerateArray())
            {
                index++;
                PartialResult<Group> group = ReadGroup(element, index);
                if (group.IsT1)
                {
                    return group.AsT1;
                }

                if (groups.ContainsKey(group.AsT0.Key))
                {
                    return Invalid(string.Format(CultureInfo.InvariantCulture, "Group {0} repeats the instrument, perspective and metric of an earlier group.", index));
                }

                groups[group.AsT0.Key] = group.AsT0;
            }

            return new CaseloadNormStatistics(Ordered(groups.Values), withheld);
        }
        catch (JsonException)
        {
            return Invalid("The partial is not valid JSON.");
        }
    }

    /// <summary>Returns the counts of groups, episodes and withheld groups; no statistic.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "caseload norm statistics: {0} group(s), {1} episode(s), {2} withheld", GroupCount, EpisodeCount, WithheldGroups);

    /// <summary>The statistics of every group of a caseload, with no minimum: the rules <see cref="ReferenceNorms.FromCaseload"/> applies.</summary>
    internal static CaseloadNormStatistics All(IEnumerable<Episode> episodes) => new(Summarise(episodes), 0);

    private static ImmutableArray<Group> Summarise(IEnumerable<Episode> episodes)
    {
        // One pass, one running tally per group: memory grows with the groups and the distinct changes, not with the
        // episodes, so a caseload can be streamed through (issue 28, part 6).
        var tallies = new Dictionary<(string InstrumentId, Perspective? Perspective, ScoreMetric Metric), Tally>();
        foreach (Episode episode in episodes)
        {
            Guard.Against.Null(episode, nameof(episodes));
            var key = (episode.InstrumentId, (Perspective?)episode.Perspective, episode.Metric);
            if (!tallies.TryGetValue(key, out Tally? tally))
            {
                tallies[key] = tally = new Tally();
            }

            tally.Episodes++;
            ReadOnlySpan<double> values = episode.Values;
            tally.Baselines = tally.Baselines.Add(values[0]);
            for (int i = 1; i < values.Length; i++)
            {
                double change = Math.Abs(values[i] - values[i - 1]);
                tally.Changes[change] = tally.Changes.TryGetValue(change, out long seen) ? seen + 1 : 1;
            }

            foreach (double value in values)
            {
                tally.Scores = tally.Scores.Add(value);
            }
        }

        return Ordered(tallies.Select(t => new Group(t.Key, t.Value.Episodes, t.Value.Scores, t.Value.Baselines, t.Value.Changes.ToImmutableSortedDictionary())));
    }

    /// <summary>One group's running statistics while a caseload is read.</summary>
    private sealed class Tally
    {
        internal long Episodes { get; set; }

        internal RunningMoments Scores { get; set; } = RunningMoments.Empty;

        internal RunningMoments Baselines { get; set; } = RunningMoments.Empty;

        internal Dictionary<double, long> Changes { get; } = new();
    }

    private static ImmutableArray<Group> Ordered(IEnumerable<Group> groups) => groups
        .OrderBy(g => g.Key.InstrumentId, StringComparer.Ordinal)
        .ThenBy(g => g.Key.Perspective.HasValue ? (int)g.Key.Perspective.Value : -1)
        .ThenBy(g => (int)g.Key.Metric)
        .ToImmutableArray();

    private static PartialResult<Group> ReadGroup(JsonElement element, int index)
    {
        string where = string.Format(CultureInfo.InvariantCulture, "Group {0}", index);
        if (element.ValueKind != JsonValueKind.Object || PartialEnvelope.Text(element, "instrument") is not { Length: > 0 } instrument)
        {
            return Invalid(where + " needs an instrument identifier.");
        }

        Perspective? perspective = null;
        if (!element.TryGetProperty("perspective", out JsonElement perspectiveElement)
            || (perspectiveElement.ValueKind != JsonValueKind.Null && !(AllianceCodes.TryParse(perspectiveElement.ValueKind == JsonValueKind.String ? perspectiveElement.GetString() : null, out Perspective p) && (perspective = p) is not null)))
        {
            return Invalid(where + " needs a perspective: client, therapist, observer or null.");
        }

        if (!AllianceCodes.TryParse(PartialEnvelope.Text(element, "metric"), out ScoreMetric metric))
        {
            return Invalid(where + " needs a metric this library knows (sum, mean, pomp, ...).");
        }

        if (!element.TryGetProperty("episodes", out JsonElement episodesElement) || episodesElement.ValueKind != JsonValueKind.Number || !episodesElement.TryGetInt64(out long episodes) || episodes < 1 || !PartialCounts.IsValid(episodes))
        {
            return Invalid(where + " needs a count of episodes of 1 or more.");
        }

        if (ReadMoments(element, "scores") is not { } scores || ReadMoments(element, "baselines") is not { } baselines)
        {
            return Invalid(where + "'s scores and baselines each need a count (0 or more), a finite mean and a sum of squares of 0 or more.");
        }

        if (baselines.Count != episodes || scores.Count < episodes)
        {
            return Invalid(where + " is inconsistent: it needs one baseline per episode and at least one score per episode.");
        }

        if (!element.TryGetProperty("absoluteChanges", out JsonElement changesElement) || changesElement.ValueKind != JsonValueKind.Array)
        {
            return Invalid(where + " needs absoluteChanges, an array of [change, count] pairs.");
        }

        var changes = ImmutableSortedDictionary.CreateBuilder<double, long>();
        long changeCount = 0;
        foreach (JsonElement bin in changesElement.EnumerateArray())
        {
            if (bin.ValueKind != JsonValueKind.Array || bin.GetArrayLength() != 2
                || bin[0].ValueKind != JsonValueKind.Number || bin[1].ValueKind != JsonValueKind.Number || !bin[0].TryGetDouble(out double change) || !(change >= 0.0) || double.IsInfinity(change)
                || !bin[1].TryGetInt64(out long count) || count < 1 || !PartialCounts.CanAdd(changeCount, count) || changes.ContainsKey(change))
            {
                return Invalid(where + "'s absoluteChanges must be distinct [change, count] pairs: a finite change of 0 or more and a count of 1 or more, all counts adding up to at most 2^53.");
            }

            changes[change] = count;
            changeCount += count;
        }

        if (changeCount != scores.Count - episodes)
        {
            return Invalid(where + " is inconsistent: its changes must number one fewer than the scores of each episode.");
        }

        return new Group((instrument, perspective, metric), episodes, scores, baselines, changes.ToImmutable());
    }

    private static void WriteMoments(Utf8JsonWriter json, string name, RunningMoments moments)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", moments.Count);
        json.WriteNumber("mean", moments.Mean);
        json.WriteNumber("sumOfSquares", moments.SumOfSquares);
        json.WriteEndObject();
    }

    private static RunningMoments? ReadMoments(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out JsonElement element) || element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("count", out JsonElement count) || count.ValueKind != JsonValueKind.Number || !count.TryGetInt64(out long n) || !PartialCounts.IsValid(n)
            || !element.TryGetProperty("mean", out JsonElement mean) || mean.ValueKind != JsonValueKind.Number || !mean.TryGetDouble(out double m) || double.IsInfinity(m)
            || !element.TryGetProperty("sumOfSquares", out JsonElement squares) || squares.ValueKind != JsonValueKind.Number || !squares.TryGetDouble(out double s) || !(s >= 0.0) || double.IsInfinity(s))
        {
            return null;
        }

        return new RunningMoments(n, m, s);
    }


    private static InvalidPartial Invalid(string message) => new(message);

    private static InvalidPartial TooLarge() => new("The merged counts would exceed 2^53, beyond what this library counts exactly; merge fewer partials.");

    private sealed class Group
    {
        internal Group((string InstrumentId, Perspective? Perspective, ScoreMetric Metric) key, long episodes, RunningMoments scores, RunningMoments baselines, ImmutableSortedDictionary<double, long> changes)
        {
            Key = key;
            Episodes = episodes;
            Scores = scores;
            Baselines = baselines;
            Changes = changes;
        }

        internal (string InstrumentId, Perspective? Perspective, ScoreMetric Metric) Key { get; }

        internal long Episodes { get; }

        internal RunningMoments Scores { get; }

        internal RunningMoments Baselines { get; }

        internal ImmutableSortedDictionary<double, long> Changes { get; }

        /// <summary>The pooled group, or <see langword="null"/> when a count would exceed 2^53. The changes' total is the scores' less the episodes', so checking the scores bounds every bin.</summary>
        internal Group? Merge(Group other)
        {
            if (!PartialCounts.CanAdd(Scores.Count, other.Scores.Count))
            {
                return null;
            }

            ImmutableSortedDictionary<double, long>.Builder changes = Changes.ToBuilder();
            foreach (KeyValuePair<double, long> bin in other.Changes)
            {
                changes[bin.Key] = changes.TryGetValue(bin.Key, out long seen) ? seen + bin.Value : bin.Value;
            }

            return new Group(Key, Episodes + other.Episodes, Scores.Merge(other.Scores), Baselines.Merge(other.Baselines), changes.ToImmutable());
        }

        /// <summary>The median absolute change / 0.6745 (<see cref="ChangeScale"/>), from the histogram; <see langword="null"/> without changes.</summary>
        internal double? ChangeScale()
        {
            long total = Changes.Values.Sum();
            if (total == 0)
            {
                return null;
            }

            // The sorted changes' elements at 0-based positions (total - 1) / 2 and total / 2: the same element when
            // the count is odd, the two middle ones when it is even.
            long lowRank = (total - 1) / 2;
            long highRank = total / 2;
            double? low = null;
            long seen = 0;
            foreach (KeyValuePair<double, long> bin in Changes)
            {
                seen += bin.Value;
                if (low is null && seen > lowRank)
                {
                    low = bin.Key;
                }

                if (seen > highRank)
                {
                    return Trends.ChangeScale.FromMedian((low!.Value + bin.Key) / 2.0);
                }
            }

            throw new InvalidOperationException("The histogram's counts do not add up.");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using OneOf;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>A history's rows for a model fitted on intake and ln(session): one row per score at session 2 or later of an episode with its intake at session 1, with the client (and therapist) as level indices.</summary>
internal sealed class ExpectedResponseRows
{
    internal required string InstrumentId { get; init; }

    internal required ScoreMetric Metric { get; init; }

    internal required double[] Scores { get; init; }

    internal required double[] Intakes { get; init; }

    internal required double[] LogSessions { get; init; }

    internal required int[] ClientLevels { get; init; }

    internal required string[] ClientNames { get; init; }

    internal required int[]? TherapistLevels { get; init; }

    internal required string[] TherapistNames { get; init; }

    internal required int Used { get; init; }

    internal required ImmutableArray<ExcludedEpisode> Excluded { get; init; }

    internal required DateTimeOffset? FirstRecorded { get; init; }

    internal required DateTimeOffset? LastRecorded { get; init; }

    internal required double MinimumIntake { get; init; }

    internal required double MaximumIntake { get; init; }

    internal required int MaximumSession { get; init; }

    internal static OneOf<ExpectedResponseRows, InvalidExpectedResponseFit> Collect(IReadOnlyList<Episode> history, ExpectedResponseOptions options)
    {
        Episode[] episodes = history.Select(e => Guard.Against.Null(e, nameof(history))).ToArray();
        if (episodes.Length == 0)
        {
            return InvalidExpectedResponseFit.TooFewEpisodes(0, options.MinimumEpisodes);
        }

        if (episodes.Any(e => e.Measure != MeasureKind.Outcome))
        {
            return new InvalidExpectedResponseFit("not-an-outcome-measure", "An expected response is fitted on an outcome measure (such as the ORS); the history holds alliance scores. Fit it on the outcome instrument's episodes.");
        }

        if (episodes.Any(e => e.InstrumentId != episodes[0].InstrumentId || e.Metric != episodes[0].Metric))
        {
            return new InvalidExpectedResponseFit("mixed-instruments", "The history mixes instruments or metrics. Fit one model per instrument, on scores of one metric.");
        }

        var excluded = ImmutableArray.CreateBuilder<ExcludedEpisode>();
        int total = episodes.Sum(e => e.Count);
        var scores = new List<double>(total);
        var intakes = new List<double>(total);
        var logs = new List<double>(total);
        var clients = new List<int>(total);
        var therapistRows = new List<int>(total);
        var therapistIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var clientNames = new List<string>();
        bool allTherapists = true;
        DateTimeOffset? first = null, last = null;
        double minimumIntake = double.PositiveInfinity, maximumIntake = double.NegativeInfinity;
        int maximumSession = 0;
        for (int index = 0; index < episodes.Length; index++)
        {
            Episode episode = episodes[index];
            if (episode.Scores[0].Occasion.SessionNumber != 1)
            {
                excluded.Add(new ExcludedEpisode(index, "The episode has no intake score (session 1)."));
                continue;
            }

            if (episode.Count < 2)
            {
                excluded.Add(new ExcludedEpisode(index, "The episode has no session after the intake."));
                continue;
            }

            int level = clientNames.Count;
            clientNames.Add(level.ToString(CultureInfo.InvariantCulture));
            int therapist = -1;
            if (episode.CurrentKey(CareKeyKind.Therapist) is { } key)
            {
                if (!therapistIndex.TryGetValue(key, out therapist))
                {
                    therapist = therapistIndex.Count;
                    therapistIndex[key] = therapist;
                }
            }
            else
            {
                allTherapists = false;
            }

            double intake = (double)episode.Scores[0].Value;
            minimumIntake = Math.Min(minimumIntake, intake);
            maximumIntake = Math.Max(maximumIntake, intake);
            foreach (AllianceScore score in episode.Scores)
            {
                if (score.Occasion.RecordedAt is { } at)
                {
                    first = first is { } f && f <= at ? f : at;
                    last = last is { } l && l >= at ? l : at;
                }

                int session = score.Occasion.SessionNumber;
                if (session < 2)
                {
                    continue;
                }

                scores.Add((double)score.Value);
                intakes.Add(intake);
                logs.Add(Math.Log(session));
                clients.Add(level);
                therapistRows.Add(therapist);
                maximumSession = Math.Max(maximumSession, session);
            }
        }

        if (clientNames.Count < options.MinimumEpisodes)
        {
            return InvalidExpectedResponseFit.TooFewEpisodes(clientNames.Count, options.MinimumEpisodes);
        }

        // Therapist labels are replaced by their position: the model never holds an identifier.
        return new ExpectedResponseRows
        {
            InstrumentId = episodes[0].InstrumentId,
            Metric = episodes[0].Metric,
            Scores = scores.ToArray(),
            Intakes = intakes.ToArray(),
            LogSessions = logs.ToArray(),
            ClientLevels = clients.ToArray(),
            ClientNames = clientNames.ToArray(),
            TherapistLevels = allTherapists ? therapistRows.ToArray() : null,
            TherapistNames = Enumerable.Range(0, therapistIndex.Count).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            Used = clientNames.Count,
            Excluded = excluded.ToImmutable(),
            FirstRecorded = first,
            LastRecorded = last,
            MinimumIntake = minimumIntake,
            MaximumIntake = maximumIntake,
            MaximumSession = maximumSession,
        };
    }
}

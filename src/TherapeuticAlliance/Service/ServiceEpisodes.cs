using System;
using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Service;

/// <summary>Builds <see cref="ServiceEpisode"/>s from clients' series (<see cref="Episode"/>s).</summary>
/// <remarks>This type is thread-safe.</remarks>
public static class ServiceEpisodes
{
    /// <summary>Summarises one client's series: the client-rated outcome series gives intake, final score, administrations and closing date; the client-rated alliance series gives the ratings' count, mean and sum of squares; the therapist and site are those of the latest session of the outcome series (else of the alliance series).</summary>
    /// <param name="client">The client's series (every instrument and perspective of one episode identifier).</param>
    /// <param name="options">The instruments and the expected-response model; <see langword="null"/> for the defaults.</param>
    /// <param name="caseMix">The client's case-mix covariates by name, or <see langword="null"/>.</param>
    /// <returns>The episode, or <see langword="null"/> when the client has neither an outcome nor an alliance series.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="client"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the series belong to more than one episode identifier, or <paramref name="options"/> break their rules.</exception>
    public static ServiceEpisode? FromClient(IReadOnlyList<Episode> client, ServiceOptions? options = null, IReadOnlyDictionary<string, double>? caseMix = null)
    {
        Guard.Against.Null(client);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        Guard.Against.InvalidInput(client, nameof(client), c => c.All(e => e is not null) && c.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count() <= 1, "Give the series of one client.");
        Episode? outcome = client.FirstOrDefault(e => e.Perspective == Perspective.Client && string.Equals(e.InstrumentId, options.OutcomeInstrument, StringComparison.OrdinalIgnoreCase) && e.Count > 0);
        Episode? alliance = client.FirstOrDefault(e => e.Perspective == Perspective.Client && string.Equals(e.InstrumentId, options.AllianceInstrument, StringComparison.OrdinalIgnoreCase) && e.Count > 0);
        if (outcome is null && alliance is null)
        {
            return null;
        }

        Episode keys = outcome ?? alliance!;
        double? intake = null, final = null;
        bool? reached = null;
        DateTimeOffset? closed = null;
        if (outcome is not null)
        {
            AllianceScore first = outcome.Scores[0], last = outcome.Scores[outcome.Count - 1];
            intake = (double)first.Value;
            final = outcome.Count >= 2 ? (double)last.Value : null;
            closed = last.Occasion.RecordedAt;
            if (final is not null && options.ExpectedResponse is { } model && string.Equals(model.InstrumentId, outcome.InstrumentId, StringComparison.OrdinalIgnoreCase))
            {
                double expected = model.Expect(intake.Value, last.Occasion.SessionNumber).Expected;
                reached = model.HigherIsBetter ? final >= expected : final <= expected;
            }
        }

        int ratings = alliance?.Count ?? 0;
        double? mean = null;
        double squares = 0;
        if (alliance is not null)
        {
            double m = alliance.Scores.Average(s => (double)s.Value);
            mean = m;
            squares = ratings > 1 ? alliance.Scores.Sum(s => ((double)s.Value - m) * ((double)s.Value - m)) : 0;
        }

        return new ServiceEpisode(keys.Id, keys.CurrentKey(CareKeyKind.Therapist), keys.CurrentKey(CareKeyKind.Site), intake, final, outcome?.Count ?? 0, closed, ratings, mean, squares, reached, caseMix);
    }

    /// <summary>Summarises many clients' series: groups them by episode identifier (ordinal) and calls <see cref="FromClient"/> on each.</summary>
    /// <param name="episodes">The series of any number of clients.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <param name="caseMix">Case-mix covariates by episode identifier, or <see langword="null"/>.</param>
    /// <returns>One episode per client with an outcome or alliance series, in order of first appearance.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    public static IReadOnlyList<ServiceEpisode> FromEpisodes(IEnumerable<Episode> episodes, ServiceOptions? options = null, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? caseMix = null)
    {
        Guard.Against.Null(episodes);
        return episodes.Select(e => Guard.Against.Null(e, nameof(episodes))).GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => FromClient(g.ToList(), options, caseMix is not null && caseMix.TryGetValue(g.Key, out IReadOnlyDictionary<string, double>? mix) ? mix : null))
            .Where(e => e is not null).Select(e => e!).ToList();
    }
}

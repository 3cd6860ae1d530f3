using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// Alliance and outcome linked session by session (<see cref="AllianceLinkage.Pair"/>): the pairs, one row per alliance
/// rating that found its outcome score, and the counts that say what did not pair and why.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows counts only.</remarks>
public sealed class PairedSeries
{
    private readonly Lazy<ImmutableArray<SessionPair>> _pairs;

    internal PairedSeries(LinkageOptions options, int clients, int clientsWithPairs, int allianceRatings, int withoutOutcome, int clientsWithoutOutcome, ImmutableArray<RatingRow> allianceRows, ImmutableArray<RatingRow> outcomeRows, int[] pairRows, int[] pairOutcome, int[] pairOutcomeNow, ImmutableArray<TherapeuticAlliance.Trends.Episode> outcomeSeries, ImmutableArray<string> clientIds)
    {
        PairOutcome = pairOutcome;
        PairOutcomeNow = pairOutcomeNow;
        _pairs = new Lazy<ImmutableArray<SessionPair>>(Materialise, LazyThreadSafetyMode.ExecutionAndPublication);
        ClientIds = clientIds;
        OutcomeSeries = outcomeSeries;
        AllianceRows = allianceRows;
        OutcomeRows = outcomeRows;
        PairRows = pairRows;
        Options = options;
        Clients = clients;
        ClientsWithPairs = clientsWithPairs;
        AllianceRatings = allianceRatings;
        WithoutOutcome = withoutOutcome;
        ClientsWithoutOutcomeSeries = clientsWithoutOutcome;
    }

    /// <summary>Gets the options used.</summary>
    public LinkageOptions Options { get; }

    /// <summary>Gets the pairs, by client (in the order given) and session; made on first use (the analyses do not need them).</summary>
    public ImmutableArray<SessionPair> Pairs => _pairs.Value;

    /// <summary>Gets the number of pairs, without making them.</summary>
    public int Count => PairRows.Length;

    /// <summary>Gets the number of clients with a client-rated alliance series.</summary>
    public int Clients { get; }

    /// <summary>Gets the number of clients with at least one pair.</summary>
    public int ClientsWithPairs { get; }

    /// <summary>Gets the number of alliance ratings of those clients.</summary>
    public int AllianceRatings { get; }

    /// <summary>Gets the number of alliance ratings that found no outcome score under the rule (the session t + lag not rated, past the last session, or past the maximum gap), including those of clients without an outcome series.</summary>
    public int WithoutOutcome { get; }

    /// <summary>Gets the number of clients with an alliance series but no client-rated outcome series.</summary>
    public int ClientsWithoutOutcomeSeries { get; }

    /// <summary>Gets every alliance rating of the clients (paired or not), for the client means the decomposition centres on.</summary>
    internal ImmutableArray<RatingRow> AllianceRows { get; }

    /// <summary>Gets every outcome rating of the clients with an alliance series.</summary>
    internal ImmutableArray<RatingRow> OutcomeRows { get; }

    /// <summary>Gets the clients' identifiers, by the index their rows carry (the order of their alliance series).</summary>
    internal ImmutableArray<string> ClientIds { get; }

    /// <summary>Gets the outcome series of the clients with an alliance series, in the order of their alliance series.</summary>
    internal ImmutableArray<TherapeuticAlliance.Trends.Episode> OutcomeSeries { get; }

    /// <summary>Gets, for each pair, the index of its alliance rating in <see cref="AllianceRows"/>.</summary>
    internal int[] PairRows { get; }

    /// <summary>Gets, for each pair, the index of its paired outcome rating in <see cref="OutcomeRows"/>.</summary>
    internal int[] PairOutcome { get; }

    /// <summary>Gets, for each pair, the index in <see cref="OutcomeRows"/> of the outcome at the alliance's own session, or −1.</summary>
    internal int[] PairOutcomeNow { get; }

    /// <summary>Returns the counts, never an identifier.</summary>
    /// <returns>Text such as <c>paired series: 1024 pairs of 1200 alliance ratings from 98 of 100 clients (lag 1, session-number)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "paired series: {0} pairs of {1} alliance ratings from {2} of {3} clients (lag {4}, {5})", Count, AllianceRatings, ClientsWithPairs, Clients, Options.Lag, Options.Rule == PairingRule.SessionNumber ? "session-number" : "next-administration");

    private ImmutableArray<SessionPair> Materialise()
    {
        var pairs = new SessionPair[PairRows.Length];
        for (int i = 0; i < pairs.Length; i++)
        {
            RatingRow row = AllianceRows[PairRows[i]];
            RatingRow outcome = OutcomeRows[PairOutcome[i]];
            pairs[i] = new SessionPair(ClientIds[row.Client], row.Therapist, row.Site, row.Session, row.Value, PairOutcomeNow[i] >= 0 ? OutcomeRows[PairOutcomeNow[i]].Value : null, outcome.Session, outcome.Value);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(pairs);
    }
}

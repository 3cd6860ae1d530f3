using System.Collections.Immutable;
using System.Globalization;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// Alliance and outcome linked session by session (<see cref="AllianceLinkage.Pair"/>): the pairs, one row per alliance
/// rating that found its outcome score, and the counts that say what did not pair and why.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToString"/> shows counts only.</remarks>
public sealed class PairedSeries
{
    internal PairedSeries(LinkageOptions options, ImmutableArray<SessionPair> pairs, int clients, int clientsWithPairs, int allianceRatings, int withoutOutcome, int clientsWithoutOutcome, ImmutableArray<RatingRow> allianceRows, ImmutableArray<RatingRow> outcomeRows, ImmutableArray<int> pairRows, ImmutableArray<TherapeuticAlliance.Trends.Episode> outcomeSeries)
    {
        OutcomeSeries = outcomeSeries;
        AllianceRows = allianceRows;
        OutcomeRows = outcomeRows;
        PairRows = pairRows;
        Options = options;
        Pairs = pairs;
        Clients = clients;
        ClientsWithPairs = clientsWithPairs;
        AllianceRatings = allianceRatings;
        WithoutOutcome = withoutOutcome;
        ClientsWithoutOutcomeSeries = clientsWithoutOutcome;
    }

    /// <summary>Gets the options used.</summary>
    public LinkageOptions Options { get; }

    /// <summary>Gets the pairs, by client (in the order given) and session.</summary>
    public ImmutableArray<SessionPair> Pairs { get; }

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

    /// <summary>Gets the outcome series of the clients with an alliance series, in the order of their alliance series.</summary>
    internal ImmutableArray<TherapeuticAlliance.Trends.Episode> OutcomeSeries { get; }

    /// <summary>Gets, for each pair, the index of its alliance rating in <see cref="AllianceRows"/>.</summary>
    internal ImmutableArray<int> PairRows { get; }

    /// <summary>Returns the counts, never an identifier.</summary>
    /// <returns>Text such as <c>paired series: 1024 pairs of 1200 alliance ratings from 98 of 100 clients (lag 1, session-number)</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "paired series: {0} pairs of {1} alliance ratings from {2} of {3} clients (lag {4}, {5})", Pairs.Length, AllianceRatings, ClientsWithPairs, Clients, Options.Lag, Options.Rule == PairingRule.SessionNumber ? "session-number" : "next-administration");
}

using System.Globalization;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Trends;
using static TherapeuticAlliance.Tests.ExpectedResponse.ExpectedResponseModelTests;

namespace TherapeuticAlliance.Tests.Linkage;

/// <summary>Issue 31, part 1: alliance and outcome paired session by session, with the rules for missed sessions and for measures given every few sessions stated and tested.</summary>
public sealed class AllianceLinkageTests
{
    private const string Marker = "MRN-0042-MARKER";

    private static Episode Srs(string id, params (int Session, double Value)[] scores) => Series(id, scores, "srs", MeasureKind.Alliance);

    private static Episode Ors(string id, params (int Session, double Value)[] scores) => Series(id, scores, "ors");

    [Fact]
    public void BySessionNumber_AMissedSessionLeavesThePairOut_NeverTheNextAdministrationInstead()
    {
        Episode srs = Srs(Marker, (1, 30), (2, 31), (3, 32), (4, 33), (5, 34));
        Episode ors = Ors(Marker, (1, 20), (2, 21), (4, 24), (5, 25));   // session 3's outcome was not given
        PairedSeries paired = AllianceLinkage.Pair(new[] { srs, ors });
        Assert.Equal(new[] { (1, 2), (3, 4), (4, 5) }, paired.Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
        SessionPair third = paired.Pairs[1];
        Assert.Equal((32.0, (double?)null, 24.0), (third.Alliance, third.OutcomeAtSession, third.Outcome));
        Assert.Equal((1, 1, 5, 2), (paired.Clients, paired.ClientsWithPairs, paired.AllianceRatings, paired.WithoutOutcome));

        // Lag 0 pairs a session with itself; lag 2 with the session two later.
        Assert.Equal(new[] { 1, 2, 4, 5 }, AllianceLinkage.Pair(new[] { srs, ors }, new LinkageOptions { Lag = 0 }).Pairs.Select(p => p.OutcomeSession).ToArray());
        Assert.Equal(new[] { (2, 4), (3, 5) }, AllianceLinkage.Pair(new[] { srs, ors }, new LinkageOptions { Lag = 2 }).Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
        Assert.DoesNotContain(Marker, paired.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, paired.Pairs[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ByNextAdministration_AnOutcomeGivenEveryThirdSession_PairsWithinTheMaximumGap()
    {
        Episode srs = Srs("c1", Enumerable.Range(1, 7).Select(t => (t, 30.0 + t)).ToArray());
        Episode ors = Ors("c1", (1, 20), (4, 23), (7, 26));
        var rule = new LinkageOptions { Rule = PairingRule.NextAdministration };
        Assert.Equal(new[] { (1, 4), (2, 4), (3, 4), (4, 7), (5, 7), (6, 7) }, AllianceLinkage.Pair(new[] { srs, ors }, rule).Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
        Assert.Equal(new[] { (2, 4), (3, 4), (5, 7), (6, 7) }, AllianceLinkage.Pair(new[] { srs, ors }, rule with { MaximumGap = 2 }).Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
        Assert.Equal(new[] { (1, 7), (2, 7), (3, 7) }, AllianceLinkage.Pair(new[] { srs, ors }, rule with { Lag = 2, MaximumGap = 6 }).Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
        // By session number the same data pair only where session t + 1 was rated.
        Assert.Equal(new[] { (3, 4), (6, 7) }, AllianceLinkage.Pair(new[] { srs, ors }).Pairs.Select(p => (p.Session, p.OutcomeSession)).ToArray());
    }

    [Fact]
    public void ClientsWithoutAnOutcomeSeries_AreCounted_AndOtherSeriesIgnored()
    {
        Episode lone = Srs("c2", (1, 30), (2, 31));
        PairedSeries paired = AllianceLinkage.Pair(new[] { Srs("c1", (1, 30), (2, 31)), Ors("c1", (1, 20), (2, 21)), lone, Ors("c3", (1, 10), (2, 11)) });
        Assert.Equal((2, 1, 1, 4, 3), (paired.Clients, paired.ClientsWithPairs, paired.ClientsWithoutOutcomeSeries, paired.AllianceRatings, paired.WithoutOutcome));
        ArgumentException twice = Assert.Throws<ArgumentException>(() => AllianceLinkage.Pair(new[] { Srs(Marker, (1, 30)), Srs(Marker, (2, 30)) }));
        Assert.DoesNotContain(Marker, twice.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AllianceLinkage.Pair(Array.Empty<Episode>(), new LinkageOptions { Lag = -1, MaximumGap = 0 }));
        Assert.Throws<ArgumentNullException>(() => AllianceLinkage.Pair(null!));
    }

    [Fact]
    public void TheOraclesSessions_PairedAtLagOne_AreTheRowsLme4sLaggedModelUsed()
    {
        // ../shared/oracles/multilevel/sessions.csv: m5 (lmer(ors_next ~ ors + srs_within + srs_between + (1 | client)))
        // was fitted on the sessions with a next session: 13,700 rows (nobs).
        string path = Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel", "sessions.csv");
        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        var series = new List<Episode>();
        foreach (var client in rows.GroupBy(r => r[2]))
        {
            series.Add(Srs(client.Key, client.Select(r => (int.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[4], CultureInfo.InvariantCulture))).ToArray()));
            series.Add(Ors(client.Key, client.Select(r => (int.Parse(r[3], CultureInfo.InvariantCulture), double.Parse(r[5], CultureInfo.InvariantCulture))).ToArray()));
        }

        PairedSeries paired = AllianceLinkage.Pair(series);
        Assert.Equal(13_700, paired.Pairs.Length);
        Assert.Equal(1_521, paired.Clients);
        Assert.All(paired.Pairs, p => Assert.Equal(p.Session + 1, p.OutcomeSession));
        Assert.All(paired.Pairs, p => Assert.NotNull(p.OutcomeAtSession));
    }
}

using System.Collections.Immutable;
using System.Globalization;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Service;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Tests.Service;

/// <summary>Issue 30: what the service view refuses and why, what it withholds, how it classifies, and how it reads and writes.</summary>
public sealed class ServiceBehaviourTests
{
    private const string Marker = "MRN-0042-MARKER";

    /// <summary>A caseload of <paramref name="therapists"/> therapists with <paramref name="clients"/> clients each, final = intake + 8 + therapist effect + noise.</summary>
    private static List<ServiceEpisode> Caseload(int therapists, int clients, int seed = 7, double spread = 2, string prefix = "T")
    {
        var random = new Random(seed);
        var episodes = new List<ServiceEpisode>();
        for (int t = 0; t < therapists; t++)
        {
            double effect = spread * ((t / (double)Math.Max(1, therapists - 1)) - 0.5);
            for (int c = 0; c < clients; c++)
            {
                double intake = 12 + (10 * random.NextDouble());
                double final = intake + 8 + effect + (6 * (random.NextDouble() - 0.5));
                var closed = new DateTimeOffset(2026, 1 + (c % 3), 10, 12, 0, 0, TimeSpan.Zero);
                episodes.Add(new ServiceEpisode($"{prefix}{t}-C{c}", prefix + t.ToString(CultureInfo.InvariantCulture), t % 2 == 0 ? "north" : "south", intake, final, 6, closed, 6, 30 + (t % 4) + random.NextDouble(), 3 + random.NextDouble()));
            }
        }

        return episodes;
    }

    [Fact]
    public void TooFewTherapists_IsRefused_SayingHowManyAreNeeded_NamingNoOne()
    {
        TherapistEffectsResult result = TherapistEffects.Estimate(Caseload(4, 30, prefix: Marker), ServiceMeasure.Outcome);
        Assert.False(result.IsSuccess);
        Assert.Equal(ServiceErrorKind.TooFewTherapists, result.AsT1.Kind);
        Assert.Equal("service-refused", result.AsT1.Code);
        Assert.Contains("4 therapist(s) have two or more clients", result.AsT1.Message, StringComparison.Ordinal);
        Assert.Contains("at least 5", result.AsT1.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Marker, result.AsT1.Message, StringComparison.Ordinal);

        // Therapists with one client each do not count: they cannot tell a therapist from a client.
        Assert.Equal(ServiceErrorKind.TooFewTherapists, TherapistEffects.Estimate(Caseload(12, 1), ServiceMeasure.Outcome).AsT1.Kind);
        // The minimum is the caller's to raise.
        Assert.Equal(ServiceErrorKind.TooFewTherapists, TherapistEffects.Estimate(Caseload(8, 30), ServiceMeasure.Outcome, new ServiceOptions { MinimumTherapists = 9 }).AsT1.Kind);
        Assert.True(TherapistEffects.Estimate(Caseload(8, 30), ServiceMeasure.Outcome).IsSuccess);
    }

    [Fact]
    public void NoPairedEpisode_IsNoData()
    {
        var unpaired = Caseload(8, 10).Select(e => new ServiceEpisode(e.Client, e.Therapist, e.Site, e.Intake, null, 1, null)).ToList();
        Assert.Equal(ServiceErrorKind.NoData, TherapistEffects.Estimate(unpaired, ServiceMeasure.Outcome).AsT1.Kind);
        Assert.Equal(ServiceErrorKind.NoData, AllianceDependability.Estimate(unpaired).AsT1.Kind);
        Assert.Equal(ServiceErrorKind.NoData, TherapistEffects.Estimate(Array.Empty<ServiceEpisode>(), ServiceMeasure.Alliance).AsT1.Kind);
    }

    [Fact]
    public void ATherapistIsAboveOrBelowAverage_OnlyWhereTheIntervalExcludesTheMean()
    {
        TherapistEffectsAnalysis analysis = TherapistEffects.Estimate(Caseload(20, 40, spread: 8), ServiceMeasure.Outcome, new ServiceOptions { Policy = DisclosurePolicy.Default with { MinimumPeople = 1 } }).GetValueOrThrow();
        Assert.Contains(analysis.Therapists, t => t.Classification == EffectClassification.AboveAverage);
        Assert.Contains(analysis.Therapists, t => t.Classification == EffectClassification.BelowAverage);
        Assert.Contains(analysis.Therapists, t => t.Classification == EffectClassification.Average);
        Assert.All(analysis.Therapists, t =>
        {
            Assert.Equal(t.Lower > 0, t.Classification == EffectClassification.AboveAverage);
            Assert.Equal(t.Upper < 0, t.Classification == EffectClassification.BelowAverage);
            Assert.InRange(t.Reliability!.Value, 0, 1);
        });

        // Best first; the planted order is recovered at the ends.
        Assert.Equal("T19", analysis.Therapists[0].Therapist);
        Assert.Equal("T0", analysis.Therapists[^1].Therapist);
        Assert.True(analysis.Therapists.Select(t => t.Effect!.Value).SequenceEqual(analysis.Therapists.Select(t => t.Effect!.Value).OrderByDescending(v => v)));
    }

    [Fact]
    public void WhereLowerIsBetter_EffectsAndCategoriesTurn()
    {
        List<ServiceEpisode> caseload = Caseload(10, 20, spread: 6);
        var higher = TherapistEffects.Estimate(caseload, ServiceMeasure.Outcome, new ServiceOptions { Policy = DisclosurePolicy.Default with { MinimumPeople = 1 } }).GetValueOrThrow();
        var lower = TherapistEffects.Estimate(caseload, ServiceMeasure.Outcome, new ServiceOptions { Policy = DisclosurePolicy.Default with { MinimumPeople = 1 }, HigherIsBetter = false }).GetValueOrThrow();
        foreach (TherapistEffect t in higher.Therapists)
        {
            TherapistEffect turned = lower.Therapists.Single(o => o.Therapist == t.Therapist);
            Assert.Equal(-t.Effect!.Value, turned.Effect!.Value, 12);
        }

        ServiceBenchmark up = ServiceBenchmarks.Compute(caseload)[0];
        ServiceBenchmark down = ServiceBenchmarks.Compute(caseload, new ServiceOptions { HigherIsBetter = false, ClinicalCutoff = 25 })[0];
        Assert.Equal(-up.EffectSize!.Value, down.EffectSize!.Value, 12);
        Assert.Equal(up.ReliableImprovement, down.ReliableDeterioration);
        Assert.Equal(up.ReliableDeterioration, down.ReliableImprovement);
    }

    [Fact]
    public void UnderTheDisclosurePolicy_SmallGroupsAreWithheld_AndCountsRounded()
    {
        // 6 therapists: 2 with 4 clients (withheld under the default minimum of 10), 4 with 12.
        var caseload = Caseload(6, 12).Where(e => !(e.Therapist is "T0" or "T1") || e.Client.EndsWith("-C0", StringComparison.Ordinal) || e.Client.EndsWith("-C1", StringComparison.Ordinal) || e.Client.EndsWith("-C2", StringComparison.Ordinal) || e.Client.EndsWith("-C3", StringComparison.Ordinal)).ToList();
        TherapistEffectsAnalysis effects = TherapistEffects.Estimate(caseload, ServiceMeasure.Outcome).GetValueOrThrow();
        Assert.Equal(2, effects.Therapists.Count(t => t.Classification == EffectClassification.Withheld));
        Assert.All(effects.Therapists.Where(t => t.Classification == EffectClassification.Withheld), t => Assert.True(t.Effect is null && t.Lower is null && t.Reliability is null && t.Clients == 4));
        Assert.Equal(effects.Therapists.Where(t => t.Classification == EffectClassification.Withheld).Select(t => t.Therapist), effects.Therapists.TakeLast(2).Select(t => t.Therapist));
        Assert.Contains(effects.Notes, n => n.Contains("2 therapist(s) with fewer than 10 clients", StringComparison.Ordinal));

        ImmutableArray<ServiceBenchmark> rows = ServiceBenchmarks.Compute(caseload);
        ServiceBenchmark small = rows.Single(r => r.Grouping == ServiceGrouping.Therapist && r.Group == "T0");
        Assert.True(small.Withheld);
        Assert.Equal(4, small.Episodes);
        Assert.Null(small.EffectSize);
        Assert.Null(small.Completeness);

        ImmutableArray<ServiceBenchmark> safe = ServiceBenchmarks.Compute(caseload, new ServiceOptions { Policy = DisclosurePolicy.OpenSafely });
        Assert.Null(safe.Single(r => r.Grouping == ServiceGrouping.Therapist && r.Group == "T0").Episodes);   // 4 people: a small count, withheld
        Assert.Equal(55, safe[0].Episodes);   // 56 rounded to the nearest 5
    }

    [Fact]
    public void Benchmarks_ArePerCaseloadSiteTherapistAndMonthOfClosing()
    {
        ImmutableArray<ServiceBenchmark> rows = ServiceBenchmarks.Compute(Caseload(6, 30));
        Assert.Equal(new[] { ServiceGrouping.Caseload, ServiceGrouping.Site, ServiceGrouping.Site, ServiceGrouping.Therapist, ServiceGrouping.Therapist, ServiceGrouping.Therapist, ServiceGrouping.Therapist, ServiceGrouping.Therapist, ServiceGrouping.Therapist, ServiceGrouping.Month, ServiceGrouping.Month, ServiceGrouping.Month }, rows.Select(r => r.Grouping));
        Assert.Equal(new[] { "2026-01", "2026-02", "2026-03" }, rows.Where(r => r.Grouping == ServiceGrouping.Month).Select(r => r.Group));
        Assert.Equal(60, rows.Single(r => r.Group == "2026-01").Episodes);
        Assert.Equal(180, rows.Where(r => r.Grouping == ServiceGrouping.Site).Sum(r => r.Episodes));
        Assert.All(rows, r => Assert.True(r.EffectSizeLow < r.EffectSize && r.EffectSize < r.EffectSizeHigh));
        Assert.Null(rows[0].ReachedTarget);   // no expected-response model given
    }

    [Fact]
    public void ReachedTarget_ComparesTheLastScoreWithTheModelsExpectation()
    {
        ExpectedResponseModel model = ExpectedResponseModel.FromParameters("ors", ScoreMetric.Sum, 10, 0.6, 2, 5);
        double expected = model.Expect(20, 6).Expected;
        var met = new ServiceEpisode("a", "T", null, 20, expected + 0.1, 6, null, reachedTarget: true);
        Assert.True(met.ReachedTarget);
        var options = new ServiceOptions { ExpectedResponse = model, Policy = DisclosurePolicy.Default with { MinimumPeople = 1 } };
        var rows = ServiceBenchmarks.Compute(new[] { met, new ServiceEpisode("b", "T", null, 20, expected - 0.1, 6, null, reachedTarget: false), new ServiceEpisode("c", "T", null, 20, 30, 6, null) }, options);
        Assert.Equal(0.5, rows[0].ReachedTarget);
    }

    [Fact]
    public void CaseMix_EntersTheModel_AndEpisodesWithoutItAreLeftOutAndCounted()
    {
        var caseload = Caseload(8, 20).Select((e, i) => new ServiceEpisode(e.Client, e.Therapist, e.Site, e.Intake, e.Final, e.OutcomeAdministrations, e.Closed, e.AllianceSessions, e.AllianceMean, e.AllianceSumOfSquares, null, i % 10 == 0 ? null : new Dictionary<string, double> { ["age"] = 20 + (i % 40), ["risk"] = i % 3 })).ToList();
        TherapistEffectsAnalysis analysis = TherapistEffects.Estimate(caseload, ServiceMeasure.Outcome, new ServiceOptions { CaseMix = ImmutableArray.Create("age", "risk") }).GetValueOrThrow();
        Assert.Equal("final ~ intake + age + risk + (1 | site) + (1 | therapist)", analysis.Formula);
        Assert.Equal(144, analysis.Episodes);
        Assert.Equal(16, analysis.LeftOut);
        Assert.Contains(analysis.Notes, n => n.StartsWith("16 of 160 episodes left out", StringComparison.Ordinal));
        Assert.Contains(analysis.Fit.FixedEffects, f => f.Term == "risk");
    }

    [Fact]
    public void Dependability_WithTooFewTherapists_FitsClientsOnly_AndSaysSo()
    {
        AllianceDependability d = AllianceDependability.Estimate(Caseload(3, 20)).GetValueOrThrow();
        Assert.True(double.IsNaN(d.TherapistVariance));
        Assert.True(double.IsNaN(d.TherapistCoefficient));
        Assert.Equal("alliance ~ 1 + (1 | client)", d.Formula);
        Assert.Contains(d.Notes, n => n.Contains("no therapist variance is estimated", StringComparison.Ordinal));
        Assert.InRange(d.ClientCoefficient, 0, 1);
    }

    [Fact]
    public void Dependability_FromPublishedLikeComponents_GivesTheRequiredCounts()
    {
        // Components where one session is marginal (G = .70): 4 sessions give above .90 (Crits-Christoph et al. 2011's pattern).
        AllianceDependability d = AllianceDependability.FromVarianceComponents(0.1, 0.6, 0.3, 1, 10);
        Assert.Equal(0.7, d.ClientCoefficientAt(1), 12);
        Assert.Equal(4, d.SessionsNeeded(0.90));
        Assert.True(d.ClientCoefficientAt(4) > 0.90 && d.ClientCoefficientAt(3) < 0.90);
        Assert.Equal(0.1 / (0.1 + (0.6 / 60) + (0.3 / (60 * 4))), d.TherapistCoefficientAt(60, 4), 12);
        Assert.Equal(Math.Ceiling(0.8 * (0.6 + 0.3 / 4) / (0.2 * 0.1)), d.ClientsNeeded(0.80, 4));
        Assert.Equal(double.PositiveInfinity, AllianceDependability.FromVarianceComponents(0, 0.6, 0.3, 4, 10).ClientsNeeded(0.8, 4));
        Assert.Contains(AllianceDependability.FromVarianceComponents(0.1, 0.6, 0.3, 1, 10).Notes, n => n.Contains("below 0.80", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => AllianceDependability.FromVarianceComponents(-1, 0.6, 0.3, 4, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.SessionsNeeded(1));
        Assert.Equal(11, d.Statistics.Count);
    }

    [Fact]
    public void Analysis_RendersAsHtml_TablesAndSummary_WithoutEchoingIdentifiersInText()
    {
        List<ServiceEpisode> caseload = Caseload(12, 15, prefix: Marker);
        ServiceAnalysis analysis = ServiceAnalysis.Run(caseload);
        string html = analysis.ToHtml();
        Assert.Contains("must not be used to rank therapists", html, StringComparison.Ordinal);
        Assert.Contains("class=\"caterpillar\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Marker, html, StringComparison.Ordinal);   // the tables show the data's keys, as every IHtmlRenderable does

        string summary = analysis.Summary();
        Assert.Contains("Therapist effects on the outcome: final ~ intake + (1 | site) + (1 | therapist)", summary, StringComparison.Ordinal);
        Assert.Contains("Dependability of alliance scores", summary, StringComparison.Ordinal);
        foreach (string text in new object?[] { summary, analysis, analysis.Outcome.AsT0, analysis.Dependability.AsT0, caseload[0] }.Concat(analysis.Outcome.AsT0.Therapists).Concat(analysis.Benchmarks).Select(o => o!.ToString()!))
        {
            Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        }

        IReadOnlyList<KeyValuePair<string, TidyTable>> tables = analysis.ToTidyTables();
        Assert.Equal(new[] { "service-variance", "service-therapists", "service-benchmarks", "service-comparison", "service-dependability", "service-notes" }, tables.Select(t => t.Key));
        foreach (var (name, table) in tables)
        {
            Assert.Equal(RowSchemas.All.Single(s => s.Name == name).Columns.ToArray(), table.Columns.ToArray());
        }

        Assert.Equal(24, tables[1].Value.RowCount);   // 12 therapists, outcome and alliance
        Assert.Equal(PublishedBenchmarks.All.Length, tables[3].Value.RowCount);
    }

    [Fact]
    public void CaseMixTables_AreReadByEpisode_AndBadOnesAreTypedErrors()
    {
        var good = TidyCsv.Read(new StringReader("episode,age,risk\nC1,34,1\nC2,NA,0\n")).GetValueOrThrow().ToCaseMix().GetValueOrThrow();
        Assert.Equal(34, good["C1"]["age"]);
        Assert.False(good["C2"].ContainsKey("age"));
        Assert.Equal(TableErrorKind.MissingColumn, TidyCsv.Read(new StringReader("client,age\nC1,3\n")).GetValueOrThrow().ToCaseMix().AsT1.Kind);
        Assert.Equal(TableErrorKind.BadValue, TidyCsv.Read(new StringReader("episode,intake\nC1,3\n")).GetValueOrThrow().ToCaseMix().AsT1.Kind);
        Assert.Equal(TableErrorKind.BadValue, TidyCsv.Read(new StringReader("episode,age group\nC1,3\n")).GetValueOrThrow().ToCaseMix().AsT1.Kind);
        TableError text = TidyCsv.Read(new StringReader($"episode,age\nC1,{Marker}\n")).GetValueOrThrow().ToCaseMix().AsT1;
        Assert.Equal(TableErrorKind.BadValue, text.Kind);
        Assert.DoesNotContain(Marker, text.Message, StringComparison.Ordinal);
        TableError twice = TidyCsv.Read(new StringReader($"episode,age\n{Marker},3\n{Marker},4\n")).GetValueOrThrow().ToCaseMix().AsT1;
        Assert.Equal(TableErrorKind.DuplicateObservation, twice.Kind);
        Assert.DoesNotContain(Marker, twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProgrammerMistakes_AreGuardExceptions()
    {
        Assert.Throws<ArgumentException>(() => new ServiceEpisode("a", null, null, 10, 12, 1, null));   // a final score needs two administrations
        Assert.Throws<ArgumentException>(() => new ServiceEpisode("a", null, null, double.NaN, null, 1, null));
        Assert.Throws<ArgumentException>(() => new ServiceEpisode("a", null, null, null, null, 0, null, 2, null));
        Assert.Throws<ArgumentException>(() => new ServiceOptions { Level = 1 }.Validate());
        Assert.Throws<ArgumentException>(() => new ServiceOptions { ReliableChange = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new ServiceOptions { CaseMix = ImmutableArray.Create("intake") }.Validate());
        Assert.Throws<ArgumentException>(() => new ServiceOptions { CaseMix = ImmutableArray.Create("age group") }.Validate());
        Assert.Throws<ArgumentNullException>(() => ServiceAnalysis.Run(null!));
        Assert.NotNull(PublishedBenchmarks.Find("GASKELL-2022-DEPRESSION"));
        Assert.Null(PublishedBenchmarks.Find("nope"));
    }
}

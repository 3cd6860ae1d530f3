using System.Collections.Immutable;
using Apache.Arrow;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Care;

/// <summary>Issue 28, parts 1 and 2: therapist, site and team as opaque keys from input to episode and triage.</summary>
public sealed class CareKeysTests : IDisposable
{
    private static readonly InstrumentCatalog Catalog = new(AllianceInstruments.All);
    private readonly string _folder = Directory.CreateTempSubdirectory("ta-care-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("T01", true)]
    [InlineData("Dr. Ng (locum)", true)]
    [InlineData("клиника-север", true)]
    [InlineData("urn:oid:2.16.840.1.113883.4.6|1234567893", true)]
    [InlineData("", false)]
    [InlineData(" T01", false)]
    [InlineData("T01 ", false)]
    [InlineData("T0\n1", false)]
    [InlineData("T0\t1", false)]
    [InlineData("T\u202E01", false)]   // a bidirectional override
    [InlineData("T\u200B01", false)]   // a zero-width space (format)
    [InlineData("T\u2028x", false)]    // a line separator
    public void IsValidKey_FollowsTheRule(string key, bool valid) => Assert.Equal(valid, CareKeys.IsValidKey(key));

    [Fact]
    public void IsValidKey_RefusesLoneSurrogates_NullAndOverLongKeys_AndTakesSurrogatePairs()
    {
        Assert.False(CareKeys.IsValidKey(null));
        Assert.False(CareKeys.IsValidKey("T" + '\uD800'));
        Assert.False(CareKeys.IsValidKey('\uDC00' + "T"));
        Assert.False(CareKeys.IsValidKey(new string('x', CareKeys.MaxLength + 1)));
        Assert.True(CareKeys.IsValidKey(new string('x', CareKeys.MaxLength)));
        Assert.True(CareKeys.IsValidKey("site-\U0001F3E5"));
    }

    [Property(MaxTest = 500)]
    public bool AValidKey_PassesSafeTextUnchanged(NonNull<string> text) =>
        !CareKeys.IsValidKey(text.Get) || SafeText.Clean(text.Get, CareKeys.MaxLength) == text.Get;

    [Fact]
    public void TheConstructor_RefusesABadKey_WithoutQuotingIt()
    {
        ArgumentException ex = Assert.Throws<ArgumentException>(() => new CareKeys(site: "SECRET\nsite"));
        Assert.Equal("site", ex.ParamName);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NamesWhichKeysAreGiven_NeverTheirValues()
    {
        var keys = new CareKeys("SECRET-T", "SECRET-S");
        Assert.Equal("care keys: therapist, site", keys.ToString());
        Assert.Equal("care keys: none", CareKeys.None.ToString());
        Assert.DoesNotContain("SECRET", keys.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsOrdinalOnAllThreeKeys()
    {
        Assert.Equal(new CareKeys("t", "s", "m"), new CareKeys("t", "s", "m"));
        Assert.True(new CareKeys("t") == new CareKeys("t"));
        Assert.True(new CareKeys("t") != new CareKeys("T"));
        Assert.NotEqual(new CareKeys("t", "s"), new CareKeys("t"));
        Assert.Equal(new CareKeys("t", "s").GetHashCode(), new CareKeys("t", "s").GetHashCode());
        Assert.True(CareKeys.None.IsEmpty);
        Assert.False(new CareKeys(team: "m").IsEmpty);
    }

    [Fact]
    public void ConflictsWith_NamesTheKeysBothGiveDifferently_NotAKeyOneLeavesOut()
    {
        Assert.Equal(new[] { CareKeyKind.Site }, new CareKeys("t", "north").ConflictsWith(new CareKeys("t", "south")));
        Assert.Empty(new CareKeys("t", "north").ConflictsWith(new CareKeys(null, "north", "m")));
        Assert.Equal(new[] { CareKeyKind.Therapist, CareKeyKind.Team }, new CareKeys("a", null, "x").ConflictsWith(new CareKeys("b", "s", "y")));
    }

    [Fact]
    public void Fill_TakesOnlyWhatTheseKeysLack_AndReturnsThemWhenNothingIsAdded()
    {
        var mine = new CareKeys("t", null, "red");
        Assert.Equal(new CareKeys("t", "north", "red"), mine.Fill(new CareKeys("other", "north")));
        Assert.Same(mine, mine.Fill(CareKeys.None));
        Assert.Same(mine, mine.Fill(new CareKeys("t", null, "blue")));
        Assert.Throws<ArgumentNullException>(() => mine.Fill(null!));
    }

    [Fact]
    public void Codes_RoundTrip_AndAnUndefinedKindIsAGuard()
    {
        foreach (CareKeyKind kind in CareKeys.AllKinds)
        {
            Assert.True(CareKeys.TryParseKind(CareKeys.ToCode(kind), out CareKeyKind back));
            Assert.Equal(kind, back);
        }

        Assert.False(CareKeys.TryParseKind("Therapist", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => CareKeys.ToCode((CareKeyKind)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => CareKeys.None.Get((CareKeyKind)9));
    }

    [Fact]
    public void AnEpisode_RecordsATherapistChangePerSession_AndBelongsToTheLatest()
    {
        Episode srs = TrendTestData.Srs(30, 31, 32, 33);
        Assert.All(srs.Care, c => Assert.Same(CareKeys.None, c));
        Assert.Null(srs.CurrentKey(CareKeyKind.Therapist));

        Episode cared = srs.WithCare(new Dictionary<int, CareKeys>
        {
            [1] = new("T1", "north"),
            [2] = new("T1", "north"),
            [3] = new("T2", "north"),
            [4] = new(null, "north"),
            [99] = new("T9", "nowhere"),   // a session the episode does not hold is ignored
        });

        Assert.Equal(new[] { "T1", "T1", "T2", null }, cared.Care.Select(c => c.Therapist));
        Assert.Equal("T2", cared.CurrentKey(CareKeyKind.Therapist));   // the latest session that records one
        Assert.Equal(new[] { "T1", "T2" }, cared.AllKeys(CareKeyKind.Therapist));
        Assert.Equal(new[] { "north" }, cared.AllKeys(CareKeyKind.Site));
        Assert.Null(cared.CurrentKey(CareKeyKind.Team));
        Assert.Equal(cared.Care.ToArray(), cared.WithReference(null).Care.ToArray());   // a copy keeps its keys
        Assert.Equal(srs.Scores, cared.Scores);
        Assert.Throws<ArgumentNullException>(() => srs.WithCare(null!));
    }

    [Fact]
    public void EpisodeCare_FindsAKeyTheFirstSessionAloneRecords_AndGuardsItsArguments()
    {
        Episode srs = TrendTestData.Srs(30, 31, 32);
        Episode first = srs.WithCare(new Dictionary<int, CareKeys> { [1] = new("T1", "north") });
        Assert.Equal(("T1", "north"), (first.CurrentKey(CareKeyKind.Therapist), first.CurrentKey(CareKeyKind.Site)));
        Assert.Equal(new[] { "T1" }, first.AllKeys(CareKeyKind.Therapist));
        Assert.Throws<ArgumentNullException>(() => EpisodeCare.CurrentKey(null!, CareKeyKind.Therapist));
        Assert.Throws<ArgumentNullException>(() => EpisodeCare.AllKeys(null!, CareKeyKind.Site));
        Assert.Throws<ArgumentOutOfRangeException>(() => first.CurrentKey((CareKeyKind)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => srs.AllKeys((CareKeyKind)7));
    }

    [Fact]
    public void Triage_CarriesEachClientsCurrentKeys_AndFiltersATherapistsOwnList()
    {
        Episode a = Named("A", TrendTestData.Srs(30, 31, 32, 33), ("T1", "north"), ("T1", "north"), ("T2", "north"), ("T2", "north"));
        Episode b = Named("B", TrendTestData.Srs(36, 37, 38, 38), ("T1", "south"), ("T1", "south"), ("T1", "south"), ("T1", "south"));
        ImmutableArray<AllianceReport> reports = EpisodeAnalyzer.Default.AnalyzeCaseload(new[] { a, b });

        ImmutableArray<TriageEntry> clients = CaseloadTriage.Clients(reports);
        TriageEntry entryA = clients.Single(e => e.EpisodeId == "A");
        Assert.Equal(("T2", "north", (string?)null), (entryA.Therapist, entryA.Site, entryA.Team));
        Assert.Equal(new[] { "B" }, CaseloadTriage.For(clients, CareKeyKind.Therapist, "T1").Select(e => e.EpisodeId));
        Assert.Equal(new[] { "A" }, CaseloadTriage.For(CaseloadTriage.Episodes(reports), CareKeyKind.Site, "north").Select(e => e.EpisodeId));
        Assert.Empty(CaseloadTriage.For(clients, CareKeyKind.Therapist, "t1"));   // exact, ordinal
        Assert.DoesNotContain("T2", entryA.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("north", entryA.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SessionTotals_RoundTripTheKeys_ThroughCsv()
    {
        Episode a = Named("A", TrendTestData.Srs(30, 31, 32), ("T1", "north"), ("T2", "north"), ("T2", "north"));
        TidyTable tidy = new[] { a }.ToTidy();
        Assert.Equal("T1", tidy[0, "therapist"]);
        Assert.Equal("north", tidy[2, "site"]);
        Assert.Null(tidy[0, "team"]);

        string path = Path.Combine(_folder, "totals.csv");
        File.WriteAllText(path, TidyCsv.ToCsv(tidy));
        Episode back = Assert.Single(LongFormat.ReadEpisodes(path).GetValueOrThrow()).GetValueOrThrow();
        Assert.Equal(a.Care.ToArray(), back.Care.ToArray());
    }

    [Fact]
    public void SessionTotals_WithNumericKeys_RoundTripAsText()
    {
        Episode a = Named("A", TrendTestData.Srs(30, 31), ("101", "7"), ("101", "7"));
        string path = Path.Combine(_folder, "numeric.csv");
        File.WriteAllText(path, TidyCsv.ToCsv(new[] { a }.ToTidy()));
        Episode back = Assert.Single(LongFormat.ReadEpisodes(path).GetValueOrThrow()).GetValueOrThrow();
        Assert.Equal(a.Care.ToArray(), back.Care.ToArray());
    }

    [Fact]
    public void TheCsvReader_TakesNA_AsNotRecorded()
    {
        string path = Write("episode,session,date,perspective,instrument,therapist,site,1,2,3,4\nE1,1,NA,client,srs,NA,north,9,9,9,9\n".Replace(",NA,client", ",,client", StringComparison.Ordinal), "na.csv");
        Assert.Equal(new CareKeys(site: "north"), Assert.Single(new ResponseFileReader(Catalog, path).Read()).Keys);
    }

    [Fact]
    public void SessionTotals_WithTwoSitesForOneSession_AreABadValueNamingTheColumn_NotAMerge()
    {
        var table = new TidyTable(
            new[] { "episode", "instrument", "perspective", "session", "total", "therapist", "site" },
            new[]
            {
                new object?[] { "e", "srs", "client", 1, 30m, "T1", "north" },
                new object?[] { "e", "ors", "client", 1, 20m, null, "SECRET-south" },
            });
        TableError error = LongFormat.ToEpisodes(table).AsT1;
        Assert.Equal((TableErrorKind.BadValue, (int?)2, "site"), (error.Kind, error.Line, error.Column));
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);

        var bad = new TidyTable(new[] { "episode", "instrument", "perspective", "session", "total", "therapist" }, new[] { new object?[] { "e", "srs", "client", 1, 30m, "SECRET\u202E" } });
        TableError badKey = LongFormat.ToEpisodes(bad).AsT1;
        Assert.Equal("therapist", badKey.Column);
        Assert.DoesNotContain("SECRET", badKey.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCsvReader_ReadsTheKeys_InAnyPosition_AndAFileWithoutThemReadsAsBefore()
    {
        string with = Write("site,episode,session,date,perspective,instrument,item,value,therapist\n" +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"north,E1,1,2026-03-02,client,srs,{i},9,T1\n")));
        Administration read = Assert.Single(new ResponseFileReader(Catalog, with).Read());
        Assert.Equal(new CareKeys("T1", "north"), read.Keys);

        string without = Write("episode,session,date,perspective,instrument,item,value\n" +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"E1,1,2026-03-02,client,srs,{i},9\n")), "plain.csv");
        Assert.Same(CareKeys.None, Assert.Single(new ResponseFileReader(Catalog, without).Read()).Keys);

        string wide = Write("episode,session,date,perspective,instrument,therapist,site,team,1,2,3,4\nE1,1,,client,srs,T1,,red,9,9,9,9\n", "wide.csv");
        Assert.Equal(new CareKeys("T1", null, "red"), Assert.Single(new ResponseFileReader(Catalog, wide).Read()).Keys);
    }

    [Fact]
    public void TheCsvReader_RejectsAnAdministrationWhoseRowsDisagree_OrWhoseKeyIsBad_NamingLineAndColumn_NeverTheKey()
    {
        string path = Write("episode,session,date,perspective,instrument,therapist,item,value\n" +
            "E1,1,,client,srs,T1,1,9\nE1,1,,client,srs,T1,2,9\nE1,1,,client,srs,SECRET-T9,3,9\nE1,1,,client,srs,T1,4,9\n" +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"E2,1,,client,srs,SECRET\u202Ex,{i},9\n")) +
            string.Concat(Enumerable.Range(1, 4).Select(i => $"E3,1,,client,srs,T3,{i},9\n")));
        var reader = new ResponseFileReader(Catalog, path);
        Administration only = Assert.Single(reader.Read());
        Assert.Equal(("E3", "T3"), (only.Episode, only.Keys.Therapist));
        InputProblem[] problems = reader.TakeProblems().ToArray();
        Assert.Equal(new[] { (4L, "therapist"), (6L, "therapist") }, problems.Select(p => (p.Line, p.Column!)));
        Assert.All(problems, p => Assert.DoesNotContain("SECRET", p.ToString(), StringComparison.Ordinal));
        Assert.Equal(8L, reader.RowsRejected);
    }

    [Fact]
    public void ArrowBatches_CarryTheKeys_SharingOneInstancePerCombination()
    {
        RecordBatch batch = new RecordBatch.Builder()
            .Append("episode", false, c => c.String(a => a.Append("e1").Append("e1").Append("e2")))
            .Append("session", false, c => c.Int64(a => a.Append(1).Append(2).Append(1)))
            .Append("perspective", false, c => c.String(a => a.Append("client").Append("client").Append("client")))
            .Append("instrument", false, c => c.String(a => a.Append("srs").Append("srs").Append("srs")))
            .Append("therapist", true, c => c.String(a => a.Append("T1").Append("T1").AppendNull()))
            .Append("site", true, c => c.String(a => a.Append("north").Append("north").Append("")))
            .Append("1", true, c => c.Double(a => a.Append(9).Append(9).Append(9)))
            .Build();
        ResponseBlock block = ColumnarResponses.FromRecordBatches(new[] { batch }, Catalog).GetValueOrThrow().Single();
        Assert.Equal(new CareKeys("T1", "north"), block.Care[0]);
        Assert.Same(block.Care[0], block.Care[1]);
        Assert.Equal(CareKeys.None, block.Care[2]);
    }

    [Fact]
    public void ArrowBatches_WithABadKey_OrLongRowsThatDisagree_AreTypedErrors_NeverQuotingTheKey()
    {
        RecordBatch bad = new RecordBatch.Builder()
            .Append("episode", false, c => c.String(a => a.Append("e1")))
            .Append("session", false, c => c.Int64(a => a.Append(1)))
            .Append("perspective", false, c => c.String(a => a.Append("client")))
            .Append("instrument", false, c => c.String(a => a.Append("srs")))
            .Append("site", true, c => c.String(a => a.Append("SECRET\n")))
            .Append("1", true, c => c.Double(a => a.Append(9)))
            .Build();
        ColumnarError error = ColumnarResponses.FromRecordBatches(new[] { bad }, Catalog).AsT1;
        Assert.Equal((ColumnarErrorKind.BadValue, "site", 1L), (error.Kind, error.Column, error.Row));
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);

        RecordBatch disagree = new RecordBatch.Builder()
            .Append("episode", false, c => c.String(a => a.Append("e1").Append("e1")))
            .Append("session", false, c => c.Int64(a => a.Append(1).Append(1)))
            .Append("perspective", false, c => c.String(a => a.Append("client").Append("client")))
            .Append("instrument", false, c => c.String(a => a.Append("srs").Append("srs")))
            .Append("therapist", true, c => c.String(a => a.Append("SECRET-A").Append("SECRET-B")))
            .Append("item", false, c => c.String(a => a.Append("1").Append("2")))
            .Append("value", true, c => c.Double(a => a.Append(9).Append(9)))
            .Build();
        ColumnarError conflict = ColumnarResponses.FromRecordBatches(new[] { disagree }, Catalog).AsT1;
        Assert.Equal(("therapist", 2L), (conflict.Column, conflict.Row));
        Assert.DoesNotContain("SECRET", conflict.Message, StringComparison.Ordinal);

        RecordBatch numeric = new RecordBatch.Builder()
            .Append("episode", false, c => c.String(a => a.Append("e1")))
            .Append("session", false, c => c.Int64(a => a.Append(1)))
            .Append("perspective", false, c => c.String(a => a.Append("client")))
            .Append("instrument", false, c => c.String(a => a.Append("srs")))
            .Append("therapist", true, c => c.Int64(a => a.Append(7)))
            .Append("1", true, c => c.Double(a => a.Append(9)))
            .Build();
        Assert.Equal((ColumnarErrorKind.WrongType, "therapist"), (ColumnarResponses.FromRecordBatches(new[] { numeric }, Catalog).AsT1.Kind, ColumnarResponses.FromRecordBatches(new[] { numeric }, Catalog).AsT1.Column));
    }

    [Fact]
    public void ScoreRows_WriteTheSessionsKeys()
    {
        AllianceScore score = TrendTestData.Srs(30).Scores[0];
        IReadOnlyList<object?> row = Tidy.ScoreRows("e", score, new CareKeys("T1", "north", "red")).First();
        int at = RowSchemas.Scores.Columns.IndexOf(ResponseFileSchema.Therapist);
        Assert.Equal(new object?[] { "T1", "north", "red" }, row.Skip(at).Take(3));
        Assert.Equal(new object?[] { null, null, null }, Tidy.ScoreRows("e", score).First().Skip(at).Take(3));
    }

    internal static Episode Named(string id, Episode template, params (string Therapist, string Site)[] keys)
    {
        Episode episode = Episode.Create(id, template.Scores, template.Cutoff).GetValueOrThrow();
        return episode.WithCare(keys.Select((k, i) => (Session: episode.Scores[i].Occasion.SessionNumber, Keys: new CareKeys(k.Therapist, k.Site))).ToDictionary(p => p.Session, p => p.Keys));
    }

    private string Write(string text, string name = "responses.csv")
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Tests.Multilevel;

/// <summary>
/// Issue 29, part 4: a site's partial of per-level cross-products, merged with the other sites', fits to the pooled
/// REML fit (1e-9 relative) without a row leaving any site; partials refuse groups under the disclosure minimum.
/// </summary>
public sealed class MixedModelPartialTests
{
    private const string Formula = "post ~ pre + alliance + (1 | site/therapist)";

    /// <summary>A random caseload: 6 sites, 3–6 therapists each, 6–14 clients each; a site and a therapist effect.</summary>
    private static (ModelFrame Frame, string[] Site) Caseload(int seed)
    {
        var random = new Random(seed);
        var post = new List<double>();
        var pre = new List<double>();
        var alliance = new List<double>();
        var site = new List<string>();
        var therapist = new List<string>();
        for (int s = 0; s < 6; s++)
        {
            double siteEffect = Normal(random) * 1.5;
            int therapists = random.Next(3, 7);
            for (int t = 0; t < therapists; t++)
            {
                double therapistEffect = Normal(random) * 2;
                int clients = random.Next(6, 15);
                for (int c = 0; c < clients; c++)
                {
                    double intake = 10 + (random.NextDouble() * 20);
                    double a = 30 + (Normal(random) * 4);
                    pre.Add(intake);
                    alliance.Add(a);
                    post.Add(5 + (0.8 * intake) + (0.2 * a) + siteEffect + therapistEffect + (Normal(random) * 6));
                    site.Add("S" + s.ToString(CultureInfo.InvariantCulture));
                    therapist.Add("T" + t.ToString(CultureInfo.InvariantCulture));
                }
            }
        }

        var frame = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["post"] = post, ["pre"] = pre, ["alliance"] = alliance },
            new Dictionary<string, IReadOnlyList<string?>> { ["site"] = site, ["therapist"] = therapist });
        return (frame, site.ToArray());
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The rows of each part: sites dealt to <paramref name="parts"/> partials.</summary>
    private static ModelFrame[] Split(ModelFrame frame, string[] site, int parts, int seed)
    {
        var random = new Random(seed);
        var owner = site.Distinct().ToDictionary(s => s, _ => random.Next(parts));
        // Every part gets at least one site: deal the first sites in turn.
        foreach (var (s, i) in site.Distinct().Select((s, i) => (s, i)).Take(parts))
        {
            owner[s] = i;
        }

        return Enumerable.Range(0, parts).Select(p => Subset(frame, site.Select(s => owner[s] == p).ToArray())).ToArray();
    }

    private static ModelFrame Subset(ModelFrame frame, bool[] keep) => new(
        frame.NumericColumns.ToDictionary(c => c, c => (IReadOnlyList<double>)frame.NumericColumn(c)!.Value.Where((_, i) => keep[i]).ToArray()),
        frame.FactorColumns.ToDictionary(c => c, c => (IReadOnlyList<string?>)frame.FactorColumn(c)!.Value.Where((_, i) => keep[i]).ToArray()));

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected));

    [Property(MaxTest = 25)]
    public Property MergedSitePartials_FitToThePooledFit(PositiveInt seed, PositiveInt sites)
    {
        int parts = 1 + (sites.Get % 6);
        var (frame, site) = Caseload(seed.Get);
        MixedModelFit pooled = LinearMixedModel.Fit(Formula, frame).GetValueOrThrow();
        var policy = new DisclosurePolicy { MinimumPeople = 6 };
        MixedModelPartial[] partials = Split(frame, site, parts, seed.Get).Select(f => LinearMixedModel.Partial(Formula, f, policy).GetValueOrThrow()).ToArray();
        MixedModelPartial merged = MixedModelPartial.Merge(partials).GetValueOrThrow();
        MixedModelFit fit = LinearMixedModel.FitPartial(merged).GetValueOrThrow();
        string? differs = !Close(pooled.Criterion, fit.Criterion) ? "criterion"
            : pooled.Observations != fit.Observations || !pooled.Groups.SequenceEqual(fit.Groups) ? "groups"
            : pooled.FixedEffects.Zip(fit.FixedEffects).FirstOrDefault(x => x.First.Term != x.Second.Term || !Close(x.First.Estimate, x.Second.Estimate) || !Close(x.First.StandardError, x.Second.StandardError)) is { First: { } f1, Second: { } f2 } ? $"fixed effect {f1.Term}: {f1.Estimate:R} vs {f2.Estimate:R}, SE {f1.StandardError:R} vs {f2.StandardError:R}"
            : pooled.FixedEffects.Zip(fit.FixedEffects).FirstOrDefault(x => Math.Abs(x.First.DegreesOfFreedom - x.Second.DegreesOfFreedom) > 1e-6 * x.First.DegreesOfFreedom) is { First: { } d1, Second: { } d2 } ? $"df {d1.Term}: {d1.DegreesOfFreedom:R} vs {d2.DegreesOfFreedom:R}"
            : pooled.VarianceComponents.Zip(fit.VarianceComponents).FirstOrDefault(x => x.First.Group != x.Second.Group || !Close(x.First.Variance, x.Second.Variance)) is { First: { } v1, Second: { } v2 } ? $"variance {v1.Group}: {v1.Variance:R} vs {v2.Variance:R}"
            : pooled.ConditionalModes.Zip(fit.ConditionalModes).FirstOrDefault(x => x.First.Level != x.Second.Level || !Close(x.First.Mode, x.Second.Mode)) is { First: { } m1, Second: { } m2 } ? $"mode {m1.Group}: {m1.Mode:R} vs {m2.Mode:R}"
            : null;
        bool same = differs is null;
        return same.Label($"{parts} partial(s): {differs}");
    }

    [Fact]
    public void APartial_MatchesThePooledFit_OnTheOracleCaseload_ToLme4()
    {
        // The shared oracle's episodes, one partial per site, merged: lme4's m2 values (1e-5, as the pooled fit).
        string[] lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel", "episodes.csv"));
        string[][] rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var frame = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["post"] = rows.Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)).ToArray(), ["pre"] = rows.Select(r => double.Parse(r[4], CultureInfo.InvariantCulture)).ToArray() },
            new Dictionary<string, IReadOnlyList<string?>> { ["site"] = rows.Select(r => r[0]).ToArray(), ["therapist"] = rows.Select(r => r[1]).ToArray() });
        string[] site = rows.Select(r => r[0]).ToArray();
        // (Some of the oracle's therapists treat fewer than 10 clients: the sites agree on a minimum of 2 here.)
        MixedModelPartial[] partials = site.Distinct().Select(s => LinearMixedModel.Partial("post ~ pre + (1 | site/therapist)", Subset(frame, site.Select(x => x == s).ToArray()), new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow()).ToArray();
        MixedModelFit fit = LinearMixedModel.FitPartial(MixedModelPartial.Merge(partials).GetValueOrThrow()).GetValueOrThrow();
        double expected = double.Parse(File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel", "multilevel-expected.csv")).Single(l => l.StartsWith("m2_site_therapist_reml,reml_criterion,", StringComparison.Ordinal)).Split(',')[2], CultureInfo.InvariantCulture);
        Assert.Equal(expected, fit.Criterion, 1e-5 * expected);
        Assert.Empty(fit.Fitted);

        // Profiles need only the cross-products: the merged fit's intervals are lme4's m12 profile intervals too.
        Dictionary<string, double> profile = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Oracles", "multilevel", "extra-expected.csv"))
            .Where(l => l.StartsWith("m12_profile_site_therapist,ci_", StringComparison.Ordinal)).Select(l => l.Split(','))
            .ToDictionary(f => f[1], f => double.Parse(f[2], CultureInfo.InvariantCulture));
        ImmutableArray<ProfileInterval> intervals = fit.ProfileConfidenceIntervals();
        Assert.Equal(profile.Count / 2, intervals.Length);
        foreach (ProfileInterval interval in intervals)
        {
            Assert.Equal(profile[$"ci_lower[{interval.Parameter}]"], interval.Lower, 5e-5 * Math.Max(1, Math.Abs(interval.Lower)));
            Assert.Equal(profile[$"ci_upper[{interval.Parameter}]"], interval.Upper, 5e-5 * Math.Max(1, Math.Abs(interval.Upper)));
        }
        Assert.Equal("mixed-model partial: 1521 observations, site 6 levels, therapist:site 48 levels", MixedModelPartial.Merge(partials).GetValueOrThrow().ToString());
    }

    [Fact]
    public void APartial_RefusesGroupsUnderTheMinimum_OtherModels_AndCategoricalPredictors()
    {
        var (frame, _) = Caseload(7);
        InvalidMixedModel small = LinearMixedModel.Partial(Formula, frame, new DisclosurePolicy { MinimumPeople = 12 }).AsT1;
        Assert.Equal(MixedModelErrorKind.Disclosure, small.Kind);
        Assert.Contains("fewer than 12 rows", small.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("T0", small.Message, StringComparison.Ordinal);
        Assert.Equal(MixedModelErrorKind.Formula, LinearMixedModel.Partial("post ~ pre + site + (1 | therapist)", frame, new DisclosurePolicy { MinimumPeople = 2 }).AsT1.Kind);
        MixedModelPartial a = LinearMixedModel.Partial(Formula, frame, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow();
        MixedModelPartial b = LinearMixedModel.Partial("post ~ pre + (1 | site/therapist)", frame, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow();
        Assert.Equal(MixedModelErrorKind.Disclosure, MixedModelPartial.Merge(new[] { a, b }).AsT1.Kind);
        Assert.Throws<ArgumentException>(() => MixedModelPartial.Merge(Array.Empty<MixedModelPartial>()));
        // One site alone has one level of 'site': the partial is made, the fit says why it cannot be fitted alone.
        string[] site = frame.FactorColumn("site")!.Value.Select(s => s!).ToArray();
        MixedModelPartial one = LinearMixedModel.Partial(Formula, Subset(frame, site.Select(s => s == "S0").ToArray()), new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow();
        Assert.Equal(MixedModelErrorKind.Groups, LinearMixedModel.FitPartial(one).AsT1.Kind);
    }

    [Property(MaxTest = 15)]
    public Property PartialsThroughTheirFileForm_MergeAndFit_ToTheSameBits(PositiveInt seed, PositiveInt sites)
    {
        // What a site sends is the file: read back, it merges and fits exactly as the partial in memory does.
        int parts = 1 + (sites.Get % 6);
        var (frame, site) = Caseload(seed.Get);
        var policy = new DisclosurePolicy { MinimumPeople = 2 };
        MixedModelPartial[] partials = Split(frame, site, parts, seed.Get).Select(f => LinearMixedModel.Partial(Formula, f, policy).GetValueOrThrow()).ToArray();
        MixedModelPartial[] read = partials.Select(p => MixedModelPartial.FromJson(p.ToJson()).GetValueOrThrow()).ToArray();
        MixedModelFit direct = LinearMixedModel.FitPartial(MixedModelPartial.Merge(partials).GetValueOrThrow()).GetValueOrThrow();
        MixedModelFit viaFiles = LinearMixedModel.FitPartial(MixedModelPartial.Merge(read).GetValueOrThrow()).GetValueOrThrow();
        bool same = direct.Criterion == viaFiles.Criterion
            && direct.FixedEffects.Select(f => f.Estimate).SequenceEqual(viaFiles.FixedEffects.Select(f => f.Estimate))
            && direct.VarianceComponents.Select(c => c.Variance).SequenceEqual(viaFiles.VarianceComponents.Select(c => c.Variance))
            && read.Zip(partials, (a, b) => a.ToJson() == b.ToJson()).All(x => x);
        return same.Label($"{parts} part(s): criterion {direct.Criterion:R} vs {viaFiles.Criterion:R}");
    }

    [Fact]
    public void APartialsFile_ThatIsNotOne_IsAnUnreadableError_ThatQuotesNothingOfIt()
    {
        var (frame, _) = Caseload(3);
        string json = LinearMixedModel.Partial(Formula, frame, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow().ToJson()
            .Replace("\"T1:S", "\"SECRET-LABEL:S", StringComparison.Ordinal);
        Assert.Contains("SECRET-LABEL", json, StringComparison.Ordinal);
        Assert.True(MixedModelPartial.FromJson(json).IsSuccess);
        string Error(string text)
        {
            MixedModelPartialResult result = MixedModelPartial.FromJson(text);
            Assert.False(result.IsSuccess);
            Assert.Equal(MixedModelErrorKind.Unreadable, result.AsT1.Kind);
            Assert.DoesNotContain("SECRET", result.AsT1.Message, StringComparison.Ordinal);
            return result.AsT1.Message;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        string With(string field, string value) => Regex.Replace(json, "\"" + field + "\": (\\[[^\\]]*\\]|[^,\\]\\}\\s]+)", "\"" + field + "\": " + value, RegexOptions.None, TimeSpan.FromSeconds(5));
        Assert.Contains("not valid JSON", Error("{"), StringComparison.Ordinal);
        Assert.Contains("not a partial of this kind", Error("{\"kind\": \"alliance-site-partial\", \"schemaVersion\": \"1.0\"}"), StringComparison.Ordinal);
        Assert.Contains("schema version", Error(json.Replace("\"schemaVersion\": \"1.0\"", "\"schemaVersion\": \"9.0\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("twice", Error(json.Replace("\"rows\": ", "\"rows\": 1, \"rows\": ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("longer than", Error(new string(' ', 16 * 1024 * 1024 + 1)), StringComparison.Ordinal);
        Assert.Contains("rows must be a whole number", Error(With("rows", "-5")), StringComparison.Ordinal);
        Assert.Contains("X'X, X'y and y'y", Error(With("yy", "[1, \"x\"]")), StringComparison.Ordinal);
        Assert.Contains("X'X, X'y and y'y", Error(With("yy", "[1e999, 0]")), StringComparison.Ordinal);
        Assert.Contains("impossible: a sum of squares is negative", Error(With("yy", "[-1, 0]")), StringComparison.Ordinal);
        // A sum of products above √(aa·bb): the kind of matrix no rows can give ([[1, 5], [5, 1]]).
        int p = document.RootElement.GetProperty("fixedEffects").GetArrayLength();
        string xx = "[" + string.Join(", ", Enumerable.Range(0, p * p).Select(i => i / p == i % p ? "1, 0" : "5, 0")) + "]";
        Assert.Contains("Cauchy", Error(With("xx", xx)), StringComparison.Ordinal);
        // Levels whose rows do not add up to the partial's rows; a level given twice; a level's sums cut short.
        Assert.Contains("add up to", Error(json.Replace("\"rows\": " + document.RootElement.GetProperty("rows").GetInt32().ToString(CultureInfo.InvariantCulture) + ",", "\"rows\": 9999,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("Grouping factor 1, level 2", Error(json.Replace("\"S1\"", "\"S0\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("finite numbers", Error(Regex.Replace(json, "\"sums\": \\[", "\"sums\": [1, ", RegexOptions.None, TimeSpan.FromSeconds(5))), StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => MixedModelPartial.FromJson((string)null!));
        // From a stream: read to 16 MiB at most, then refused; a file's bytes read as the text is.
        using (var huge = new MemoryStream(new byte[(16 * 1024 * 1024) + 1]))
        {
            Assert.Contains("longer than", MixedModelPartial.FromJson(huge).AsT1.Message, StringComparison.Ordinal);
        }

        // Regression (found by the service partial's mutation test): a count that is not a number was an exception out of the reader.
        Assert.Contains("rows must be a whole number", Error(With("rows", "\"x\"")), StringComparison.Ordinal);
        Assert.Contains("Grouping factor 1, level 1", Error(Regex.Replace(json, "(\"level\": \"[^\"]+\",\\s*\"rows\": )\\d+", "$1\"x\"", RegexOptions.None, TimeSpan.FromSeconds(5))), StringComparison.Ordinal);

        string written = MixedModelPartial.FromJson(json).GetValueOrThrow().ToJson();   // levels in ordinal order
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(written));
        Assert.Equal(written, MixedModelPartial.FromJson(bytes).GetValueOrThrow().ToJson());
    }

    [Fact]
    public void MutatedPartials_NeverThrow_FromReadingToTheFit()
    {
        // One to three numbers of a valid file scaled, negated, zeroed or made huge: every read is a partial or a typed
        // error, and every partial read merges with itself and fits, or says why not; nothing throws.
        var (frame, _) = Caseload(5);
        string json = LinearMixedModel.Partial(Formula, frame, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow().ToJson();
        var numbers = Regex.Matches(json, "(?<=[\\[\\s:])-?\\d+(\\.\\d+)?(E[-+]?\\d+)?(?=[,\\s\\]])", RegexOptions.None, TimeSpan.FromSeconds(5)).ToArray();
        var random = new Random(29);
        int fitted = 0, refused = 0;
        for (int trial = 0; trial < 150; trial++)
        {
            var chosen = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => numbers[random.Next(numbers.Length)]).DistinctBy(m => m.Index).OrderByDescending(m => m.Index);
            string mutated = json;
            foreach (Match m in chosen)
            {
                string value = random.Next(4) switch
                {
                    0 => "0",
                    1 => m.Value.StartsWith('-') ? m.Value[1..] : "-" + m.Value,
                    2 => (double.Parse(m.Value, CultureInfo.InvariantCulture) * (0.5 + random.NextDouble())).ToString("R", CultureInfo.InvariantCulture),
                    _ => "1e300",
                };
                mutated = mutated[..m.Index] + value + mutated[(m.Index + m.Length)..];
            }

            MixedModelPartialResult read = MixedModelPartial.FromJson(mutated);
            if (!read.IsSuccess)
            {
                refused++;
                Assert.False(string.IsNullOrEmpty(read.AsT1.Message));
                continue;
            }

            MixedModelPartialResult merged = MixedModelPartial.Merge(new[] { read.AsT0, read.AsT0 });
            if (merged.IsSuccess && LinearMixedModel.FitPartial(merged.AsT0) is { IsSuccess: true } fit)
            {
                fitted++;
                _ = fit.AsT0.FixedEffects;
                _ = fit.AsT0.Summary();
            }
        }

        Assert.True(fitted > 0 && refused > 0, $"{fitted} fitted, {refused} refused");
    }

    [Fact]
    public void CrossedFactors_BeyondTheDenseLimit_AreATypedTooLargeError()
    {
        // Two crossed factors of 5,000 and 4,500 levels: the second's block would be dense (4,500² numbers).
        int n = 12000;
        var frame = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["y"] = Enumerable.Range(0, n).Select(i => (double)(i % 7)).ToArray() },
            new Dictionary<string, IReadOnlyList<string?>> { ["a"] = Enumerable.Range(0, n).Select(i => "A" + (i % 5000).ToString(CultureInfo.InvariantCulture)).ToArray(), ["b"] = Enumerable.Range(0, n).Select(i => "B" + (i % 4500).ToString(CultureInfo.InvariantCulture)).ToArray() });
        InvalidMixedModel error = LinearMixedModel.Fit("y ~ 1 + (1 | a) + (1 | b)", frame).AsT1;
        Assert.Equal(MixedModelErrorKind.TooLarge, error.Kind);
        Assert.Contains("4500", error.Message, StringComparison.Ordinal);
        Assert.Equal(4000, LinearMixedModel.MaximumDenseCoefficients);
    }
    [Fact]
    public void ReviewFindings_LabelsWithColons_AGroupNameFromAFile_AndTooManyTerms_AreHandled()
    {
        // Nested labels holding ':': (a = "x:y", b = "z") and (a = "y", b = "z:x") are both named z:x:y, one level
        // (as lme4's pasted interaction); this threw ArgumentException (a duplicate key) before.
        var random = new Random(3);
        int n = 200;
        string[] a = Enumerable.Range(0, n).Select(i => i == 0 ? "x:y" : i == 1 ? "y" : "A" + (i % 10).ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] b = Enumerable.Range(0, n).Select(i => i == 0 ? "z" : i == 1 ? "z:x" : "B" + (i % 4).ToString(CultureInfo.InvariantCulture)).ToArray();
        var frame = new ModelFrame(
            new Dictionary<string, IReadOnlyList<double>> { ["y"] = Enumerable.Range(0, n).Select(i => (i % 10) + random.NextDouble()).ToArray() },
            new Dictionary<string, IReadOnlyList<string?>> { ["a"] = a, ["b"] = b });
        MixedModelFit nested = LinearMixedModel.Fit("y ~ 1 + (1 | b/a)", frame).GetValueOrThrow();
        Assert.Equal(a.Zip(b, (x, z) => x + ":" + z).Distinct(StringComparer.Ordinal).Count(), nested.Groups.Single(g => g.Key == "a:b").Value);
        Assert.True(LinearMixedModel.Partial("y ~ 1 + (1 | b/a)", frame, new DisclosurePolicy { MinimumPeople = 1 }).IsSuccess);

        // A group name read from a partial is cleaned before it reaches a message (no escape code, no line break).
        var (caseload, _) = Caseload(4);
        string json = LinearMixedModel.Partial("post ~ pre + (1 | therapist)", caseload, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow().ToJson();
        string one = Regex.Replace(json, "\"levels\": \\[.*\\]\\s*\\}\\s*\\]", "\"levels\": [{\"level\": \"L\", \"rows\": ROWS, \"sums\": SUMS}]}]", RegexOptions.Singleline, TimeSpan.FromSeconds(5));
        using (JsonDocument document = JsonDocument.Parse(json))
        {
            JsonElement level = document.RootElement.GetProperty("factors")[0].GetProperty("levels")[0];
            int rows = document.RootElement.GetProperty("rows").GetInt32();
            one = one.Replace("ROWS", rows.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal).Replace("SUMS", level.GetProperty("sums").GetRawText(), StringComparison.Ordinal)
                .Replace("\"group\": \"therapist\"", "\"group\": \"evil\\u001b[31mRED\\nsecond\"", StringComparison.Ordinal);
        }

        MixedModelPartial hostile = MixedModelPartial.FromJson(one).GetValueOrThrow();
        string message = LinearMixedModel.FitPartial(hostile).AsT1.Message;
        Assert.DoesNotContain("\u001b", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);

        // More than 20 coefficients for one factor: TooLarge from a formula, Unreadable from a file.
        var wide = new ModelFrame(
            Enumerable.Range(0, 22).ToDictionary(c => "x" + c.ToString(CultureInfo.InvariantCulture), c => (IReadOnlyList<double>)Enumerable.Range(0, 300).Select(_ => random.NextDouble()).ToArray()),
            new Dictionary<string, IReadOnlyList<string?>> { ["g"] = Enumerable.Range(0, 300).Select(i => (string?)("G" + (i % 5).ToString(CultureInfo.InvariantCulture))).ToArray() });
        string slopes = string.Join(" + ", Enumerable.Range(1, 21).Select(c => "x" + c.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(MixedModelErrorKind.TooLarge, LinearMixedModel.Fit("x0 ~ 1 + (1 + " + slopes + " | g)", wide).AsT1.Kind);
        string tooWide = LinearMixedModel.Partial("x0 ~ 1 + (1 + " + slopes + " | g)", wide, new DisclosurePolicy { MinimumPeople = 2 }).GetValueOrThrow().ToJson();
        Assert.Contains("at most 20", MixedModelPartial.FromJson(tooWide).AsT1.Message, StringComparison.Ordinal);
        Assert.Equal(20, LinearMixedModel.MaximumTermsPerFactor);
    }
}

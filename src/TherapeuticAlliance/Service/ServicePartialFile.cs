using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The file form of a <see cref="ServicePartial"/>: the partials' shared envelope (<c>kind</c> <c>service-partial</c>,
/// <c>schemaVersion</c>), then <c>settings</c>, <c>episodes</c>, <c>sites</c>, the severity <c>regression</c>'s sums,
/// the benchmark <c>groups</c> (each with its <c>counts</c> and <c>sums</c> in the order of <see cref="CountNames"/> and
/// <see cref="SumNames"/>), <c>withheldGroups</c>, the <c>outcome</c> and <c>alliance</c> model parts (each with its
/// nested mixed-model partial) and the <c>dependability</c> cells. Reading checks the envelope, then every shape,
/// count and number, and that the sums are possible; a message names a field and a position, never a value or label.
/// </summary>
internal static class ServicePartialFile
{
    internal const string Kind = "service-partial";

    internal const string SchemaVersion = "1.0";

    /// <summary>The counts of a group, in the file's order.</summary>
    internal static readonly string[] CountNames = { "episodes", "paired", "alliances", "improved", "deteriorated", "cases", "recovered", "reliablyRecovered", "targets", "reached", "adjusted" };

    /// <summary>The sums of a group, in the file's order; then the adjusted episodes' regressor sums (intake, then each case-mix covariate).</summary>
    internal static readonly string[] SumNames = { "sumAlliance", "sumChange", "meanIntake", "meanFinal", "m2Intake", "m2Final", "coMoment", "sumY" };

    private const int MaximumLabel = 1000;

    /// <summary>The most episodes a partial (or a merge of partials) holds: 10⁹, so that no count, sum of counts or rounded count overflows.</summary>
    internal const int MaximumEpisodes = 1_000_000_000;

    /// <summary>The largest magnitude of a number read: 1e150, so that sums of merged partials and their squares stay finite.</summary>
    private const double MaximumMagnitude = 1e150;

    private static readonly string[] SiteAndTherapist = { "site", "therapist" };

    private static readonly string[] TherapistAlone = { "therapist" };

    private const int MaximumCovariates = 100;

    internal static string Write(ServicePartial partial) => PartialEnvelope.Write(Kind, SchemaVersion, json =>
    {
        ServiceOptions s = partial.Settings;
        json.WriteStartObject("settings");
        json.WriteString("outcomeInstrument", s.OutcomeInstrument);
        json.WriteString("allianceInstrument", s.AllianceInstrument);
        json.WriteBoolean("higherIsBetter", s.HigherIsBetter);
        json.WriteNumber("reliableChange", s.ReliableChange);
        json.WriteNumber("clinicalCutoff", s.ClinicalCutoff);
        json.WriteStartArray("caseMix");
        foreach (string name in s.CaseMix)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteNumber("minimumPeople", s.Policy.MinimumPeople);
        json.WriteBoolean("suppressSmallCounts", s.Policy.SuppressSmallCounts);
        json.WriteNumber("roundCountsTo", s.Policy.RoundCountsTo);
        json.WriteEndObject();
        json.WriteNumber("episodes", partial.Episodes);
        json.WriteNumber("sites", partial.Sites);
        SeverityRegression r = partial.Benchmarks.Regression;
        json.WriteStartObject("regression");
        json.WriteNumber("count", r.Count);
        Numbers(json, "means", r.Means);
        Numbers(json, "coMoments", r.CoMoments);
        json.WriteEndObject();
        json.WriteStartArray("groups");
        Group(json, ServiceGrouping.Caseload, null, partial.Benchmarks.Caseload);
        for (int g = 0; g < BenchmarkTotals.Groupings.Length; g++)
        {
            foreach (KeyValuePair<string, BenchmarkSums> group in partial.Benchmarks.Groups[g].OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                Group(json, BenchmarkTotals.Groupings[g], group.Key, group.Value);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("withheldGroups");
        foreach (int w in partial.WithheldGroups)
        {
            json.WriteNumberValue(w);
        }

        json.WriteEndArray();
        Part(json, partial.Outcome);
        Part(json, partial.Alliance);
        DependabilitySums d = partial.Dependability;
        json.WriteStartObject("dependability");
        json.WriteNumber("clients", d.Clients);
        json.WriteNumber("ratings", d.Ratings);
        json.WriteNumber("within", d.Within);
        json.WriteNumber("withheld", partial.WithheldDependability);
        json.WriteStartArray("therapists");
        foreach (KeyValuePair<string, Dictionary<int, DependabilitySums.Cell>> therapist in d.ByTherapist.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("therapist", therapist.Key);
            Cells(json, therapist.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("unassigned");
        Cells(json, d.Unassigned);
        json.WriteEndObject();
        json.WriteEndObject();
    });

    internal static (ServicePartial? Partial, string? Problem) Read(string json)
    {
        using JsonDocument? document = PartialEnvelope.Open(json, Kind, SchemaVersion, 16, out string? problem);
        if (document is null)
        {
            return (null, problem);
        }

        try
        {
            return (Parse(document.RootElement), null);
        }
        catch (BadPartial bad)
        {
            return (null, bad.Message);
        }
    }

    private static ServicePartial Parse(JsonElement root)
    {
        ServiceOptions settings = Settings(Object(root, "settings"));
        int p = 1 + settings.CaseMix.Length;
        int episodes = Int(root, "episodes", 1);
        int sites = Int(root, "sites", 1);
        if (episodes > MaximumEpisodes || sites > episodes)
        {
            throw new BadPartial("'episodes' is at most 1,000,000,000, and 'sites' at most the episodes.");
        }

        JsonElement regressionElement = Object(root, "regression");
        var regression = new SeverityRegression(p) { Count = Int(regressionElement, "count", 0) };
        Copy(Finite(regressionElement, "means", p + 1, "regression"), regression.Means);
        Copy(Finite(regressionElement, "coMoments", (p + 1) * (p + 1), "regression"), regression.CoMoments);
        CheckCoMoments(regression, p + 1);
        var totals = new BenchmarkTotals(p);
        totals.Regression.Merge(regression);
        bool caseload = false;
        int position = 0;
        foreach (JsonElement group in Array(root, "groups", "groups"))
        {
            position++;
            string where = "group " + position.ToString(CultureInfo.InvariantCulture);
            if (group.ValueKind != JsonValueKind.Object)
            {
                throw new BadPartial(where + " is not an object.");
            }

            string? code = PartialEnvelope.Text(group, "grouping");
            int g = System.Array.FindIndex(BenchmarkTotals.Groupings, x => ServiceCodes.ToCode(x) == code);
            if (code != ServiceCodes.ToCode(ServiceGrouping.Caseload) && g < 0)
            {
                throw new BadPartial(where + "'s grouping must be caseload, site, therapist or month.");
            }

            BenchmarkSums sums = Sums(group, p, where);
            if (g < 0)
            {
                if (caseload || group.TryGetProperty("group", out _))
                {
                    throw new BadPartial(where + ": the caseload's group is given once and has no name.");
                }

                caseload = true;
                totals.Caseload.Merge(sums);
                continue;
            }

            string name = Label(group, "group", where);
            if (BenchmarkTotals.Groupings[g] == ServiceGrouping.Month && !IsMonth(name))
            {
                throw new BadPartial(where + ": a month group is named yyyy-MM.");
            }

            if (totals.Groups[g].ContainsKey(name))
            {
                throw new BadPartial(where + " repeats a group of its grouping.");
            }

            totals.Group(g, name).Merge(sums);
        }

        if (!caseload || totals.Caseload.Episodes != episodes)
        {
            throw new BadPartial("The groups need the caseload's, with as many episodes as the partial.");
        }

        BenchmarkSums whole = totals.Caseload;
        foreach (BenchmarkSums group in totals.Groups.SelectMany(g => g.Values))
        {
            if (group.Episodes > whole.Episodes || group.Paired > whole.Paired || group.Alliances > whole.Alliances || group.Adjusted > whole.Adjusted || group.Cases > whole.Cases || group.Targets > whole.Targets)
            {
                throw new BadPartial("A group holds more episodes, pairs, rated episodes, cases or targets than the caseload.");
            }
        }

        double Scale(double v) => Math.Max(1, Math.Abs(v));
        bool meansAgree = regression.Count == whole.Adjusted && (whole.Adjusted == 0
            || (Enumerable.Range(0, p).All(a => Math.Abs(regression.Means[a] - (whole.SumX[a] / whole.Adjusted)) <= 1e-6 * Scale(regression.Means[a]))
                && Math.Abs(regression.Means[p] - (whole.SumY / whole.Adjusted)) <= 1e-6 * Scale(regression.Means[p])));
        if (!meansAgree || (regression.Count == 1 && regression.CoMoments.Any(c => c != 0)))
        {
            throw new BadPartial("regression: its count and means disagree with the caseload's adjusted episodes and sums.");
        }

        int[] withheld = Array(root, "withheldGroups", "withheldGroups").Select(e => Whole(e, out int w) && w >= 0 && w <= episodes ? w : throw new BadPartial("withheldGroups holds whole numbers, 0 to the episodes.")).ToArray();
        if (withheld.Length != BenchmarkTotals.Groupings.Length)
        {
            throw new BadPartial("withheldGroups holds three counts: sites, therapists and months.");
        }

        ModelPart outcome = Part(root, ServiceMeasure.Outcome, episodes, settings);
        ModelPart alliance = Part(root, ServiceMeasure.Alliance, episodes, settings);
        (DependabilitySums dependability, int withheldDependability) = Dependability(Object(root, "dependability"));
        if (dependability.Clients > whole.Alliances || withheldDependability > episodes)
        {
            throw new BadPartial("dependability: more rated clients than the caseload's rated episodes, or more withheld than episodes.");
        }

        if (outcome.SitesWithout > sites || alliance.SitesWithout > sites || outcome.Used > whole.Paired || alliance.Used > whole.Alliances)
        {
            throw new BadPartial("A model part holds more sites without a model than site partials, or more rows than the caseload's pairs or rated episodes.");
        }

        return new ServicePartial(settings, episodes, totals, withheld.ToImmutableArray(), outcome, alliance, dependability, withheldDependability, sites);
    }

    private static ServiceOptions Settings(JsonElement s)
    {
        string outcome = PartialEnvelope.Text(s, "outcomeInstrument") is { } o && IsInstrumentName(o) ? o : throw new BadPartial("settings: outcomeInstrument must be an instrument identifier (1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit).");
        string alliance = PartialEnvelope.Text(s, "allianceInstrument") is { } a && IsInstrumentName(a) ? a : throw new BadPartial("settings: allianceInstrument must be an instrument identifier (1 to 100 letters, digits, '-', '_' or '.', starting with a letter or digit).");
        bool higher = Bool(s, "higherIsBetter", "settings");
        bool suppress = Bool(s, "suppressSmallCounts", "settings");
        double change = Number(s, "reliableChange", "settings");
        double cutoff = Number(s, "clinicalCutoff", "settings");
        string[] mix = Array(s, "caseMix", "settings").Select(e => e.ValueKind == JsonValueKind.String && ServiceOptions.IsCovariateName(e.GetString()) ? e.GetString()! : throw new BadPartial("settings: each caseMix entry must be a covariate name: " + ServiceOptions.CovariateNameRule + ".")).ToArray();
        if (mix.Length > MaximumCovariates || mix.Distinct(StringComparer.Ordinal).Count() != mix.Length)
        {
            throw new BadPartial("settings: caseMix names at most 100 distinct covariates.");
        }

        var options = ServiceOptions.Default with
        {
            OutcomeInstrument = outcome,
            AllianceInstrument = alliance,
            HigherIsBetter = higher,
            ReliableChange = change,
            ClinicalCutoff = cutoff,
            CaseMix = mix.ToImmutableArray(),
            Policy = new DisclosurePolicy { MinimumPeople = Int(s, "minimumPeople", 1), SuppressSmallCounts = suppress, RoundCountsTo = Int(s, "roundCountsTo", 1) },
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException)
        {
            throw new BadPartial("settings: the reliable change, cutoff or disclosure policy breaks the options' rules (docs/service.md).");
        }

        return options;
    }

    private static BenchmarkSums Sums(JsonElement group, int p, string where)
    {
        JsonElement[] counts = Array(group, "counts", where);
        if (counts.Length != CountNames.Length)
        {
            throw new BadPartial(where + ": counts holds " + CountNames.Length.ToString(CultureInfo.InvariantCulture) + " whole numbers (" + string.Join(", ", CountNames) + ").");
        }

        int[] c = counts.Select(e => Whole(e, out int v) && v >= 0 ? v : throw new BadPartial(where + ": each count is a whole number, 0 or more.")).ToArray();
        double[] v = Finite(group, "sums", SumNames.Length + p, where);
        var sums = new BenchmarkSums(p)
        {
            Episodes = c[0], Paired = c[1], Alliances = c[2], Improved = c[3], Deteriorated = c[4], Cases = c[5], Recovered = c[6], ReliablyRecovered = c[7], Targets = c[8], Reached = c[9], Adjusted = c[10],
            SumAlliance = v[0], SumChange = v[1], MeanIntake = v[2], MeanFinal = v[3], M2Intake = v[4], M2Final = v[5], CoMoment = v[6], SumY = v[7],
        };
        Copy(v.Skip(SumNames.Length).ToArray(), sums.SumX);
        bool consistent = sums.Episodes >= 1 && sums.Paired <= sums.Episodes && sums.Alliances <= sums.Episodes && (long)sums.Improved + sums.Deteriorated <= sums.Paired
            && sums.Cases <= sums.Paired && sums.Recovered <= sums.Cases && sums.ReliablyRecovered <= sums.Recovered && sums.Targets <= sums.Paired && sums.Reached <= sums.Targets
            && sums.Adjusted <= sums.Paired && sums.M2Intake >= 0 && sums.M2Final >= 0
            && Math.Abs(sums.CoMoment) <= (Math.Sqrt(sums.M2Intake * sums.M2Final) * (1 + 1e-9)) + 1e-300
            && (sums.Paired > 0 || (sums.MeanIntake == 0 && sums.MeanFinal == 0 && sums.M2Intake == 0 && sums.M2Final == 0 && sums.SumChange == 0))
            && (sums.Alliances > 0 || sums.SumAlliance == 0) && (sums.Adjusted > 0 || (sums.SumY == 0 && sums.SumX.All(x => x == 0)));
        return consistent ? sums : throw new BadPartial(where + ": its counts or sums are impossible (more pairs than episodes, more recoveries than cases, a negative sum of squares, a co-moment past the Cauchy–Schwarz bound, or sums without episodes).");
    }

    private static void CheckCoMoments(SeverityRegression regression, int w)
    {
        double[] m = regression.CoMoments;
        for (int a = 0; a < w; a++)
        {
            for (int b = 0; b < w; b++)
            {
                double bound = Math.Sqrt(Math.Max(0, m[(a * w) + a]) * Math.Max(0, m[(b * w) + b]));
                if (m[(a * w) + a] < 0 || Math.Abs(m[(a * w) + b] - m[(b * w) + a]) > 1e-9 * Math.Max(1, bound) || Math.Abs(m[(a * w) + b]) > (bound * (1 + 1e-9)) + 1e-300)
                {
                    throw new BadPartial("regression: its co-moments are impossible (not symmetric, a negative sum of squares, or a co-moment past the Cauchy–Schwarz bound).");
                }
            }
        }

        if (regression.Count == 0 && (regression.Means.Any(x => x != 0) || m.Any(x => x != 0)))
        {
            throw new BadPartial("regression: sums without episodes.");
        }
    }

    private static ModelPart Part(JsonElement root, ServiceMeasure measure, int episodes, ServiceOptions settings)
    {
        string code = ServiceCodes.ToCode(measure);
        JsonElement e = Object(root, code);
        int used = Int(e, "used", 0), total = Int(e, "total", 0), withheld = Int(e, "withheldTherapists", 0), without = Int(e, "sitesWithout", 0);
        if (withheld > episodes)
        {
            throw new BadPartial(code + ": more withheld therapists than episodes.");
        }

        var therapists = ImmutableArray.CreateBuilder<(string, string?, int)>();
        var seen = new HashSet<(string, string?)>();
        int position = 0;
        foreach (JsonElement t in Array(e, "therapists", code))
        {
            position++;
            string where = code + ": therapist " + position.ToString(CultureInfo.InvariantCulture);
            string therapist = Label(t, "therapist", where);
            string? site = t.TryGetProperty("site", out JsonElement s) && s.ValueKind == JsonValueKind.Null ? null : Label(t, "site", where);
            int clients = Int(t, "clients", 1);
            if (!seen.Add((therapist, site)))
            {
                throw new BadPartial(where + " repeats a therapist and site.");
            }

            therapists.Add((therapist, site, clients));
        }

        MixedModelPartial? model = null;
        if (e.TryGetProperty("model", out JsonElement m) && m.ValueKind != JsonValueKind.Null)
        {
            (LmmCrossProducts? products, string? problemOfModel) = MixedModelPartialFile.Read(m.GetRawText());
            model = products is null ? throw new BadPartial(code + ": its model partial is unreadable: " + problemOfModel) : MixedModelPartial.FromProducts(products);
            if (!IsServiceModel(products, measure, settings) || !Bounded(products))
            {
                throw new BadPartial(code + ": its model partial is not the service view's model for this measure and these settings (formula, fixed effects, grouping factors or their levels).");
            }

            LmmCrossProducts.Term levels = products.Terms.Single(t => t.Group == "therapist");
            var perTherapist = therapists.GroupBy(t => t.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(t => (long)t.Item3), StringComparer.Ordinal);
            if (levels.Levels.Count != perTherapist.Count || perTherapist.Any(t => !levels.Levels.TryGetValue(t.Key, out LmmCrossProducts.Level? level) || level.Rows != t.Value))
            {
                throw new BadPartial(code + ": its therapists' clients disagree with its model partial's therapist levels.");
            }

            if (products.Terms.FirstOrDefault(t => t.Group == "site") is { } siteTerm && therapists.Any(t => t.Item2 is not { } site || !siteTerm.Levels.ContainsKey(site)))
            {
                throw new BadPartial(code + ": a therapist's site is not a site of its model partial.");
            }
        }

        long clientsSum = therapists.Sum(t => (long)t.Item3);
        bool consistent = total == episodes && used <= total && clientsSum == used && (model is null ? used == 0 : model.Observations == used && model.Groups.Any(g => g.Key == "therapist"));
        return consistent
            ? new ModelPart(measure, model, therapists.ToImmutable(), used, total, withheld, without, null)
            : throw new BadPartial(code + ": its counts disagree (episodes used, the therapists' clients, the model's rows and the partial's episodes must agree).");
    }

    private static (DependabilitySums, int) Dependability(JsonElement e)
    {
        var sums = new DependabilitySums { Clients = Int(e, "clients", 0), Within = Number(e, "within", "dependability") };
        sums.Ratings = e.TryGetProperty("ratings", out JsonElement r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out long ratings) && ratings >= 0 && ratings <= PartialCounts.Maximum ? ratings : throw new BadPartial("dependability: ratings is a whole number, 0 or more.");
        int withheld = Int(e, "withheld", 0);
        int position = 0;
        foreach (JsonElement t in Array(e, "therapists", "dependability"))
        {
            position++;
            string where = "dependability: therapist " + position.ToString(CultureInfo.InvariantCulture);
            string therapist = Label(t, "therapist", where);
            if (sums.ByTherapist.ContainsKey(therapist))
            {
                throw new BadPartial(where + " repeats a therapist.");
            }

            ReadCells(t, sums.CellsOf(therapist), where);
        }

        ReadCells(Object(e, "unassigned"), sums.Unassigned, "dependability: unassigned");
        var all = sums.ByTherapist.Values.SelectMany(c => c).Concat(sums.Unassigned).ToArray();
        sums.Repeated = all.Any(c => c.Key > 1);
        bool consistent = sums.Within >= 0 && all.Sum(c => (long)c.Value.Count) == sums.Clients && all.Sum(c => (long)c.Key * c.Value.Count) == sums.Ratings && (sums.Repeated || sums.Within == 0);
        return consistent ? (sums, withheld) : throw new BadPartial("dependability: its cells disagree with its clients, ratings or within-client sum of squares.");
    }

    private static void ReadCells(JsonElement e, Dictionary<int, DependabilitySums.Cell> cells, string where)
    {
        foreach (JsonElement cell in Array(e, "cells", where))
        {
            JsonElement[] v = cell.ValueKind == JsonValueKind.Array ? cell.EnumerateArray().ToArray() : System.Array.Empty<JsonElement>();
            if (v.Length != 4 || !Whole(v[0], out int n) || n < 1 || !Whole(v[1], out int count) || count < 1 || !Finite(v[2], out double mean) || !Finite(v[3], out double spread) || spread < 0 || (count == 1 && spread != 0) || cells.ContainsKey(n))
            {
                throw new BadPartial(where + ": each cell is [ratings ≥ 1, clients ≥ 1, mean, spread ≥ 0], once per number of ratings.");
            }

            cells[n] = new DependabilitySums.Cell { Count = count, Mean = mean, Spread = spread };
        }
    }

    /// <summary>Whether nested cross-products are of the model <see cref="ModelRows"/> builds for the measure and settings, with or without sites: so no text of the file (a formula, a name) reaches a message or a table.</summary>
    private static bool IsServiceModel(LmmCrossProducts products, ServiceMeasure measure, ServiceOptions settings)
    {
        bool outcome = measure == ServiceMeasure.Outcome;
        var fixedNames = new List<string> { "(Intercept)" };
        if (outcome)
        {
            fixedNames.Add("intake");
        }

        fixedNames.AddRange(settings.CaseMix);
        bool sites = products.Terms.Length == 2;
        return products.Formula == ModelRows.Formula(measure, settings, sites) && products.FixedNames.SequenceEqual(fixedNames, StringComparer.Ordinal)
            && products.Terms.Select(t => t.Group).SequenceEqual(sites ? SiteAndTherapist : TherapistAlone, StringComparer.Ordinal) && products.Terms.All(t => t.Names.Length == 1 && t.Names[0] == "(Intercept)" && !t.Uncorrelated);
    }

    private static void Group(Utf8JsonWriter json, ServiceGrouping grouping, string? name, BenchmarkSums s)
    {
        json.WriteStartObject();
        json.WriteString("grouping", ServiceCodes.ToCode(grouping));
        if (name is not null)
        {
            json.WriteString("group", name);
        }

        json.WriteStartArray("counts");
        foreach (int c in new[] { s.Episodes, s.Paired, s.Alliances, s.Improved, s.Deteriorated, s.Cases, s.Recovered, s.ReliablyRecovered, s.Targets, s.Reached, s.Adjusted })
        {
            json.WriteNumberValue(c);
        }

        json.WriteEndArray();
        Numbers(json, "sums", new[] { s.SumAlliance, s.SumChange, s.MeanIntake, s.MeanFinal, s.M2Intake, s.M2Final, s.CoMoment, s.SumY }.Concat(s.SumX).ToArray());
        json.WriteEndObject();
    }

    private static void Part(Utf8JsonWriter json, ModelPart part)
    {
        json.WriteStartObject(ServiceCodes.ToCode(part.Measure));
        json.WriteNumber("used", part.Used);
        json.WriteNumber("total", part.Total);
        json.WriteNumber("withheldTherapists", part.WithheldTherapists);
        json.WriteNumber("sitesWithout", part.SitesWithout);
        json.WriteStartArray("therapists");
        foreach (var (therapist, site, clients) in part.Therapists.OrderBy(t => t.Therapist, StringComparer.Ordinal).ThenBy(t => t.Site, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("therapist", therapist);
            if (site is null)
            {
                json.WriteNull("site");
            }
            else
            {
                json.WriteString("site", site);
            }

            json.WriteNumber("clients", clients);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WritePropertyName("model");
        if (part.Model is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteRawValue(part.Model.ToJson());
        }

        json.WriteEndObject();
    }

    private static void Cells(Utf8JsonWriter json, Dictionary<int, DependabilitySums.Cell> cells)
    {
        json.WriteStartArray("cells");
        foreach (KeyValuePair<int, DependabilitySums.Cell> cell in cells.OrderBy(c => c.Key))
        {
            json.WriteStartArray();
            json.WriteNumberValue(cell.Key);
            json.WriteNumberValue(cell.Value.Count);
            json.WriteNumberValue(cell.Value.Mean);
            json.WriteNumberValue(cell.Value.Spread);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string name, double[] values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static JsonElement Object(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Object ? v : throw new BadPartial("The partial needs '" + name + "' as an object.");

    private static JsonElement[] Array(JsonElement e, string name, string where) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray().ToArray() : throw new BadPartial(where + ": '" + name + "' must be an array.");

    private static int Int(JsonElement e, string name, int minimum) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && Whole(v, out int i) && i >= minimum ? i : throw new BadPartial("'" + name + "' must be a whole number, " + minimum.ToString(CultureInfo.InvariantCulture) + " or more.");

    private static bool Bool(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : throw new BadPartial(where + ": '" + name + "' must be true or false.");

    private static double Number(JsonElement e, string name, string where) =>
        e.TryGetProperty(name, out JsonElement v) && Finite(v, out double d) ? d : throw new BadPartial(where + ": '" + name + "' must be a finite number.");

    /// <summary>Whether every number of nested cross-products is at most <see cref="MaximumMagnitude"/> in size.</summary>
    private static bool Bounded(LmmCrossProducts products)
    {
        static bool Small(double[] values) => values.All(v => Math.Abs(v) <= MaximumMagnitude);
        return Small(products.XX.ToPairs()) && Small(products.XY.ToPairs()) && Small(products.YY.ToPairs())
            && products.Terms.All(t => t.Levels.Values.All(l => Small(l.Store)))
            && products.Cross.Values.All(blocks => blocks.Values.All(b => Small(b.ToPairs())));
    }

    private static bool IsInstrumentName(string name) =>
        name.Length is > 0 and <= 100 && AsciiLetterOrDigit(name[0]) && name.All(c => AsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static bool AsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    private static bool IsMonth(string name) =>
        name.Length == 7 && name[4] == '-' && DateTime.TryParseExact(name, ServiceCodes.MonthFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool Whole(JsonElement e, out int value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }

    private static bool Finite(JsonElement e, out double value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out value) && Math.Abs(value) <= MaximumMagnitude;
    }

    private static double[] Finite(JsonElement e, string name, int length, string where)
    {
        JsonElement[] values = Array(e, name, where);
        if (values.Length != length)
        {
            throw new BadPartial(where + ": '" + name + "' must hold " + length.ToString(CultureInfo.InvariantCulture) + " numbers.");
        }

        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (!Finite(values[i], out result[i]))
            {
                throw new BadPartial(where + ": '" + name + "' holds finite numbers only, each at most 1e150 in size.");
            }
        }

        return result.Length == length ? result : throw new BadPartial(where + ": '" + name + "' must hold " + length.ToString(CultureInfo.InvariantCulture) + " numbers.");
    }

    private static string Label(JsonElement e, string name, string where) =>
        e.ValueKind == JsonValueKind.Object && PartialEnvelope.Text(e, name) is { Length: > 0 and <= MaximumLabel } label ? label : throw new BadPartial(where + ": '" + name + "' must be a label of 1 to 1,000 characters.");

    private static void Copy(double[] from, double[] to) => System.Array.Copy(from, to, to.Length);

    /// <summary>A problem found while reading; its message names fields and positions only.</summary>
    private sealed class BadPartial(string message) : Exception(message);
}

using System.Reflection;
using TherapeuticAlliance.Charts;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Tests.Trends;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tests.Display;

/// <summary>
/// The results' HTML fragments: their numbers, escaping, no script or network, determinism, and the .NET Interactive
/// formatter convention (found by name, as the kernel finds it) giving the same HTML as <see cref="HtmlRendering.ToHtml"/>.
/// </summary>
public class HtmlRenderingTests
{
    private static IccAnalysis ShroutFleiss() => Agreement.IntraclassCorrelations(ResponseMatrix.FromRows(new IReadOnlyList<double>[]
    {
        new double[] { 9, 2, 5, 8 }, new double[] { 6, 1, 3, 2 }, new double[] { 8, 4, 6, 8 },
        new double[] { 7, 1, 2, 6 }, new double[] { 10, 5, 6, 9 }, new double[] { 6, 2, 4, 7 },
    })).GetValueOrThrow();

    public static TheoryData<string> Renderables => new() { "score", "alpha", "instrument", "icc", "bland-altman", "agreement", "report", "triage", "model", "mixed" };

    private static IHtmlRenderable Create(string kind) => kind switch
    {
        "score" => ScoringStrategies.Sum.Score(AllianceInstruments.Srs.CreateAssessment(Perspective.Client, Occasion.Session(3), 8.8m, 9.1m, 9.0m, 9.1m).GetValueOrThrow()).GetValueOrThrow(),
        "alpha" => Reliability.CronbachAlpha(ResponseMatrix.FromRows(new IReadOnlyList<double>[] { new double[] { 1, 2, 3 }, new double[] { 2, 3, 3 }, new double[] { 4, 4, 5 } })).GetValueOrThrow(),
        "instrument" => Reliability.ForInstrument(AllianceInstruments.Srs, ResponseMatrix.FromRows(new IReadOnlyList<double>[] { new double[] { 1, 2, 3, 4 }, new double[] { 2, 3, 3, 5 }, new double[] { 4, 4, 5, 6 } })).GetValueOrThrow(),
        "icc" => ShroutFleiss(),
        "bland-altman" => Agreement.BlandAltman(new[] { 10.0, 12, 14, 16 }, new[] { 9.0, 12, 13, 17 }).GetValueOrThrow(),
        "agreement" => Agreement.ClientTherapist(new[] { (30m, 32m), (25m, 24m), (35m, 36m), (20m, 23m) }.Select((p, i) => (Score(p.Item1, Perspective.Client, i + 1), Score(p.Item2, Perspective.Therapist, i + 1)))).GetValueOrThrow(),
        "report" => EpisodeAnalyzer.Default.Analyze(TrendTestData.Srs(38, 39, 40, 30, 31, 30.5)),
        "triage" => CaseloadTriage.Clients(new[] { EpisodeAnalyzer.Default.Analyze(TrendTestData.Srs(38, 39, 40, 30, 31, 30.5)) })[0],
        "model" => ExpectedResponseModel.FromParameters("ors", ScoreMetric.Sum, 5.0, 0.8, 2.5, 4.0, coverage: 0.95),
        "mixed" => LinearMixedModel.Fit("post ~ pre + (1 | therapist)", TherapistFrame(8)).GetValueOrThrow(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Six clients per therapist; the therapist's effect is its number's distance from the middle, so the fit is not singular.</summary>
    private static ModelFrame TherapistFrame(int therapists)
    {
        var pre = new List<double>();
        var post = new List<double>();
        var therapist = new List<string?>();
        for (int t = 0; t < therapists; t++)
        {
            for (int c = 0; c < 6; c++)
            {
                double intake = 10 + ((t * 7 + c * 5) % 17);
                pre.Add(intake);
                post.Add(4 + (0.8 * intake) + (1.5 * ((t % 5) - 2)) + (((c * 13) + t) % 7) - 3);
                therapist.Add("SECRET-T" + t.ToString("000", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new ModelFrame(new Dictionary<string, IReadOnlyList<double>> { ["pre"] = pre, ["post"] = post }, new Dictionary<string, IReadOnlyList<string?>> { ["therapist"] = therapist });
    }

    private static AllianceScore Score(decimal value, Perspective perspective, int session) =>
        new(ScoreMetric.Sum, value, 0m, 40m, perspective, Occasion.Session(session), default, default, new ScoreProvenance("sum", "1.0", "alliance-profile", "1.0", MissingDataPolicy.CompleteOnly, 0));

    [Theory]
    [MemberData(nameof(Renderables))]
    public void EveryResult_RendersAFragment_WithoutScriptOrNetwork_TheSameEveryTime(string kind)
    {
        IHtmlRenderable value = Create(kind);
        string html = value.ToHtml();
        Assert.StartsWith("<div class=\"therapeutic-alliance ", html, StringComparison.Ordinal);
        Assert.EndsWith("</div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Equal(html, Create(kind).ToHtml());
        Assert.Equal("writer", Assert.Throws<ArgumentNullException>(() => value.WriteHtml(null!)).ParamName);
    }

    [Fact]
    public void Statistics_ShowPsychsNumbers()
    {
        string icc = ShroutFleiss().ToHtml();
        Assert.Contains("<th scope=\"row\">ICC2</th><td>0.2898</td><td>11.0272</td>", icc, StringComparison.Ordinal);
        string alpha = Create("alpha").ToHtml();
        Assert.Contains("<th scope=\"row\">raw_alpha</th>", alpha, StringComparison.Ordinal);
        Assert.Contains("r.drop", alpha, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">value</th><td>36.0 (range 0–40)</td>", Create("score").ToHtml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_DrawsItsChart_WithTheSameWriterAsTheCliReport()
    {
        var report = (AllianceReport)Create("report");
        string html = report.ToHtml();
        LineChart chart = report.ToLineChart();
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(chart.Description), html, StringComparison.Ordinal);
        Assert.Equal(report.Findings.OfType<RuptureFinding>().Count(), chart.Annotations.Count(a => a.Label == "rupture"));
        Assert.NotEmpty(report.Findings.OfType<RuptureFinding>());
        Assert.Contains("Alerts", html, StringComparison.Ordinal);
        foreach (Alert alert in report.Alerts)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(alert.Message), html, StringComparison.Ordinal);
        }

        // The same words as the caseload page, not only the raw codes (issue 25: the words lived in the CLI).
        Assert.Contains("<th scope=\"row\">rupture</th>", html, StringComparison.Ordinal);
        Assert.Contains(report.Alerts, a => a.Code == AlertRules.UnrepairedRuptureRule);
        Assert.Contains("<td>a rupture not yet repaired</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_AreEscaped()
    {
        Episode hostile = Episode.Create("<img src=x onerror=alert(1)>", TrendTestData.Srs(30, 31).Scores).GetValueOrThrow();
        string html = EpisodeAnalyzer.Default.Analyze(hostile).ToHtml();
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectedResponseModel_ChartsThePathAndBand()
    {
        var model = (ExpectedResponseModel)Create("model");
        LineChart chart = model.ToLineChart(20, 6);
        Assert.Equal(new[] { "Expected", "95 % band edge" }, chart.Series.Select(s => s.Name));
        Assert.Equal(model.Expect(20, 6).Expected, chart.Series[0].Points[5].Y, 12);
        Assert.Equal(5, chart.Series[1].Points.Length);   // the band starts at session 2
        // Regression: the axis ran between nice ticks inside the data's range, so the path was clamped to it.
        Assert.All(chart.Series.SelectMany(s => s.Points), p => Assert.InRange(p.Y, chart.YAxis.Minimum, chart.YAxis.Maximum));
        Assert.Equal("sessions", Assert.Throws<ArgumentException>(() => model.ToLineChart(20, 1)).ParamName);
        Assert.Equal("intake", Assert.Throws<ArgumentException>(() => model.ToLineChart(double.NaN, 6)).ParamName);
    }

    [Fact]
    public void WeightedMeanAndWeakestLinkEpisodes_HaveCharts()
    {
        // Regression: the chart's axis label knew only sum, mean and POMP, and threw for the other metrics.
        foreach (ScoreMetric metric in new[] { ScoreMetric.WeightedMean, ScoreMetric.WeakestLink })
        {
            Episode episode = Episode.Create("e", new[] { 1, 2, 3 }.Select(s => new AllianceScore(metric, 5m, 1m, 7m, Perspective.Client, Occasion.Session(s), default, default, new ScoreProvenance("w", "1.0", "alliance-profile", "1.0", MissingDataPolicy.CompleteOnly, 0)))).GetValueOrThrow();
            LineChart chart = EpisodeAnalyzer.Default.Analyze(episode).ToLineChart();
            Assert.Contains(metric == ScoreMetric.WeightedMean ? "weighted mean" : "weakest link", chart.Title, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Renderables))]
    public void NotebookConvention_FoundByName_GivesTheSameHtml(string kind)
    {
        // What .NET Interactive does: find an attribute named TypeFormatterSourceAttribute on the value's type, create
        // its FormatterSourceType, call CreateTypeFormatters, and call Format(object, TextWriter) on the text/html one.
        IHtmlRenderable value = Create(kind);
        Attribute attribute = value.GetType().GetCustomAttributes(inherit: true).Cast<Attribute>().Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(new[] { "text/html" }, (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
        object source = Activator.CreateInstance(sourceType, nonPublic: true)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        object html = formatters.Single(f => (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        using var writer = new StringWriter();
        Assert.True((bool)html.GetType().GetMethod("Format", new[] { typeof(object), typeof(TextWriter) })!.Invoke(html, new object[] { value, writer })!);
        Assert.Equal(value.ToHtml(), writer.ToString());
        Assert.False((bool)html.GetType().GetMethod("Format")!.Invoke(html, new object[] { "not a result", new StringWriter() })!);
    }

    [Fact]
    public void TinyPValues_ShowInScientificNotation_NotAsZero()
    {
        // Regression: p = 7.1e-28 showed as 0 with four decimals.
        IccAnalysis icc = Agreement.IntraclassCorrelations(ResponseMatrix.FromRows(Enumerable.Range(0, 150).Select(i => (IReadOnlyList<double>)new double[] { i, i + (i % 3) }).ToList())).GetValueOrThrow();
        Assert.True(icc[IccForm.Icc2].P < 1e-10);
        string html = icc.ToHtml();
        Assert.Matches(@"<th scope=""row"">ICC2</th><td>[0-9.]+</td><td>[0-9.]+</td><td>[0-9.]+</td><td>[0-9.]+</td><td>[0-9.]+e-[0-9]+</td>", html);
    }

    [Fact]
    public void EveryPublicResultThatRendersHtml_CarriesTheNotebookAttribute()
    {
        var renderable = typeof(IHtmlRenderable).Assembly.GetExportedTypes().Where(t => typeof(IHtmlRenderable).IsAssignableFrom(t) && !t.IsInterface).ToList();
        Assert.Equal(11, renderable.Count);   // ServiceAnalysis since issue 30
        Assert.All(renderable, t => Assert.Contains(t.GetCustomAttributes(false), a => a.GetType().Name == "TypeFormatterSourceAttribute"));
    }
    [Fact]
    public void AMixedModel_ShowsItsTables_AndACaterpillarOfModes_NamingNoLevel()
    {
        MixedModelFit fit = LinearMixedModel.Fit("post ~ pre + (1 | therapist)", TherapistFrame(8)).GetValueOrThrow();
        string html = fit.ToHtml();
        Assert.Contains("Linear mixed model (REML): post ~ pre + (1 | therapist)", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">pre</th><td>" + Number(fit.FixedEffects[1].Estimate), html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">ICC of therapist</th><td>" + Number(fit.IntraclassCorrelation("therapist")) + "</td>", html, StringComparison.Ordinal);
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(html, "<circle "));
        Assert.Contains("8 levels of therapist, ranked by mode", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", html, StringComparison.Ordinal);

        // A factor with more levels than the chart draws is named in a note instead.
        MixedModelFit large = LinearMixedModel.Fit("post ~ pre + (1 | therapist)", TherapistFrame(MixedModelFit.ChartLevelLimit + 1)).GetValueOrThrow();
        string note = large.ToHtml();
        Assert.DoesNotContain("<svg", note, StringComparison.Ordinal);
        Assert.Contains("therapist has 2001 levels, more than the chart draws (2000)", note, StringComparison.Ordinal);

        static string Number(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TherapeuticAlliance.Charts;

namespace TherapeuticAlliance.Tests.Charts;

public class ChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static LineChart Sample(string title = "Session Rating Scale total") => new(
        title,
        "Session Rating Scale total by session, sessions 1 to 4.",
        new ChartAxis("Session", 1, 4, new double[] { 1, 2, 3, 4 }),
        new ChartAxis("Total (points, 0–40)", 0, 40),
        new[]
        {
            new ChartSeries("Client", new[] { new ChartPoint(1, 36.5), new ChartPoint(2, 37), new ChartPoint(3, 30.2), new ChartPoint(4, 36) }, ChartPalette.For(Perspective.Client), ChartPalette.LineStyleFor(Perspective.Client), ChartPalette.MarkerFor(Perspective.Client)),
            new ChartSeries("Therapist", new[] { new ChartPoint(1, 35), new ChartPoint(3, 33) }, ChartPalette.For(Perspective.Therapist), ChartPalette.LineStyleFor(Perspective.Therapist), ChartPalette.MarkerFor(Perspective.Therapist)),
        },
        new[] { new ChartReferenceLine(36, "cutoff 36") },
        new[]
        {
            new ChartAnnotation(new ChartPoint(3, 30.2), "rupture", "rupture (client): trough at session 3", ChartMarkerShape.TriangleDown),
            new ChartAnnotation(new ChartPoint(4, 36), "repair", "repair (client) at session 4", ChartMarkerShape.TriangleUp),
        });

    [Fact]
    public void Svg_IsWellFormed_WithAnAccessibleNameAndDescription_TicksLabelsLegendAndMarkers()
    {
        XElement svg = XElement.Parse(ChartWriter.ToSvg(Sample(), "c1"));
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("c1-title", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("c1-desc", (string?)svg.Attribute("aria-describedby"));
        Assert.Equal("Session Rating Scale total", svg.Elements(Svg + "title").Single(t => (string?)t.Attribute("id") == "c1-title").Value);
        Assert.Equal("Session Rating Scale total by session, sessions 1 to 4.", svg.Element(Svg + "desc")!.Value);
        Assert.Equal("0 0 480 " + (string?)svg.Attribute("height"), (string?)svg.Attribute("viewBox"));

        string[] texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToArray();
        Assert.Contains("Session", texts);
        Assert.Contains("Total (points, 0–40)", texts);
        Assert.Contains("cutoff 36", texts);
        Assert.Equal(new[] { "0", "10", "20", "30", "40" }, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "axes").Elements(Svg + "text").Select(t => t.Value).Take(5));
        Assert.Equal(new[] { "Client", "Therapist", "cutoff 36", "rupture", "repair" }, svg.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend").Elements(Svg + "text").Select(t => t.Value));

        // Series: a line and a marker per point, client circles and therapist squares; annotations: a shape and its word.
        var series = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(4, series[0].Elements(Svg + "circle").Count());
        Assert.Equal(2, series[1].Elements(Svg + "rect").Count());
        Assert.Equal("6 3", (string?)series[1].Element(Svg + "polyline")!.Attribute("stroke-dasharray"));
        var annotations = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "annotation").ToList();
        Assert.Equal(new[] { "rupture", "repair" }, annotations.Select(a => a.Element(Svg + "text")!.Value));
        Assert.All(annotations, a => Assert.NotNull(a.Element(Svg + "polygon")));
        Assert.Equal("rupture (client): trough at session 3", annotations[0].Element(Svg + "title")!.Value);
    }

    [Fact]
    public void Svg_PlacesValuesOnTheAxes_AndClampsValuesOutsideTheRangeToItsEdge()
    {
        var chart = new LineChart("t", "d", new ChartAxis("Session", 1, 2), new ChartAxis("y", 0, 10), new[] { new ChartSeries("s", new[] { new ChartPoint(1, 0), new ChartPoint(2, 25) }, ChartPalette.Blue) });
        XElement svg = XElement.Parse(ChartWriter.ToSvg(chart));
        string[] points = svg.Descendants(Svg + "polyline").Single().Attribute("points")!.Value.Split(' ');
        double bottom = double.Parse(points[0].Split(',')[1], CultureInfo.InvariantCulture);
        double top = double.Parse(points[1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.Equal("56", points[0].Split(',')[0]);    // the left edge of the plot
        Assert.Equal("464", points[1].Split(',')[0]);   // the right edge
        Assert.Equal(170, bottom - top);                // 25 is drawn at the top (10), the plot's full height
    }

    [Fact]
    public void Output_IsTheSameBytesEveryTime_InAnyCulture()
    {
        string invariant;
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            invariant = ChartWriter.ToSvg(Sample()) + Table(Sample());
            foreach (string name in new[] { "de-DE", "tr-TR", "ar-SA" })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                Assert.Equal(invariant, ChartWriter.ToSvg(Sample()) + Table(Sample()));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Contains("36.5", invariant, StringComparison.Ordinal);
        Assert.DoesNotContain("36,5", invariant, StringComparison.Ordinal);
    }

    [Fact]
    public void DataTable_HasARowPerXValue_AColumnPerSeries_AndTheAnnotationsAsNotes()
    {
        XElement table = XElement.Parse(Table(Sample()));
        Assert.Equal("Session Rating Scale total (cutoff 36)", table.Element("caption")!.Value);
        Assert.Equal(new[] { "Session", "Client", "Therapist", "Notes" }, table.Descendants("thead").Single().Descendants("th").Select(t => t.Value));
        var rows = table.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(c => c.Value).ToArray()).ToList();
        Assert.Equal(new[] { "1", "36.5", "35", string.Empty }, rows[0]);
        Assert.Equal(new[] { "2", "37", "–", string.Empty }, rows[1]);
        Assert.Equal(new[] { "3", "30.2", "33", "rupture (client): trough at session 3" }, rows[2]);
        Assert.Equal(new[] { "4", "36", "–", "repair (client) at session 4" }, rows[3]);
    }

    [Fact]
    public void Text_IsEscaped_SoMarkupInATitleOrLabelIsText()
    {
        const string hostile = "<script>alert(1)</script>&\"'";
        var chart = new LineChart(hostile, hostile, new ChartAxis(hostile, 0, 1), new ChartAxis(hostile, 0, 1), new[] { new ChartSeries(hostile, new[] { new ChartPoint(0, 0) }, ChartPalette.Blue) }, new[] { new ChartReferenceLine(0.5, hostile) }, new[] { new ChartAnnotation(new ChartPoint(0, 0), hostile, hostile, ChartMarkerShape.Circle) });
        string svg = ChartWriter.ToSvg(chart);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        XElement parsed = XElement.Parse(svg);
        Assert.Equal(hostile, parsed.Element(Svg + "title")!.Value);
        Assert.All(parsed.Descendants(Svg + "text").Where(t => t.Value.Length > 3), t => Assert.Equal(hostile, t.Value));
        Assert.DoesNotContain("<script", Table(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void Guards_RejectWhatCannotBeDrawn_NamingTheParameter()
    {
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartPoint(1, double.NaN)).ParamName);
        Assert.Equal("maximum", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartAxis("x", 2, 2)).ParamName);
        Assert.Equal("ticks", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartAxis("x", 0, 1, new double[] { 2 })).ParamName);
        Assert.Equal("points", Assert.Throws<ArgumentException>(() => new ChartSeries("s", Array.Empty<ChartPoint>(), ChartPalette.Blue)).ParamName);
        Assert.Equal("colour", Assert.Throws<ArgumentException>(() => new ChartSeries("s", new[] { new ChartPoint(0, 0) }, "blue")).ParamName);
        Assert.Equal("colour", Assert.Throws<ArgumentException>(() => new ChartReferenceLine(0, "r", "#12345G")).ParamName);
        Assert.Equal("lineStyle", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSeries("s", new[] { new ChartPoint(0, 0) }, ChartPalette.Blue, (ChartLineStyle)9)).ParamName);
        Assert.Equal("shape", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartAnnotation(new ChartPoint(0, 0), "a", "b", ChartMarkerShape.None)).ParamName);
        Assert.Equal("series", Assert.Throws<ArgumentException>(() => new LineChart("t", "d", new ChartAxis("x", 0, 1), new ChartAxis("y", 0, 1), Array.Empty<ChartSeries>())).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => new LineChart(" ", "d", new ChartAxis("x", 0, 1), new ChartAxis("y", 0, 1), new[] { new ChartSeries("s", new[] { new ChartPoint(0, 0) }, ChartPalette.Blue) })).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => ChartWriter.ToSvg(Sample(), "1chart")).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => ChartWriter.ToSvg(Sample(), "a\" onload=\"x")).ParamName);
        Assert.Equal("perspective", Assert.Throws<ArgumentOutOfRangeException>(() => ChartPalette.For((Perspective)0)).ParamName);
        Assert.Equal("title", Assert.Throws<ArgumentException>(() => Sample("SRS\u0001")).ParamName);   // would make the SVG unreadable as XML
        Assert.Equal("contextId", Assert.Throws<ArgumentException>(() => ChartWriter.WriteSvg(Sample(), TextWriter.Null, "c1", "client 1")).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ChartAxis.NiceTicks(0, 1, 1)).ParamName);
    }

    [Fact]
    public void AccessibleName_StartsWithTheContext_WhenOneIsGiven()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ChartWriter.WriteSvg(Sample(), writer, "c1", "client-7-name");
        XElement svg = XElement.Parse(writer.ToString());
        Assert.Equal("client-7-name c1-title", (string?)svg.Attribute("aria-labelledby"));
    }

    [Fact]
    public void Legend_DrawsAKindOfMarkInBlack_WhenItsMarksDifferInColour()
    {
        var chart = new LineChart("t", "d", new ChartAxis("x", 0, 2), new ChartAxis("y", 0, 2), new[] { new ChartSeries("s", new[] { new ChartPoint(0, 1) }, ChartPalette.Blue) }, null, new[]
        {
            new ChartAnnotation(new ChartPoint(1, 1), "rupture", "a", ChartMarkerShape.TriangleDown, ChartPalette.Blue),
            new ChartAnnotation(new ChartPoint(2, 1), "rupture", "b", ChartMarkerShape.TriangleDown, ChartPalette.Vermillion),
            new ChartAnnotation(new ChartPoint(2, 2), "repair", "c", ChartMarkerShape.TriangleUp, ChartPalette.Vermillion),
        });
        XElement legend = XElement.Parse(ChartWriter.ToSvg(chart)).Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        string[] strokes = legend.Elements(Svg + "polygon").Select(p => (string)p.Attribute("stroke")!).ToArray();
        Assert.Equal(new[] { ChartPalette.Black, ChartPalette.Vermillion }, strokes);
    }

    [Fact]
    public void NiceTicks_OfTinyHugeAndWholeNumberRanges_AreDistinct_OrEmptyWhenNoWholeNumberFits()
    {
        foreach (double top in new[] { 1e-300, 1e301 })
        {
            var ticks = ChartAxis.NiceTicks(0, top);
            Assert.Equal(6, ticks.Length);
            Assert.All(ticks.Select((t, i) => (t, i)), x => Assert.Equal(x.i * top / 5, x.t, top * 1e-12));
        }

        Assert.Empty(ChartAxis.NiceTicks(1.2, 1.8, 6, integersOnly: true));
    }

    [Fact]
    public void Palette_GivesEveryPerspectiveItsOwnColourLineAndMarker()
    {
        Perspective[] all = Enum.GetValues<Perspective>();
        Assert.Equal(all.Length, all.Select(ChartPalette.For).Distinct().Count());
        Assert.Equal(all.Length, all.Select(ChartPalette.MarkerFor).Distinct().Count());
        Assert.NotEqual(ChartPalette.LineStyleFor(Perspective.Client), ChartPalette.LineStyleFor(Perspective.Therapist));
    }

    [Fact]
    public void NiceTicks_OfTheScales_AreTheRoundSteps()
    {
        Assert.Equal(new double[] { 0, 10, 20, 30, 40 }, ChartAxis.NiceTicks(0, 40));
        Assert.Equal(new double[] { 20, 30, 40, 50, 60 }, ChartAxis.NiceTicks(12, 60));
        Assert.Equal(new double[] { 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5 }, ChartAxis.NiceTicks(1, 5, 9));
        Assert.Equal(new double[] { 5, 10, 15, 20, 25, 30 }, ChartAxis.NiceTicks(1, 30, 8, integersOnly: true));
        Assert.Equal(new double[] { 1, 2, 3 }, ChartAxis.NiceTicks(1, 3, 8, integersOnly: true));
        Assert.Equal(new double[] { 0.1, 0.2, 0.3 }, ChartAxis.NiceTicks(0.1, 0.3, 3));
    }

    [Property(MaxTest = 500)]
    public Property NiceTicks_AreAscendingEvenlySpacedAndInsideTheRange(int low, PositiveInt width, bool integers)
    {
        double minimum = low / 10.0;
        double maximum = minimum + (width.Get / 10.0);
        var ticks = ChartAxis.NiceTicks(minimum, maximum, 6, integers);
        var steps = ticks.Zip(ticks.Skip(1), (a, b) => b - a).ToList();
        return (ticks.All(t => t >= minimum && t <= maximum)
                && steps.All(s => s > 0 && Math.Abs(s - steps[0]) < 1e-6 * Math.Max(1, steps[0]))
                && ticks.Length <= 12
                && (!integers || ticks.All(t => t == Math.Floor(t))))
            .Label(string.Join(" ", ticks.Select(t => t.ToString(CultureInfo.InvariantCulture))));
    }

    private static string Table(LineChart chart)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ChartWriter.WriteDataTable(chart, writer);
        return writer.ToString();
    }

    [Fact]
    public void ScatterSeries_DrawNoLine_AndTheDataTableListsEveryPointAtAnX()
    {
        var chart = new LineChart(
            "Scatter",
            "Points only.",
            new ChartAxis("x", 0, 10),
            new ChartAxis("y", 0, 10),
            new[] { new ChartSeries("Pairs", new[] { new ChartPoint(1, 2), new ChartPoint(1, 3), new ChartPoint(2, 4) }, ChartPalette.Blue, ChartLineStyle.None) });
        string svg = ChartWriter.ToSvg(chart, "s");
        Assert.DoesNotContain("<polyline", svg, StringComparison.Ordinal);
        using var table = new StringWriter();
        ChartWriter.WriteDataTable(chart, table);
        Assert.Contains("<th scope=\"row\">1</th><td>2, 3</td>", table.ToString(), StringComparison.Ordinal);
        Assert.Equal("marker", Assert.Throws<ArgumentException>(() => new ChartSeries("x", new[] { new ChartPoint(1, 1) }, ChartPalette.Blue, ChartLineStyle.None, ChartMarkerShape.None)).ParamName);
        Assert.Equal("lineStyle", Assert.Throws<ArgumentOutOfRangeException>(() => new ChartReferenceLine(1, "r", ChartPalette.Blue, ChartLineStyle.None)).ParamName);
    }

    /// <summary>Issue 26, part 6: the cutoff's label overlapped points just above the cutoff line near the chart's right end.</summary>
    [Fact]
    public void TheCutoffLabel_AvoidsThePoints_AndStaysAtTheRightEndAboveTheLineWhenThatIsFree()
    {
        static XElement Label(LineChart chart)
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            ChartWriter.WriteSvg(chart, writer, "c");
            XNamespace svg = "http://www.w3.org/2000/svg";
            return XDocument.Parse(writer.ToString()).Descendants(svg + "g").Single(g => (string?)g.Attribute("class") == "reference").Element(svg + "text")!;
        }

        var axes = (X: new ChartAxis("Session", 1, 10), Y: new ChartAxis("SRS", 0, 40));
        var cutoff = new ChartReferenceLine(36, "cutoff 36");
        // Points at the right end just above the line (36.5, 37): the default place, right and above, is taken.
        var crowded = new LineChart("t", "d", axes.X, axes.Y, new[] { new ChartSeries("client", Enumerable.Range(1, 10).Select(t => new ChartPoint(t, t <= 6 ? 20 : 36.5 + ((t % 2) * 0.5))), ChartPalette.Blue) }, new[] { cutoff });
        XElement moved = Label(crowded);
        double lineY = 0;
        {
            var writer = new StringWriter(CultureInfo.InvariantCulture);
            ChartWriter.WriteSvg(crowded, writer, "c");
            XNamespace svg = "http://www.w3.org/2000/svg";
            XElement line = XDocument.Parse(writer.ToString()).Descendants(svg + "g").Single(g => (string?)g.Attribute("class") == "reference").Element(svg + "line")!;
            lineY = double.Parse((string)line.Attribute("y1")!, CultureInfo.InvariantCulture);
        }

        // Moved off the points: not at the right end above the line, where sessions 7–10 sit.
        Assert.False((string)moved.Attribute("text-anchor")! == "end" && double.Parse((string)moved.Attribute("y")!, CultureInfo.InvariantCulture) < lineY);

        // With the points far from the line, the label keeps its usual place: right end, just above the line.
        var clear = new LineChart("t", "d", axes.X, axes.Y, new[] { new ChartSeries("client", Enumerable.Range(1, 10).Select(t => new ChartPoint(t, 20)), ChartPalette.Blue) }, new[] { cutoff });
        XElement usual = Label(clear);
        Assert.Equal("end", (string)usual.Attribute("text-anchor")!);
        Assert.Equal(lineY - 4, double.Parse((string)usual.Attribute("y")!, CultureInfo.InvariantCulture), 6);
    }

    /// <summary>Issue 26 (browser review): a "repair" label at the last session ran past the chart's right edge.</summary>
    [Fact]
    public void AnAnnotationLabel_StaysInsideTheChart_AtEitherEnd()
    {
        var chart = new LineChart("t", "d", new ChartAxis("Session", 1, 12), new ChartAxis("SRS", 0, 40),
            new[] { new ChartSeries("client", Enumerable.Range(1, 12).Select(t => new ChartPoint(t, 30)), ChartPalette.Blue) },
            null,
            new[] { new ChartAnnotation(new ChartPoint(12, 30), "repaired rupture", "repair at session 12", ChartMarkerShape.Circle), new ChartAnnotation(new ChartPoint(1, 30), "repaired rupture", "at session 1", ChartMarkerShape.Circle) });
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        ChartWriter.WriteSvg(chart, writer, "c");
        XNamespace svg = "http://www.w3.org/2000/svg";
        XElement root = XDocument.Parse(writer.ToString()).Root!;
        double width = double.Parse((string)root.Attribute("width")!, CultureInfo.InvariantCulture);
        foreach (XElement text in root.Descendants(svg + "g").Where(g => (string?)g.Attribute("class") == "annotation").Select(g => g.Element(svg + "text")!))
        {
            double x = double.Parse((string)text.Attribute("x")!, CultureInfo.InvariantCulture);
            double half = text.Value.Length * 6.8 * 11.0 / 12.0 / 2.0;   // the writer's estimate of an 11 px label's width
            Assert.InRange(x - half, 0.0, width);
            Assert.InRange(x + half, 0.0, width);
        }
    }
}

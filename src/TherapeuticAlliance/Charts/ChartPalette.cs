namespace TherapeuticAlliance.Charts;

/// <summary>
/// The colour-blind-safe palette of Okabe and Ito (2008, "Color Universal Design"), as <c>#RRGGBB</c> strings, and the
/// colour each perspective keeps on every chart of a page.
/// </summary>
/// <remarks>
/// The eight colours stay distinguishable under the common colour-vision deficiencies (protan, deutan, tritan);
/// charts built by the library still pair each colour with a line style and a marker shape, so nothing depends on
/// colour alone. This type is thread-safe.
/// </remarks>
public static class ChartPalette
{
    /// <summary>Black, <c>#000000</c>.</summary>
    public const string Black = "#000000";

    /// <summary>Orange, <c>#E69F00</c>.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Sky blue, <c>#56B4E9</c>.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Bluish green, <c>#009E73</c>.</summary>
    public const string BluishGreen = "#009E73";

    /// <summary>Yellow, <c>#F0E442</c> (too light for lines on white; use it for fills).</summary>
    public const string Yellow = "#F0E442";

    /// <summary>Blue, <c>#0072B2</c>.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Vermillion, <c>#D55E00</c>.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Reddish purple, <c>#CC79A7</c>.</summary>
    public const string ReddishPurple = "#CC79A7";

    /// <summary>Gets the colour a perspective keeps on every chart: client blue, therapist vermillion, observer bluish green, collateral orange.</summary>
    /// <param name="perspective">Who rated.</param>
    /// <returns>A <c>#RRGGBB</c> colour.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">Thrown when <paramref name="perspective"/> is not defined.</exception>
    public static string For(Perspective perspective) => Look(perspective).Colour;

    /// <summary>Gets the line style a perspective keeps on every chart: client solid, therapist dashed, observer and collateral dotted.</summary>
    /// <param name="perspective">Who rated.</param>
    /// <returns>The line style.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">Thrown when <paramref name="perspective"/> is not defined.</exception>
    public static ChartLineStyle LineStyleFor(Perspective perspective) => Look(perspective).LineStyle;

    /// <summary>Gets the marker shape a perspective keeps on every chart: client circle, therapist square, observer diamond, collateral cross.</summary>
    /// <param name="perspective">Who rated.</param>
    /// <returns>The marker shape.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">Thrown when <paramref name="perspective"/> is not defined.</exception>
    public static ChartMarkerShape MarkerFor(Perspective perspective) => Look(perspective).Marker;

    /// <summary>The one table of how each perspective looks: colour, line style and marker together.</summary>
    private static (string Colour, ChartLineStyle LineStyle, ChartMarkerShape Marker) Look(Perspective perspective) => perspective switch
    {
        Perspective.Client => (Blue, ChartLineStyle.Solid, ChartMarkerShape.Circle),
        Perspective.Therapist => (Vermillion, ChartLineStyle.Dashed, ChartMarkerShape.Square),
        Perspective.Observer => (BluishGreen, ChartLineStyle.Dotted, ChartMarkerShape.Diamond),
        Perspective.Collateral => (Orange, ChartLineStyle.Dotted, ChartMarkerShape.Cross),
        _ => throw new System.ArgumentOutOfRangeException(nameof(perspective), perspective, "The perspective is not defined."),
    };
}

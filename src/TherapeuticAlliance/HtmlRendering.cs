using System.Globalization;
using System.IO;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>Renders <see cref="IHtmlRenderable"/> results as HTML text.</summary>
/// <remarks>This type is stateless and thread-safe.</remarks>
public static class HtmlRendering
{
    /// <summary>Returns a result's HTML fragment; see <see cref="IHtmlRenderable"/>.</summary>
    /// <param name="value">The result.</param>
    /// <returns>The fragment.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="value"/> is <see langword="null"/>.</exception>
    public static string ToHtml(this IHtmlRenderable value)
    {
        Guard.Against.Null(value);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        value.WriteHtml(writer);
        return writer.ToString();
    }
}

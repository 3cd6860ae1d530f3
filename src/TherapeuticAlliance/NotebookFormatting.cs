using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace TherapeuticAlliance;

/// <summary>
/// The .NET Interactive formatter convention, recognised by name so the library references none of its (archived)
/// packages: a type marked with an attribute named <c>TypeFormatterSourceAttribute</c> names a source whose
/// <c>CreateTypeFormatters()</c> returns objects with a <c>MimeType</c> and a <c>bool Format(object, TextWriter)</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    public Type FormatterSourceType { get; }

    public string[] PreferredMimeTypes { get; set; } = { NotebookFormatterSource.HtmlMimeType };
}

/// <summary>Gives notebooks an HTML formatter for every <see cref="IHtmlRenderable"/> result. Its members are instance members because the convention calls them so.</summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The .NET Interactive convention calls instance members by reflection.")]
internal sealed class NotebookFormatterSource
{
    internal const string HtmlMimeType = "text/html";

    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
    }

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The .NET Interactive convention calls instance members by reflection.")]
    internal sealed class HtmlFormatter
    {
        public string MimeType => HtmlMimeType;

        public bool Format(object instance, TextWriter writer)
        {
            if (instance is not IHtmlRenderable renderable || writer is null)
            {
                return false;
            }

            renderable.WriteHtml(writer);
            return true;
        }
    }
}

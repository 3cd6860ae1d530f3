using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;

namespace TherapeuticAlliance.Tables;

/// <summary>The .NET Interactive formatter convention, recognised by name (see the core's copy): this assembly's own, as the convention is per type.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        FormatterSourceType = formatterSourceType;
    }

    public Type FormatterSourceType { get; }

    public string[] PreferredMimeTypes { get; set; } = { "text/html" };
}

/// <summary>Gives notebooks an HTML formatter for a <see cref="TidyTable"/>.</summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The .NET Interactive convention calls instance members by reflection.")]
internal sealed class NotebookFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters()
    {
        yield return new HtmlFormatter();
    }

    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The .NET Interactive convention calls instance members by reflection.")]
    internal sealed class HtmlFormatter
    {
        public string MimeType => "text/html";

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

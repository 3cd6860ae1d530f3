using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;

namespace TherapeuticAlliance.Utilities;

/// <summary>Shared pieces of the results' HTML fragments: escaping, numbers and tables.</summary>
internal static class HtmlFragments
{
    internal const string Style = "border-collapse:collapse;font-variant-numeric:tabular-nums";

    internal static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number for a table: invariant, four decimals at most, NA for NaN; a value too small for four decimals (a p of 7e-28) in scientific notation, as R prints it.</summary>
    internal static string Number(double value) =>
        double.IsNaN(value) ? "NA"
        : value != 0 && Math.Abs(value) < 0.00005 ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    internal static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    internal static void Open(TextWriter writer, string kind, string heading)
    {
        writer.Write("<div class=\"therapeutic-alliance ");
        writer.Write(Encode(kind));
        writer.Write("\"><strong>");
        writer.Write(Encode(heading));
        writer.Write("</strong>");
    }

    internal static void Close(TextWriter writer) => writer.Write("</div>");

    /// <summary>A table; <paramref name="headers"/> separated by <c>|</c>.</summary>
    internal static void Table(TextWriter writer, string caption, string headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        writer.Write("<table style=\"");
        writer.Write(Style);
        writer.Write("\"><caption>");
        writer.Write(Encode(caption));
        writer.Write("</caption><thead><tr>");
        foreach (string header in headers.Split('|'))
        {
            writer.Write("<th scope=\"col\">");
            writer.Write(Encode(header));
            writer.Write("</th>");
        }

        writer.Write("</tr></thead><tbody>");
        foreach (IReadOnlyList<string> row in rows)
        {
            writer.Write("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                writer.Write(i == 0 ? "<th scope=\"row\">" : "<td>");
                writer.Write(Encode(row[i]));
                writer.Write(i == 0 ? "</th>" : "</td>");
            }

            writer.Write("</tr>");
        }

        writer.Write("</tbody></table>");
    }

    /// <summary>A two-column table of names and values.</summary>
    internal static void Pairs(TextWriter writer, string caption, params (string Name, string Value)[] pairs) =>
        Table(writer, caption, "Statistic|Value", pairs.Select(p => (IReadOnlyList<string>)new[] { p.Name, p.Value }));

    /// <summary>A stable element id for a chart, from its content, so the same result renders the same text.</summary>
    internal static string ChartId(string seed)
    {
        uint hash = 2166136261;
        foreach (char c in seed)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return "ta-chart-" + hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}

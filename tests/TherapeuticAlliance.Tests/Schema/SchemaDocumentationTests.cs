using System.Text.RegularExpressions;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tests.Schema;

/// <summary>docs/schema.md's tables are the code's: every row schema, input column, layout code and statistic name.</summary>
public sealed class SchemaDocumentationTests
{
    private static readonly string[] Page = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "docs", "schema.md"));

    [Fact]
    public void TheOutputSchemaTable_ListsEveryRowSchemaWithItsColumnsInOrder()
    {
        var documented = Rows("## Output row schemas")
            .Select(cells => (Name: Code(cells[0]).Single(), Columns: Code(cells[1])))
            .ToList();
        Assert.Equal(RowSchemas.All.Select(s => s.Name), documented.Select(d => d.Name));
        foreach (var (name, columns) in documented)
        {
            Assert.Equal(RowSchemas.All.Single(s => s.Name == name).Columns, columns);
        }
    }

    [Fact]
    public void TheInputTables_ListTheKeyColumns_AndEveryLayoutWithItsCode()
    {
        Assert.Equal(ResponseFileSchema.KeyColumns, Rows("## Input").TakeWhile(c => c.Length == 2).Select(c => Code(c[0]).Single()));
        var layouts = Rows("Layouts (").Select(c => (Name: Code(c[0]).Single(), Code: Code(c[1]).Single())).ToList();
        Assert.Equal(Enum.GetNames<ResponseLayout>().Order(StringComparer.Ordinal), layouts.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.All(layouts, l => Assert.Equal(l.Code, ResponseFileSchema.ToCode(Enum.Parse<ResponseLayout>(l.Name))));
    }

    [Fact]
    public void TheCareKeyTable_ListsEveryCareColumnInOrder()
    {
        Assert.Equal(ResponseFileSchema.CareColumns, Rows("Optional care-key columns").Select(c => Code(c[0]).Single()));
        Assert.Equal(ResponseFileSchema.CareColumns, CareKeys.AllKinds.Select(CareKeys.ToCode));
    }

    [Fact]
    public void TheStatisticTable_ListsEveryStatisticName()
    {
        Assert.Equal(StatisticNames.All, Rows("## Statistic names").Select(c => Code(c[0]).Single()));
    }

    /// <summary>The body rows of the first table after a line starting with <paramref name="heading"/>, as cells.</summary>
    private static List<string[]> Rows(string heading)
    {
        int start = Array.FindIndex(Page, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"docs/schema.md has no '{heading}'");
        return Page.Skip(start).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split(" | ").Select(c => c.Trim()).ToArray())
            .ToList();
    }

    private static string[] Code(string cell) => Regex.Matches(cell, "`([^`]*)`").Select(m => m.Groups[1].Value).ToArray();
}

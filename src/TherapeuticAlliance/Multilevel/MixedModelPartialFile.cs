using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// The file form of a <see cref="MixedModelPartial"/>: the partials' shared envelope (<c>kind</c>
/// <c>mixed-model-partial</c>, <c>schemaVersion</c>), then the formula, the fixed effects' names, the number of rows,
/// X'X, X'y, y'y, and per grouping factor its terms and per level its label, rows and Z'Z, Z'X, Z'y, and the Z'Z blocks
/// of levels of two factors that share rows. Every sum is written with its compensation (Neumaier's lost rounding
/// error), so a partial read back merges and fits to the same bits as the one written. Reading checks the envelope
/// (size, duplicate fields, depth), then every shape, count and number, and that the cross-products are possible
/// (no negative sum of squares, no product larger than the Cauchy–Schwarz bound); a message names a factor and a
/// level by position, never by label.
/// </summary>
internal static class MixedModelPartialFile
{
    internal const string Kind = "mixed-model-partial";

    internal const string SchemaVersion = "1.0";

    /// <summary>The most fixed effects, terms per factor and factors a partial may hold (far above any model of this kind).</summary>
    private const int MaximumColumns = 1000;

    internal static string Write(LmmCrossProducts products) => PartialEnvelope.Write(Kind, SchemaVersion, json =>
    {
        json.WriteString("formula", products.Formula);
        json.WriteStartArray("fixedEffects");
        foreach (string name in products.FixedNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteNumber("rows", products.N);
        Numbers(json, "xx", products.XX.ToPairs());
        Numbers(json, "xy", products.XY.ToPairs());
        Numbers(json, "yy", products.YY.ToPairs());
        json.WriteStartArray("factors");
        foreach (LmmCrossProducts.Term term in products.Terms)
        {
            json.WriteStartObject();
            json.WriteString("group", term.Group);
            json.WriteBoolean("uncorrelated", term.Uncorrelated);
            json.WriteStartArray("terms");
            foreach (string name in term.Names)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteStartArray("levels");
            foreach (KeyValuePair<string, LmmCrossProducts.Level> level in term.Levels.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("level", level.Key);
                json.WriteNumber("rows", level.Value.Rows);
                Numbers(json, "sums", level.Value.Store);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("cross");
        foreach (var pair in products.Cross.OrderBy(c => c.Key.First).ThenBy(c => c.Key.Second))
        {
            json.WriteStartObject();
            json.WriteNumber("first", pair.Key.First);
            json.WriteNumber("second", pair.Key.Second);
            json.WriteStartArray("blocks");
            foreach (var block in pair.Value.OrderBy(b => b.Key.Item1, StringComparer.Ordinal).ThenBy(b => b.Key.Item2, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("firstLevel", block.Key.Item1);
                json.WriteString("secondLevel", block.Key.Item2);
                Numbers(json, "sums", block.Value.ToPairs());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static void Numbers(Utf8JsonWriter json, string name, double[] values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>Reads a partial's file form: the cross-products, or the problem (a message naming no label or value of the file).</summary>
    internal static (LmmCrossProducts? Products, string? Problem) Read(string json)
    {
        using JsonDocument? document = PartialEnvelope.Open(json, Kind, SchemaVersion, 8, out string? problem);
        if (document is null)
        {
            return (null, problem);
        }

        JsonElement root = document.RootElement;
        if (PartialEnvelope.Text(root, "formula") is not { Length: > 0 and <= 4000 } formula)
        {
            return Invalid("The partial needs its formula (at most 4,000 characters).");
        }

        if (Names(root, "fixedEffects", allowEmpty: true) is not { } fixedNames)
        {
            return Invalid(FormattableString.Invariant($"The partial needs its fixed effects' names: an array of at most {MaximumColumns} distinct, non-empty names."));
        }

        int p = fixedNames.Length;
        if (!root.TryGetProperty("rows", out JsonElement rowsElement) || rowsElement.ValueKind != JsonValueKind.Number || !rowsElement.TryGetInt32(out int rows) || rows < 1)
        {
            return Invalid("The partial's rows must be a whole number from 1 to 2,147,483,647.");
        }

        CompensatedBlock? xx = Block(root, "xx", p, p), xy = Block(root, "xy", p, 1), yy = Block(root, "yy", 1, 1);
        if (xx is null || xy is null || yy is null)
        {
            return Invalid("The partial needs X'X, X'y and y'y ('xx', 'xy', 'yy'): arrays of finite numbers, a sum and its compensation per entry, of the fixed effects' sizes.");
        }

        if (Impossible(p, (a, b) => xx[a, b], a => xy[a, 0], yy[0, 0]) is { } impossibleFixed)
        {
            return Invalid("The fixed effects' cross-products are impossible: " + impossibleFixed);
        }

        if (!root.TryGetProperty("factors", out JsonElement factorsElement) || factorsElement.ValueKind != JsonValueKind.Array || factorsElement.GetArrayLength() is 0 or > MaximumColumns)
        {
            return Invalid("The partial needs its grouping factors: an array of 1 or more.");
        }

        var terms = new List<LmmCrossProducts.Term>();
        foreach (JsonElement factor in factorsElement.EnumerateArray())
        {
            int f = terms.Count + 1;
            if (factor.ValueKind != JsonValueKind.Object || PartialEnvelope.Text(factor, "group") is not { Length: > 0 } group || terms.Any(t => t.Group == group)
                || Names(factor, "terms", allowEmpty: false) is not { Length: <= LinearMixedModel.MaximumTermsPerFactor } termNames
                || !factor.TryGetProperty("uncorrelated", out JsonElement uncorrelatedElement) || uncorrelatedElement.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Invalid(FormattableString.Invariant($"Grouping factor {f} needs a name no other factor has, its terms (an array of at most {LinearMixedModel.MaximumTermsPerFactor} distinct, non-empty names) and whether they are uncorrelated (true or false)."));
            }

            int k = termNames.Length;
            if (!factor.TryGetProperty("levels", out JsonElement levelsElement) || levelsElement.ValueKind != JsonValueKind.Array || levelsElement.GetArrayLength() == 0)
            {
                return Invalid(FormattableString.Invariant($"Grouping factor {f} needs its levels: an array of 1 or more."));
            }

            var levels = new Dictionary<string, LmmCrossProducts.Level>(StringComparer.Ordinal);
            long total = 0;
            foreach (JsonElement level in levelsElement.EnumerateArray())
            {
                int l = levels.Count + 1;
                if (level.ValueKind != JsonValueKind.Object || PartialEnvelope.Text(level, "level") is not { Length: > 0 } label || levels.ContainsKey(label)
                    || !level.TryGetProperty("rows", out JsonElement levelRows) || levelRows.ValueKind != JsonValueKind.Number || !levelRows.TryGetInt32(out int count) || count < 1
                    || Finite(level, "sums", 2 * k * (k + p + 1)) is not { } sums)
                {
                    return Invalid(FormattableString.Invariant($"Grouping factor {f}, level {l}: a level needs a label no other level of its factor has, its rows (1 or more) and its sums (Z'Z, Z'X, Z'y, each entry a sum and its compensation: {2 * k * (k + p + 1)} finite numbers)."));
                }

                var read = new LmmCrossProducts.Level(k, p, sums) { Rows = count };
                CompensatedView zz = read.ZZ, zy = read.Zy;
                if (Impossible(k, (a, b) => zz[a, b], a => zy[a, 0], yy[0, 0]) is { } impossibleLevel)
                {
                    return Invalid(FormattableString.Invariant($"Grouping factor {f}, level {l}: the cross-products are impossible: ") + impossibleLevel);
                }

                levels[label] = read;
                total += count;
            }

            if (total != rows)
            {
                return Invalid(FormattableString.Invariant($"Grouping factor {f}: its levels' rows add up to {total}, not to the partial's {rows} rows; every row is in one level of every factor."));
            }

            terms.Add(new LmmCrossProducts.Term(group, termNames, levels, uncorrelatedElement.ValueKind == JsonValueKind.True));
        }

        if (!root.TryGetProperty("cross", out JsonElement crossElement) || crossElement.ValueKind != JsonValueKind.Array)
        {
            return Invalid("The partial needs its blocks of factors that share rows ('cross'): an array, empty for one factor.");
        }

        var cross = new Dictionary<(int First, int Second), Dictionary<(string, string), CompensatedBlock>>();
        foreach (JsonElement pair in crossElement.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Object || !pair.TryGetProperty("first", out JsonElement firstElement) || firstElement.ValueKind != JsonValueKind.Number || !firstElement.TryGetInt32(out int first)
                || !pair.TryGetProperty("second", out JsonElement secondElement) || secondElement.ValueKind != JsonValueKind.Number || !secondElement.TryGetInt32(out int second)
                || first < 0 || second <= first || second >= terms.Count || cross.ContainsKey((first, second))
                || !pair.TryGetProperty("blocks", out JsonElement blocksElement) || blocksElement.ValueKind != JsonValueKind.Array)
            {
                return Invalid(FormattableString.Invariant($"Cross block {cross.Count + 1} needs two factors by position (first before second, each pair once) and its blocks."));
            }

            var blocks = new Dictionary<(string, string), CompensatedBlock>();
            foreach (JsonElement block in blocksElement.EnumerateArray())
            {
                if (block.ValueKind != JsonValueKind.Object
                    || PartialEnvelope.Text(block, "firstLevel") is not { } a || !terms[first].Levels.ContainsKey(a)
                    || PartialEnvelope.Text(block, "secondLevel") is not { } b || !terms[second].Levels.ContainsKey(b)
                    || blocks.ContainsKey((a, b))
                    || Block(block, "sums", terms[first].K, terms[second].K) is not { } sums)
                {
                    return Invalid(FormattableString.Invariant($"Cross block {cross.Count + 1}, block {blocks.Count + 1}: a block names a level of each factor (a pair once) and holds their Z'Z sums."));
                }

                blocks[(a, b)] = sums;
            }

            cross[(first, second)] = blocks;
        }

        return (new LmmCrossProducts(formula, fixedNames, rows, xx, xy, yy, terms.ToArray(), cross), null);
    }

    private static (LmmCrossProducts?, string?) Invalid(string problem) => (null, problem);

    /// <summary>An array of distinct, non-empty names, or null.</summary>
    private static string[]? Names(JsonElement element, string name, bool allowEmpty)
    {
        if (!element.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() > MaximumColumns || (!allowEmpty && array.GetArrayLength() == 0))
        {
            return null;
        }

        var names = new List<string>();
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text || names.Contains(text))
            {
                return null;
            }

            names.Add(text);
        }

        return names.ToArray();
    }

    /// <summary>An array of exactly <paramref name="length"/> finite numbers, or null.</summary>
    private static double[]? Finite(JsonElement element, string name, int length)
    {
        if (!element.TryGetProperty(name, out JsonElement array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != length)
        {
            return null;
        }

        var values = new double[length];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetDouble(out double value) || double.IsNaN(value) || double.IsInfinity(value))
            {
                return null;
            }

            values[i++] = value;
        }

        return values;
    }

    private static CompensatedBlock? Block(JsonElement element, string name, int rows, int columns) =>
        Finite(element, name, 2 * rows * columns) is { } pairs ? CompensatedBlock.FromPairs(rows, columns, pairs) : null;

    /// <summary>
    /// Why a Gram matrix of sums of products cannot come from real rows: a negative sum of squares, or a product larger
    /// than the Cauchy–Schwarz bound √(aa·bb) (the lower triangle is what is accumulated); null when possible.
    /// </summary>
    private static string? Impossible(int k, Func<int, int, double> squares, Func<int, double> products, double y2)
    {
        const double slack = 1e-9;
        if (y2 < 0)
        {
            return "a sum of squares is negative.";
        }

        for (int a = 0; a < k; a++)
        {
            if (squares(a, a) < 0)
            {
                return "a sum of squares is negative.";
            }

            for (int b = 0; b < a; b++)
            {
                if (Math.Abs(squares(a, b)) > (Math.Sqrt(squares(a, a) * squares(b, b)) * (1 + slack)) + 1e-300)
                {
                    return "a sum of products exceeds the bound its sums of squares set (Cauchy–Schwarz).";
                }
            }

            if (Math.Abs(products(a)) > (Math.Sqrt(squares(a, a) * y2) * (1 + slack)) + 1e-300)
            {
                return "a sum of products with the response exceeds the bound its sums of squares set (Cauchy–Schwarz).";
            }
        }

        return null;
    }
}

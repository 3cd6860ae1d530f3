using System;
using System.Collections.Generic;
using System.Linq;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// The sufficient statistics of a linear mixed model over a set of rows, keyed by level names so that sets of rows
/// merge by addition: X'X, X'y, y'y, and per level of each grouping factor Z'Z, Z'X, Z'y, and per pair of levels of two
/// factors that share rows their Z'Z block. Everything <see cref="LmmEngine"/> evaluates is a function of these.
/// </summary>
internal sealed class LmmCrossProducts
{
    /// <summary>
    /// One level's cross-products (K terms of its factor): Z'Z (K × K), Z'X (K × p) and Z'y (K × 1), compensated sums
    /// in one array (a level costs one small object and one array, not a block object per product: a growth model
    /// has a level per client).
    /// </summary>
    internal sealed class Level
    {
        private readonly double[] _store;
        private readonly int _offset;
        private readonly int _k;
        private readonly int _p;

        internal Level(int k, int p)
            : this(k, p, new double[Stride(k, p)])
        {
        }

        /// <summary>A level over sums already formed: a partial read from its file (<see cref="Store"/>'s layout), or a factor's flat store at <paramref name="offset"/>.</summary>
        internal Level(int k, int p, double[] store, int offset = 0)
        {
            _k = k;
            _p = p;
            _store = store;
            _offset = offset;
        }

        /// <summary>Gets the sums: Z'Z, Z'X, Z'y row-major, each entry a sum and its compensation (a copy when the level lives in a factor's flat store).</summary>
        internal double[] Store => _offset == 0 && _store.Length == Stride(_k, _p) ? _store : _store.Skip(_offset).Take(Stride(_k, _p)).ToArray();

        internal CompensatedView ZZ => Views(_store, _offset, _k, _p).ZZ;

        internal CompensatedView ZX => Views(_store, _offset, _k, _p).ZX;

        internal CompensatedView Zy => Views(_store, _offset, _k, _p).Zy;

        internal int Rows { get; set; }
    }

    /// <summary>The numbers one level's sums take: 2 K (K + p + 1) (each entry a sum and its compensation).</summary>
    internal static int Stride(int k, int p) => 2 * k * (k + p + 1);

    /// <summary>A level's Z'Z, Z'X and Z'y in a store of levels laid out one after another.</summary>
    internal static (CompensatedView ZZ, CompensatedView ZX, CompensatedView Zy) Views(double[] store, int offset, int k, int p) =>
        (new CompensatedView(store, offset, k, k), new CompensatedView(store, offset + (2 * k * k), k, p), new CompensatedView(store, offset + (2 * k * (k + p)), k, 1));

    /// <summary>One grouping factor: its name, its terms, its levels' cross-products, and whether its effects are uncorrelated (<c>||</c>).</summary>
    internal sealed record Term(string Group, string[] Names, Dictionary<string, Level> Levels, bool Uncorrelated = false)
    {
        internal int K => Names.Length;
    }

    internal LmmCrossProducts(string formula, string[] fixedNames, int n, CompensatedBlock xx, CompensatedBlock xy, CompensatedBlock yy, Term[] terms, Dictionary<(int First, int Second), Dictionary<(string, string), CompensatedBlock>> cross)
    {
        Formula = formula;
        FixedNames = fixedNames;
        N = n;
        XX = xx;
        XY = xy;
        YY = yy;
        Terms = terms;
        Cross = cross;
    }

    internal string Formula { get; }

    internal string[] FixedNames { get; }

    internal int N { get; }

    /// <summary>Gets X'X, both triangles.</summary>
    internal CompensatedBlock XX { get; }

    /// <summary>Gets X'y (p × 1).</summary>
    internal CompensatedBlock XY { get; }

    /// <summary>Gets y'y (1 × 1).</summary>
    internal CompensatedBlock YY { get; }

    /// <summary>Gets the grouping factors in the formula's order.</summary>
    internal Term[] Terms { get; }

    /// <summary>
    /// Gets, for products formed from rows, each factor's levels by index in its sorted order (the order the engine
    /// uses), so the engine reads them without looking a label up; null for merged or read partials.
    /// </summary>
    internal (string[] Names, double[] Store, int Stride)[]? Sorted { get; private init; }

    /// <summary>Gets, for factors First &lt; Second (formula order), the Z_First'Z_Second block of each pair of levels that share a row.</summary>
    internal Dictionary<(int First, int Second), Dictionary<(string, string), CompensatedBlock>> Cross { get; }

    /// <summary>The cross-products of a design's rows.</summary>
    internal static LmmCrossProducts FromDesign(string formula, LmmDesign design) => FromRows(formula, design.Y, design.Columns, design.Names.ToArray(), design.Random, keyed: true);

    /// <summary>
    /// The cross-products of rows: the response, the fixed-effects columns, and the random terms (each row's level and
    /// term values). With <c>keyed</c> the levels are also keyed by label (<see cref="Term.Levels"/>: a partial, which
    /// merges by label); a fit reads them by index only (<see cref="Sorted"/>), with no object per level.
    /// </summary>
    internal static LmmCrossProducts FromRows(string formula, double[] y, IReadOnlyList<double[]> x, string[] names, IReadOnlyList<LmmRandomTerm> random, bool keyed)
    {
        int n = y.Length, p = x.Count;
        var xx = new CompensatedBlock(p, p);
        var xy = new CompensatedBlock(p, 1);
        var yy = new CompensatedBlock(1, 1);
        // Each factor's levels' sums in one flat array, level after level.
        int[] strides = random.Select(t => Stride(t.K, p)).ToArray();
        double[][] stores = random.Select((t, i) => new double[checked(t.LevelNames.Length * strides[i])]).ToArray();
        int[][] counts = random.Select(t => new int[t.LevelNames.Length]).ToArray();
        var cross = new Dictionary<(int, int), Dictionary<(int, int), CompensatedBlock>>();
        var row = new double[p];
        for (int r = 0; r < n; r++)
        {
            double value = y[r];
            yy.Add(0, 0, value * value);
            for (int a = 0; a < p; a++)
            {
                row[a] = x[a][r];
            }

            for (int a = 0; a < p; a++)
            {
                xy.Add(a, 0, row[a] * value);
                for (int b = 0; b <= a; b++)
                {
                    xx.Add(a, b, row[a] * row[b]);
                }
            }

            for (int t = 0; t < random.Count; t++)
            {
                LmmRandomTerm term = random[t];
                int levelIndex = term.Levels[r];
                counts[t][levelIndex]++;
                (CompensatedView zz, CompensatedView zx, CompensatedView zy) = Views(stores[t], levelIndex * strides[t], term.K, p);
                for (int c = 0; c < term.K; c++)
                {
                    double z = term.Columns[c][r];
                    zy.Add(c, 0, z * value);
                    for (int a = 0; a < p; a++)
                    {
                        zx.Add(c, a, z * row[a]);
                    }

                    for (int d = 0; d <= c; d++)
                    {
                        zz.Add(c, d, z * term.Columns[d][r]);
                    }
                }

                for (int t2 = t + 1; t2 < random.Count; t2++)
                {
                    LmmRandomTerm other = random[t2];
                    if (!cross.TryGetValue((t, t2), out var blocks))
                    {
                        cross[(t, t2)] = blocks = new Dictionary<(int, int), CompensatedBlock>();
                    }

                    if (!blocks.TryGetValue((term.Levels[r], other.Levels[r]), out CompensatedBlock? block))
                    {
                        blocks[(term.Levels[r], other.Levels[r])] = block = new CompensatedBlock(term.K, other.K);
                    }

                    for (int c = 0; c < term.K; c++)
                    {
                        for (int d = 0; d < other.K; d++)
                        {
                            block.Add(c, d, term.Columns[c][r] * other.Columns[d][r]);
                        }
                    }
                }
            }
        }

        Term[] terms = random.Select((t, i) => new Term(
            t.Group,
            t.Terms,
            keyed ? t.LevelNames.Select((name, l) => (name, l)).ToDictionary(x => x.name, x => new Level(t.K, p, stores[i], x.l * strides[i]) { Rows = counts[i][x.l] }, StringComparer.Ordinal) : new Dictionary<string, Level>(StringComparer.Ordinal),
            t.Uncorrelated)).ToArray();
        var named = cross.ToDictionary(
            c => c.Key,
            c => c.Value.ToDictionary(b => (random[c.Key.Item1].LevelNames[b.Key.Item1], random[c.Key.Item2].LevelNames[b.Key.Item2]), b => b.Value));
        // The design's level names are sorted (ordinal), as the engine orders them.
        return new LmmCrossProducts(formula, names, n, xx, xy, yy, terms, named) { Sorted = random.Select((t, i) => (t.LevelNames, stores[i], strides[i])).ToArray() };
    }

    /// <summary>Whether two sets of cross-products are of one model (formula, fixed effects, factors and their terms).</summary>
    internal bool SameModel(LmmCrossProducts other) =>
        string.Equals(Formula, other.Formula, StringComparison.Ordinal) && FixedNames.SequenceEqual(other.FixedNames, StringComparer.Ordinal)
        && Terms.Length == other.Terms.Length && Terms.Zip(other.Terms, (a, b) => a.Group == b.Group && a.Uncorrelated == b.Uncorrelated && a.Names.SequenceEqual(b.Names, StringComparer.Ordinal)).All(x => x);

    /// <summary>The cross-products of the union of the parts' rows (the parts' rows disjoint): compensated sums, level by level.</summary>
    internal static LmmCrossProducts Merge(IReadOnlyList<LmmCrossProducts> parts)
    {
        LmmCrossProducts first = parts[0];
        int p = first.FixedNames.Length;
        var xx = new CompensatedBlock(p, p);
        var xy = new CompensatedBlock(p, 1);
        var yy = new CompensatedBlock(1, 1);
        long n = 0;
        var terms = first.Terms.Select(t => new Term(t.Group, t.Names, new Dictionary<string, Level>(StringComparer.Ordinal), t.Uncorrelated)).ToArray();
        var cross = new Dictionary<(int First, int Second), Dictionary<(string, string), CompensatedBlock>>();
        foreach (LmmCrossProducts part in parts)
        {
            n += part.N;
            yy.Add(part.YY);
            xy.Add(part.XY);
            xx.Add(part.XX);
            for (int t = 0; t < terms.Length; t++)
            {
                foreach (KeyValuePair<string, Level> level in part.Terms[t].Levels)
                {
                    if (!terms[t].Levels.TryGetValue(level.Key, out Level? sum))
                    {
                        terms[t].Levels[level.Key] = sum = new Level(terms[t].K, p);
                    }

                    sum.Rows += level.Value.Rows;
                    sum.ZZ.Add(level.Value.ZZ);
                    sum.ZX.Add(level.Value.ZX);
                    sum.Zy.Add(level.Value.Zy);
                }
            }

            foreach (var pair in part.Cross)
            {
                if (!cross.TryGetValue(pair.Key, out var blocks))
                {
                    cross[pair.Key] = blocks = new Dictionary<(string, string), CompensatedBlock>();
                }

                foreach (var block in pair.Value)
                {
                    if (!blocks.TryGetValue(block.Key, out CompensatedBlock? sum))
                    {
                        blocks[block.Key] = sum = new CompensatedBlock(block.Value.Rows, block.Value.Columns);
                    }

                    sum.Add(block.Value);
                }
            }
        }

        return new LmmCrossProducts(first.Formula, first.FixedNames, checked((int)n), xx, xy, yy, terms, cross);
    }

    /// <summary>The cross-products without one grouping factor (a factor with one level in the pooled data, which the model then leaves out): its levels and its cross blocks dropped, the other factors' blocks re-indexed.</summary>
    internal LmmCrossProducts WithoutFactor(int index, string formula)
    {
        int Map(int i) => i < index ? i : i - 1;
        Term[] terms = Terms.Where((_, i) => i != index).ToArray();
        var cross = Cross.Where(c => c.Key.First != index && c.Key.Second != index).ToDictionary(c => (Map(c.Key.First), Map(c.Key.Second)), c => c.Value);
        return new LmmCrossProducts(formula, FixedNames, N, XX, XY, YY, terms, cross);
    }

    /// <summary>The engine's terms: level names sorted as the row path sorts them, no rows.</summary>
    internal IReadOnlyList<LmmRandomTerm> EngineTerms() => Terms
        .Select((t, i) => new LmmRandomTerm(t.Group, t.Names, t.Names.Select(_ => Array.Empty<double>()).ToArray(), Array.Empty<int>(), Sorted?[i].Names ?? t.Levels.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray(), t.Uncorrelated))
        .ToArray();

    internal LmmEngine ToEngine() => new(this);
}

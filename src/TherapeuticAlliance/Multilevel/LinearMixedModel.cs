using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// Fits linear mixed models written in lme4's formula syntax (the subset in docs/multilevel.md):
/// <c>post ~ pre + (1 | therapist)</c>, <c>post ~ pre + (1 | site / therapist)</c>,
/// <c>ors ~ log(session) + (1 + log(session) | client)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The model: y = Xβ + Zb + ε with b ~ N(0, Σ(θ)) and ε ~ N(0, σ²I); Σ is unstructured per grouping factor. The
/// algorithm is lme4's (Bates, Mächler, Bolker and Walker 2015, "Fitting Linear Mixed-Effects Models Using lme4",
/// Journal of Statistical Software 67(1)): penalised least squares through a Cholesky factor of Λ'Z'ZΛ + I and the
/// profiled REML criterion or deviance, minimised over θ. Satterthwaite's degrees of freedom follow lmerTest
/// (Kuznetsova, Brockhoff and Christensen 2017). Fixed effects: an intercept unless <c>0 +</c> or <c>- 1</c>; numeric
/// columns, <c>log(x)</c>, categorical columns by treatment contrasts (levels in ordinal order, the first the
/// baseline), interactions <c>a:b</c> and <c>a*b</c>. Random effects: <c>(1 | g)</c>, <c>(1 + x | g)</c> with an
/// unstructured covariance, nested <c>(1 | a / b)</c> (lme4's <c>b:a</c>) and crossed factors.
/// </para>
/// <para>Thread-safe: each call fits its own model.</para>
/// </remarks>
public static class LinearMixedModel
{
    /// <summary>Fits a model.</summary>
    /// <param name="formula">The formula, in lme4's syntax.</param>
    /// <param name="data">The data.</param>
    /// <param name="reml"><see langword="true"/> (the default, as lme4) for REML, <see langword="false"/> for maximum likelihood.</param>
    /// <returns>The fit, or an <see cref="InvalidMixedModel"/> saying what is wrong with the formula or the data.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="formula"/> or <paramref name="data"/> is <see langword="null"/>.</exception>
    public static MixedModelResult Fit(string formula, ModelFrame data, bool reml = true)
    {
        Guard.Against.Null(formula);
        Guard.Against.Null(data);
        var watch = Stopwatch.StartNew();
        MixedModelResult result = FitMeasured(formula, data, reml);
        AllianceTelemetry.RecordFit("lmer", result.IsSuccess ? "fitted" : result.Error!.Code, watch.Elapsed);
        return result;
    }

    private static MixedModelResult FitMeasured(string formula, ModelFrame data, bool reml)
    {
        OneOf.OneOf<LmmDesign, InvalidMixedModel> built = Build(formula, data, partial: false);
        if (built.IsT1)
        {
            return built.AsT1;
        }

        LmmDesign design = built.AsT0;
        if (TooLarge(design.Random.Select(t => (t.K, t.LevelNames.Length))) is { } tooLarge)
        {
            return tooLarge;
        }

        if (RankDeficient(CrossProduct(design.Columns)))
        {
            return RankDeficiency();
        }

        var engine = new LmmEngine(design.Y, design.Columns.ToArray(), design.Names.ToArray(), design.Random);
        if (engine.Fit(reml) is not { } fit)
        {
            return NotConverged();
        }

        // Fitted values Xβ + Zb (lme4's fitted) and residuals y − fitted, at the frame's rows; NaN where a row was left out.
        var fitted = new double[design.FrameRows];
        var residuals = new double[design.FrameRows];
        fitted.AsSpan().Fill(double.NaN);
        residuals.AsSpan().Fill(double.NaN);
        // The engine's terms carry no rows: each one's rows are the design's term of its factor, its levels in the engine's order.
        LmmRandomTerm[] designTerms = fit.Terms.Select(t => design.Random.Single(d => d.Group == t.Group)).ToArray();
        int[][] levelMaps = fit.Terms.Select((t, j) =>
        {
            var index = t.LevelNames.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
            return designTerms[j].LevelNames.Select(name => index[name]).ToArray();
        }).ToArray();
        for (int r = 0; r < design.Y.Length; r++)
        {
            double value = 0;
            for (int a = 0; a < design.Columns.Count; a++)
            {
                value += design.Columns[a][r] * fit.Beta[a];
            }

            for (int j = 0; j < fit.Terms.Length; j++)
            {
                LmmRandomTerm term = designTerms[j];
                double[] mode = fit.Modes[j][levelMaps[j][term.Levels[r]]];
                for (int a = 0; a < term.K; a++)
                {
                    value += term.Columns[a][r] * mode[a];
                }
            }

            int at = design.RowMap is { } map ? map[r] : r;
            fitted[at] = value;
            residuals[at] = design.Y[r] - value;
        }

        return Assemble(formula, reml, engine, fit, design.Names, fitted, residuals, design.FrameRows - design.Y.Length);
    }

    /// <summary>
    /// Computes a site's partial for a model: the cross-products the fit needs (X'X, X'y, y'y, and per level of each
    /// grouping factor Z'Z, Z'X and Z'y), never a row. Partials of disjoint sets of rows merge
    /// (<see cref="MixedModelPartial.Merge"/>) into the partial of their union, and <see cref="FitPartial"/>
    /// fits it to the pooled fit's values (to rounding).
    /// </summary>
    /// <param name="formula">The formula, in lme4's syntax; fixed effects numeric (a categorical predictor's contrasts depend on every site's levels: code it as 0/1 columns every site shares).</param>
    /// <param name="data">This site's rows.</param>
    /// <param name="policy">The disclosure policy: every level of every grouping factor must summarise at least <see cref="DisclosurePolicy.MinimumPeople"/> rows, or no partial is made (withholding a level would make the merged fit inexact). <see langword="null"/> for <see cref="DisclosurePolicy.Default"/>.</param>
    /// <returns>The partial, or an <see cref="InvalidMixedModel"/> (the formula, the data, or <see cref="MixedModelErrorKind.Disclosure"/>, saying how many levels are too small and never which).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="formula"/> or <paramref name="data"/> is <see langword="null"/>.</exception>
    public static MixedModelPartialResult Partial(string formula, ModelFrame data, DisclosurePolicy? policy = null)
    {
        Guard.Against.Null(formula);
        Guard.Against.Null(data);
        policy ??= DisclosurePolicy.Default;
        policy.Validate(nameof(policy));
        OneOf.OneOf<LmmDesign, InvalidMixedModel> built = Build(formula, data, partial: true);
        if (built.IsT1)
        {
            return built.AsT1;
        }

        LmmDesign design = built.AsT0;
        if (design.Categorical)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "A partial takes numeric fixed effects only: a categorical predictor's contrasts depend on the levels of every site. Code it as 0/1 columns that every site shares.");
        }

        LmmCrossProducts products = LmmCrossProducts.FromDesign(formula.Trim(), design);
        int small = products.Terms.Sum(t => t.Levels.Values.Count(l => l.Rows < policy.MinimumPeople));
        if (small > 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Disclosure, string.Format(CultureInfo.InvariantCulture, "{0} level(s) of the grouping factors summarise fewer than {1} rows, the disclosure policy's minimum; no partial is made (leaving them out would make the pooled fit inexact). Pool those groups' rows with the coordinating site, or agree on a lower minimum.", small, policy.MinimumPeople));
        }

        return new MixedModelPartial(products);
    }

    /// <summary>Fits a model from a partial (one site's, or several merged): the fit of the pooled rows, without them.</summary>
    /// <param name="partial">The partial, from <see cref="Partial"/> or <see cref="MixedModelPartial.Merge"/>.</param>
    /// <param name="reml"><see langword="true"/> (the default) for REML, <see langword="false"/> for maximum likelihood.</param>
    /// <returns>
    /// The fit, with every figure of <see cref="Fit(string, ModelFrame, bool)"/> but <see cref="MixedModelFit.Fitted"/>
    /// and <see cref="MixedModelFit.Residuals"/> (empty: no row is present); or an <see cref="InvalidMixedModel"/> when
    /// the pooled data cannot be fitted (too few levels, rank-deficient fixed effects).
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partial"/> is <see langword="null"/>.</exception>
    public static MixedModelResult FitPartial(MixedModelPartial partial, bool reml = true)
    {
        Guard.Against.Null(partial);
        LmmCrossProducts products = partial.Products;
        foreach (LmmCrossProducts.Term term in products.Terms)
        {
            if (term.Levels.Count < 2 || term.Levels.Count >= products.N)
            {
                return TooFewGroups(term.Group, term.Levels.Count, products.N);
            }
        }

        if (TooLarge(products.Terms.Select(t => (t.K, t.Levels.Count))) is { } tooLarge)
        {
            return tooLarge;
        }

        if (RankDeficient(products.XX.ToArray()))
        {
            return RankDeficiency();
        }

        LmmEngine engine = products.ToEngine();
        return engine.Fit(reml) is { } fit
            ? Assemble(products.Formula, reml, engine, fit, products.FixedNames.ToList(), Array.Empty<double>(), Array.Empty<double>(), 0)
            : NotConverged();
    }

    /// <summary>
    /// The most random-effect coefficients the grouping factors other than the largest (the one with the most
    /// coefficients) may have together: 4,000. The engine keeps the largest factor's block sparse, by level, and the
    /// others' dense (their square, about 128 MB at this limit), which nested designs (therapists in 100 sites) and
    /// crossed designs with a small second factor (sessions, sites) stay far below.
    /// </summary>
    public const int MaximumDenseCoefficients = 4000;

    /// <summary>
    /// The most random-effect coefficients one grouping factor may have: 20 (an intercept and 19 slopes). The optimiser
    /// works over K (K + 1) / 2 parameters per factor, and its cost grows about as K⁴; models fitted with lme4 have a
    /// few.
    /// </summary>
    public const int MaximumTermsPerFactor = 20;

    private static InvalidMixedModel? TooLarge(IEnumerable<(int K, int Levels)> terms)
    {
        if (terms.Any(t => t.K > MaximumTermsPerFactor))
        {
            return new InvalidMixedModel(MixedModelErrorKind.TooLarge, string.Format(CultureInfo.InvariantCulture, "A grouping factor has more than {0} random-effect coefficients (an intercept and slopes); the optimiser's cost grows as their number to the fourth power. Fit fewer random slopes.", MaximumTermsPerFactor));
        }

        long[] coefficients = terms.Select(t => (long)t.K * t.Levels).OrderByDescending(q => q).ToArray();
        long dense = coefficients.Skip(1).Sum();
        return dense <= MaximumDenseCoefficients ? null : new InvalidMixedModel(MixedModelErrorKind.TooLarge, string.Format(CultureInfo.InvariantCulture, "The grouping factors other than the largest have {0} random-effect coefficients together, more than the {1} the engine holds dense (it keeps only the largest factor sparse); fit a model with one large factor, or nest the others within it.", dense, MaximumDenseCoefficients));
    }

    private static InvalidMixedModel TooFewGroups(string group, int levels, long rows) => new(MixedModelErrorKind.Groups, string.Format(CultureInfo.InvariantCulture, "The grouping factor '{0}' has {1} level(s) for {2} observations; it needs at least 2 levels and fewer levels than observations (as lme4 requires).", SafeText.Clean(group, 60), levels, rows));

    private static InvalidMixedModel NotConverged() => new(MixedModelErrorKind.NotConverged, "The optimiser did not converge (Nelder–Mead's 10,000 iterations), or the criterion is not finite at its optimum (sums that no rows could give, from a partial); check the data's scale (rescale a predictor measured in thousands) and simplify the random effects.");

    private static InvalidMixedModel RankDeficiency() => new(MixedModelErrorKind.RankDeficient, "The fixed effects are rank deficient: a predictor is constant, or a combination of the others (or a category has no rows); drop or recode it.");

    /// <summary>Parses the formula and builds the model's columns from the frame (rows missing a used value left out).</summary>
    private static OneOf.OneOf<LmmDesign, InvalidMixedModel> Build(string formula, ModelFrame data, bool partial)
    {
        if (formula.Length > 4000)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "The formula is longer than 4,000 characters.");
        }

        int tilde = formula.IndexOf('~');
        if (tilde <= 0 || formula.IndexOf('~', tilde + 1) >= 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "A formula has one '~' with the response before it, such as 'post ~ pre + (1 | therapist)'.");
        }

        string response = formula.Substring(0, tilde).Trim();
        List<(string Text, bool Negative)>? terms = SplitTerms(formula.Substring(tilde + 1));
        if (terms is null)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "The formula's parentheses do not match.");
        }

        bool intercept = true;
        var fixedTerms = new List<string>();
        var randomTerms = new List<(string Lhs, string Group, bool Uncorrelated)>();
        foreach ((string text, bool negative) in terms)
        {
            if (text is "0" or "-1" || (negative && text == "1"))
            {
                intercept = false;
            }
            else if (text == "1" && !negative)
            {
                intercept = true;
            }
            else if (negative)
            {
                return new InvalidMixedModel(MixedModelErrorKind.Formula, "Only '- 1' may be subtracted in a formula.");
            }
            else if (text.Length > 1 && text[0] == '(' && text[text.Length - 1] == ')' && TopLevelBar(text.Substring(1, text.Length - 2)) is { } bar)
            {
                string inner = text.Substring(1, text.Length - 2);
                bool uncorrelated = inner.Length > bar + 1 && inner[bar + 1] == '|';   // lme4's (1 + x || g)
                string group = inner.Substring(bar + (uncorrelated ? 2 : 1)).Trim();
                if (group.Length == 0 || group.Any(c => c == '|'))
                {
                    return new InvalidMixedModel(MixedModelErrorKind.Formula, "A random-effects term is (effects | factor), or (effects || factor) for uncorrelated effects, such as (1 + x | g).");
                }

                string lhs = inner.Substring(0, bar).Trim();
                string[] nested = group.Split('/').Select(g => g.Trim()).ToArray();
                for (int level = 0; level < nested.Length; level++)
                {
                    // lme4: (x | a / b) is (x | a) + (x | b:a).
                    randomTerms.Add((lhs, string.Join(":", nested.Take(level + 1).Reverse()), uncorrelated));
                }
            }
            else
            {
                foreach (string expanded in Expand(text))
                {
                    if (!fixedTerms.Contains(expanded, StringComparer.Ordinal))
                    {
                        fixedTerms.Add(expanded);
                    }
                }
            }
        }

        // R orders a model's terms by degree: main effects first, then two-way interactions, and so on.
        fixedTerms = fixedTerms.OrderBy(t => t.Split(':').Length).ToList();
        if (randomTerms.GroupBy(t => t.Group, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            // lme4 allows (1 | g) + (0 + x | g), uncorrelated effects of one factor; this engine keys terms by factor.
            return new InvalidMixedModel(MixedModelErrorKind.Formula, string.Format(CultureInfo.InvariantCulture, "Two random-effects terms name the grouping factor '{0}'; write its effects in one term, such as (1 + x | g), or (1 + x || g) for uncorrelated effects.", SafeText.Clean(repeated.Key, 60)));
        }

        if (randomTerms.Count == 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "The formula has no random-effects term such as '(1 | therapist)'; a model without one is an ordinary regression.");
        }

        // R's na.omit: a row missing a value of any column the model uses (NaN, or a null label) is left out.
        ModelFrame all = data;
        int[]? rowMap = null;   // the frame's row of each model row; null when every row is used
        var used = new HashSet<string>(StringComparer.Ordinal) { BaseColumn(response) };
        used.UnionWith(fixedTerms.SelectMany(t => t.Split(':')).Select(BaseColumn));
        foreach ((string lhs, string group, _) in randomTerms)
        {
            used.UnionWith(group.Split(':'));
            used.UnionWith((SplitTerms(lhs) ?? new List<(string Text, bool Negative)>()).Select(t => BaseColumn(t.Text)).Where(t => t is not ("0" or "1")));
        }

        var keep = new bool[data.Rows];
        keep.AsSpan().Fill(true);
        foreach (string column in used)
        {
            if (data.Numeric(column) is { } values)
            {
                for (int i = 0; i < values.Length; i++)
                {
                    keep[i] &= !double.IsNaN(values[i]);
                }
            }
            else if (data.Factor(column) is { } labels)
            {
                for (int i = 0; i < labels.Length; i++)
                {
                    keep[i] &= labels[i] is not null;
                }
            }
        }

        if (keep.Contains(false))
        {
            data = data.Subset(keep);
            rowMap = Enumerable.Range(0, keep.Length).Where(i => keep[i]).ToArray();
            if (data.Rows == 0)
            {
                return new InvalidMixedModel(MixedModelErrorKind.NotFinite, "Every row misses a value of a column the model uses; there is nothing to fit.");
            }
        }

        // The response.
        // Each expression evaluated once: log(session) as a fixed effect and as a random slope is one column.
        var evaluated = new Dictionary<string, double[]?>(StringComparer.Ordinal);
        double[]? Column(string expression) => evaluated.TryGetValue(expression.Trim(), out double[]? known) ? known : evaluated[expression.Trim()] = Evaluate(expression, data);
        if (Column(response) is not { } y)
        {
            return UnknownColumn(response, data, "the response");
        }

        // The fixed-effects model matrix. Columns are never written after this, so they are shared, not copied: one
        // column of ones serves every intercept, and a numeric column of the frame is the model's column itself.
        bool categorical = false;
        var columns = new List<double[]>();
        var names = new List<string>();
        var ones = new double[data.Rows];
        ones.AsSpan().Fill(1);
        if (intercept)
        {
            columns.Add(ones);
            names.Add("(Intercept)");
        }

        foreach (string term in fixedTerms)
        {
            var parts = new List<(string Name, double[] Values)> { (string.Empty, ones) };
            foreach (string factor in term.Split(':').Select(f => f.Trim()))
            {
                var next = new List<(string Name, double[] Values)>();
                if (Column(factor) is { } numeric)
                {
                    next.AddRange(parts.Select(p => (Join(p.Name, factor), ReferenceEquals(p.Values, ones) ? numeric : p.Values.Select((v, i) => v * numeric[i]).ToArray())));
                }
                else if (data.Factor(factor) is { } nullableLabels)
                {
                    categorical = true;
                    string[] labels = nullableLabels!;
                    string[] levels = labels.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray();
                    foreach (var p in parts)
                    {
                        foreach (string level in levels.Skip(1))
                        {
                            next.Add((Join(p.Name, factor + level), p.Values.Select((v, i) => string.Equals(labels[i], level, StringComparison.Ordinal) ? v : 0).ToArray()));
                        }
                    }
                }
                else
                {
                    return UnknownColumn(factor, data, "a fixed-effect term");
                }

                parts = next;
            }

            foreach (var (name, values) in parts)
            {
                names.Add(name);
                columns.Add(values);
            }
        }

        // The random-effects terms.
        var random = new List<LmmRandomTerm>();
        foreach ((string lhs, string group, bool uncorrelated) in randomTerms)
        {
            string[] factors = group.Split(':');
            string[][] labels = new string[factors.Length][];
            for (int f = 0; f < factors.Length; f++)
            {
                // lme4 makes a numeric grouping column a factor; so does this.
                if ((data.Factor(factors[f]) ?? data.Numeric(factors[f])?.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray()) is not { } column)
                {
                    return UnknownColumn(factors[f], data, "a grouping factor");
                }

                labels[f] = column!;
            }

            (int[] rowLevels, string[] levelNames) = Levels(labels);
            if (!partial && (levelNames.Length < 2 || levelNames.Length >= data.Rows))
            {
                return TooFewGroups(group, levelNames.Length, data.Rows);
            }

            var termNames = new List<string>();
            var termColumns = new List<double[]>();
            List<(string Text, bool Negative)> lhsTerms = SplitTerms(lhs) ?? new List<(string Text, bool Negative)>();
            bool randomIntercept = !lhsTerms.Any(t => t.Text == "0" || (t.Negative && t.Text == "1"));
            if (randomIntercept)
            {
                termNames.Add("(Intercept)");
                termColumns.Add(ones);
            }

            foreach ((string text, bool negative) in lhsTerms.Where(t => t.Text is not ("0" or "1")))
            {
                if (negative || Column(text) is not { } slope)
                {
                    return UnknownColumn(text, data, "a random slope (it must be a numeric column or log of one)");
                }

                termNames.Add(text);
                termColumns.Add(slope);
            }

            random.Add(new LmmRandomTerm(group, termNames.ToArray(), termColumns.ToArray(), rowLevels, levelNames, uncorrelated));
        }

        if (!AllFinite(y) || !columns.All(AllFinite) || !random.All(t => t.Columns.All(AllFinite)))
        {
            return new InvalidMixedModel(MixedModelErrorKind.NotFinite, "A value the model uses is missing or not finite (a log of zero or less, or NaN); remove those rows first (missing values are not dropped).");
        }

        return new LmmDesign(y, columns, names, random, rowMap, all.Rows, categorical);
    }

    /// <summary>
    /// Each row's level of a grouping factor (one column, or the interaction of nested columns, named as lme4 names it:
    /// <c>T01:S1</c>) and the levels' names in ordinal order, without a string per row: each column's labels are coded
    /// once, the codes combined per row, and a name joined only per distinct combination.
    /// </summary>
    private static (int[] RowLevels, string[] LevelNames) Levels(string[][] labels)
    {
        int n = labels[0].Length;
        var rowLevels = new int[n];
        var firstRow = new List<int>();
        if (labels.Length == 1)
        {
            // One column: its labels' codes are the levels.
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int r = 0; r < n; r++)
            {
                if (!codes.TryGetValue(labels[0][r], out int code))
                {
                    codes[labels[0][r]] = code = codes.Count;
                    firstRow.Add(r);
                }

                rowLevels[r] = code;
            }
        }

        for (int f = 0; f < (labels.Length == 1 ? 0 : labels.Length); f++)
        {
            // Dense codes of (the combination so far, this column's label): a pair per distinct combination, not per row.
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            var pairs = new Dictionary<long, int>();
            firstRow.Clear();
            for (int r = 0; r < n; r++)
            {
                if (!codes.TryGetValue(labels[f][r], out int code))
                {
                    codes[labels[f][r]] = code = codes.Count;
                }

                long key = ((long)(f == 0 ? 0 : rowLevels[r]) << 31) | (uint)code;
                if (!pairs.TryGetValue(key, out int level))
                {
                    pairs[key] = level = pairs.Count;
                    firstRow.Add(r);
                }

                rowLevels[r] = level;
            }
        }

        // Names of the distinct combinations, sorted as the names sort; rows renumbered to that order. Two combinations
        // with one name (labels holding ':', such as x:y with z and y with z:x, both z:x:y) are one level, as lme4's
        // interaction of the pasted labels makes them.
        string[] names = firstRow.Select(r => labels.Length == 1 ? labels[0][r] : string.Join(":", labels.Select(l => l[r]))).ToArray();
        string[] sorted = names.Distinct(StringComparer.Ordinal).OrderBy(name => name, StringComparer.Ordinal).ToArray();
        var position = sorted.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        int[] rank = names.Select(name => position[name]).ToArray();
        for (int r = 0; r < n; r++)
        {
            rowLevels[r] = rank[rowLevels[r]];
        }

        return (rowLevels, sorted);
    }

    /// <summary>The fit's figures under lme4's names, in the formula's order of terms.</summary>
    private static MixedModelFit Assemble(string formula, bool reml, LmmEngine engine, LmmFit fit, List<string> names, double[] fitted, double[] residuals, int omitted)
    {
        // Satterthwaite's df need a Hessian of the deviance (about 150 evaluations): computed when first read, as
        // lmerTest's summary computes them after lme4's lmer has fitted.
        LmmFit slim = fit.WithoutModes();   // the lazy df keep the estimates, not a copy of every level's modes
        ImmutableArray<FixedEffect> FixedEffects()
        {
            (double[] dfs, double[] pValues) = engine.Satterthwaite(slim);
            return names.Select((n, a) => new FixedEffect(n, slim.Beta[a], Math.Sqrt(slim.BetaCovariance[a, a]), dfs[a], slim.Beta[a] / Math.Sqrt(slim.BetaCovariance[a, a]), pValues[a])).ToImmutableArray();
        }


        // Variance components and modes in the formula's order of terms (lme4 orders by levels; the engine by size).
        var components = ImmutableArray.CreateBuilder<VarianceComponent>();
        var modes = ImmutableArray.CreateBuilder<ConditionalMode>();
        var groups = ImmutableArray.CreateBuilder<KeyValuePair<string, int>>();
        foreach (LmmRandomTerm term in fit.Terms)
        {
            int j = Array.IndexOf(fit.Terms, term);
            double[,] cov = fit.Covariances[j];
            groups.Add(new KeyValuePair<string, int>(term.Group, term.LevelNames.Length));
            // An uncorrelated term's coefficients are separate groups in lme4's VarCorr: client, client.1, ...
            for (int a = 0; a < term.K; a++)
            {
                string group = term.Uncorrelated && a > 0 ? term.Group + "." + a.ToString(CultureInfo.InvariantCulture) : term.Group;
                components.Add(new VarianceComponent(group, term.Terms[a], null, cov[a, a], Math.Sqrt(cov[a, a])));
            }

            for (int a = 0; a < (term.Uncorrelated ? 0 : term.K); a++)
            {
                for (int b = a + 1; b < term.K; b++)
                {
                    double denominator = Math.Sqrt(cov[a, a] * cov[b, b]);
                    components.Add(new VarianceComponent(term.Group, term.Terms[a], term.Terms[b], cov[a, b], denominator > 0 ? cov[a, b] / denominator : double.NaN));
                }
            }

            for (int level = 0; level < term.LevelNames.Length; level++)
            {
                for (int a = 0; a < term.K; a++)
                {
                    modes.Add(new ConditionalMode(term.Group, term.LevelNames[level], term.Terms[a], fit.Modes[j][level][a], Math.Sqrt(fit.ModeVariances[j][level][a])));
                }
            }
        }

        components.Add(new VarianceComponent("Residual", null, null, fit.Sigma2, Math.Sqrt(fit.Sigma2)));

        bool singular = fit.Singular || components.Any(c => c.Term2 is not null && Math.Abs(c.StandardDeviation) > 1 - 1e-6);
        return new MixedModelFit(formula.Trim(), reml, new Lazy<ImmutableArray<FixedEffect>>(FixedEffects, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication), components.ToImmutable(), fit.Sigma2, groups.ToImmutable(), fit.Observations, fit.Criterion, names.Count + fit.Theta.Length + 1, singular, modes.ToImmutable(), fit.Theta.ToImmutableArray(), fit.Evaluations, fit.GradientNorm)
        {
            Fitted = AsImmutable(fitted),
            Residuals = AsImmutable(residuals),
            OmittedRows = omitted,
            Profiler = engine.ProfileIntervals,
            Objective = theta => engine.Objective(theta, reml),
        };
    }

    /// <summary>An array no one else holds, as an immutable array without a copy where the framework allows it.</summary>
    private static ImmutableArray<double> AsImmutable(double[] values) =>
#if NET8_0_OR_GREATER
        System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(values);
#else
        values.ToImmutableArray();
#endif

    private static bool AllFinite(double[] values)
    {
        foreach (double v in values)
        {
            if (double.IsNaN(v) || double.IsInfinity(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The column an expression reads: <c>x</c> of <c>log(x)</c>, else the expression itself.</summary>
    private static string BaseColumn(string expression)
    {
        expression = expression.Trim();
        return expression.StartsWith("log(", StringComparison.Ordinal) && expression[expression.Length - 1] == ')' ? expression.Substring(4, expression.Length - 5).Trim() : expression;
    }

    private static string Join(string left, string right) => left.Length == 0 ? right : left + ":" + right;

    private static InvalidMixedModel UnknownColumn(string expression, ModelFrame data, string role) => new(
        MixedModelErrorKind.Column,
        string.Format(CultureInfo.InvariantCulture, "'{0}' is used as {1}, but the data has no such column of that kind (numeric: {2}; categorical: {3}).", SafeText.Clean(expression, 60), role, Names(data.NumericColumns), Names(data.FactorColumns)));

    private static string Names(ImmutableArray<string> names) => names.Length == 0 ? "none" : string.Join(", ", names.Take(20).Select(n => SafeText.Clean(n, 40)));

    /// <summary>A numeric expression: a numeric column, or <c>log(column)</c> (natural log, as R's <c>log</c>).</summary>
    private static double[]? Evaluate(string expression, ModelFrame data)
    {
        expression = expression.Trim();
        if (expression.StartsWith("log(", StringComparison.Ordinal) && expression[expression.Length - 1] == ')')
        {
            return data.Numeric(expression.Substring(4, expression.Length - 5).Trim())?.Select(v => Math.Log(v)).ToArray();
        }

        return data.Numeric(expression);
    }

    /// <summary>Expands <c>a*b</c> into <c>a</c>, <c>b</c> and <c>a:b</c>; other terms stay as they are.</summary>
    private static IEnumerable<string> Expand(string term)
    {
        string[] parts = term.Split('*').Select(p => p.Trim()).ToArray();
        if (parts.Length == 1)
        {
            return new[] { term.Trim() };
        }

        // Every non-empty subset, smallest first (R's order of terms by degree).
        var subsets = new List<string[]>();
        for (int mask = 1; mask < (1 << parts.Length); mask++)
        {
            subsets.Add(parts.Where((_, i) => (mask & (1 << i)) != 0).ToArray());
        }

        return subsets.OrderBy(s => s.Length).Select(s => string.Join(":", s));
    }

    /// <summary>The position of a '|' outside parentheses, or null.</summary>
    private static int? TopLevelBar(string text)
    {
        int depth = 0;
        for (int i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (depth == 0 && text[i] == '|')
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Splits a right-hand side at top-level '+' and '-' into terms with their signs; null when parentheses do not match.</summary>
    private static List<(string Text, bool Negative)>? SplitTerms(string text)
    {
        var terms = new List<(string Text, bool Negative)>();
        int depth = 0, start = 0;
        bool negative = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '+';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return null;
            }

            if (depth == 0 && (c == '+' || c == '-'))
            {
                string term = text.Substring(start, i - start).Trim();
                if (term.Length > 0)
                {
                    terms.Add((term, negative));
                }

                negative = c == '-';
                start = i + 1;
            }
        }

        return depth == 0 ? terms : null;
    }

    /// <summary>The lower triangle of X'X.</summary>
    private static double[,] CrossProduct(List<double[]> columns)
    {
        int p = columns.Count;
        var xx = new double[p, p];
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = 0;
                for (int i = 0; i < columns[a].Length; i++)
                {
                    s += columns[a][i] * columns[b][i];
                }

                xx[a, b] = s;
            }
        }

        return xx;
    }

    /// <summary>Whether the columns are linearly dependent: a pivot of the Cholesky factor of X'X (its lower triangle is read) near zero.</summary>
    private static bool RankDeficient(double[,] xx)
    {
        int p = xx.GetLength(0);
        var l = new double[p, p];

        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = xx[a, b];
                for (int c = 0; c < b; c++)
                {
                    s -= l[a, c] * l[b, c];
                }

                if (a == b)
                {
                    if (s <= 1e-10 * Math.Max(xx[a, a], 1e-300))
                    {
                        return true;
                    }

                    l[a, a] = Math.Sqrt(s);
                }
                else
                {
                    l[a, b] = s / l[b, b];
                }
            }
        }

        return false;
    }
}

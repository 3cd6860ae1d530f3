using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A typed builder of the lme4 formulas <see cref="LinearMixedModel"/> fits, for code that composes models rather
/// than writing them: each method returns a new, immutable formula.
/// </summary>
/// <example>
/// <code>
/// MixedModelFormula therapistEffects = MixedModelFormula.Response("post").Fixed("pre").RandomIntercept("site", "therapist");
/// // therapistEffects.ToString() is "post ~ pre + (1 | site/therapist)"
/// MixedModelFormula growth = MixedModelFormula.Response("ors").Log("session").RandomSlopes("client", "log(session)");
/// // "ors ~ log(session) + (1 + log(session) | client)"
/// MixedModelResult fit = therapistEffects.Fit(frame);
/// </code>
/// </example>
/// <remarks>
/// Column names are checked when a method is called: a name holding a character of the formula syntax (<c>~ + - * / : | ( )</c>),
/// a space at either end, or nothing at all is a programmer's mistake (<see cref="ArgumentException"/>). Whether the
/// frame holds the columns is checked when the model is fitted (a typed <see cref="InvalidMixedModel"/>). Immutable
/// and thread-safe.
/// </remarks>
public sealed class MixedModelFormula
{
    private readonly string _response;
    private readonly bool _intercept;
    private readonly ImmutableArray<string> _fixed;
    private readonly ImmutableArray<string> _random;

    private MixedModelFormula(string response, bool intercept, ImmutableArray<string> fixedTerms, ImmutableArray<string> random)
    {
        _response = response;
        _intercept = intercept;
        _fixed = fixedTerms;
        _random = random;
    }

    /// <summary>Starts a formula: the response column (numeric), an intercept, nothing else yet.</summary>
    /// <param name="column">The response's column.</param>
    /// <returns>The formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="column"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="column"/> is not a usable column name.</exception>
    public static MixedModelFormula Response(string column) => new(Name(column, nameof(column)), true, ImmutableArray<string>.Empty, ImmutableArray<string>.Empty);

    /// <summary>Adds fixed effects: numeric columns (a slope each) or categorical columns (treatment contrasts).</summary>
    /// <param name="columns">The columns.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="columns"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a name is not usable.</exception>
    public MixedModelFormula Fixed(params string[] columns) => new(_response, _intercept, _fixed.AddRange(Guard.Against.Null(columns).Select(c => Name(c, nameof(columns)))), _random);

    /// <summary>Adds the natural log of a numeric column as a fixed effect (named <c>log(column)</c>, as R names it).</summary>
    /// <param name="column">The column.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="column"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the name is not usable.</exception>
    public MixedModelFormula Log(string column) => new(_response, _intercept, _fixed.Add("log(" + Name(column, nameof(column)) + ")"), _random);

    /// <summary>Adds the interaction of two or more columns (R's <c>a:b</c>; add the main effects with <see cref="Fixed"/>).</summary>
    /// <param name="columns">Two or more columns.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="columns"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when fewer than two columns are given, or a name is not usable.</exception>
    public MixedModelFormula Interaction(params string[] columns)
    {
        Guard.Against.Null(columns);
        Guard.Against.InvalidInput(columns, nameof(columns), c => c.Length >= 2, "An interaction needs two or more columns.");
        return new(_response, _intercept, _fixed.Add(string.Join(":", columns.Select(c => Name(c, nameof(columns))))), _random);
    }

    /// <summary>Removes the fixed intercept (R's <c>0 +</c>).</summary>
    /// <returns>A new formula.</returns>
    public MixedModelFormula WithoutIntercept() => new(_response, false, _fixed, _random);

    /// <summary>
    /// Adds a random intercept per level of a grouping factor, or of nested factors given outermost first:
    /// <c>RandomIntercept("site", "therapist")</c> is lme4's <c>(1 | site/therapist)</c>, a site intercept and one per
    /// therapist within site. Call it again for crossed factors.
    /// </summary>
    /// <param name="nested">One factor, or nested factors outermost first.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="nested"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no factor is given, or a name is not usable.</exception>
    public MixedModelFormula RandomIntercept(params string[] nested)
    {
        Guard.Against.Null(nested);
        Guard.Against.InvalidInput(nested, nameof(nested), n => n.Length >= 1, "Give the grouping factor.");
        return new(_response, _intercept, _fixed, _random.Add("(1 | " + string.Join("/", nested.Select(n => Name(n, nameof(nested)))) + ")"));
    }

    /// <summary>
    /// Adds a random intercept and correlated random slopes per level of a grouping factor (an unstructured covariance):
    /// <c>RandomSlopes("client", "log(session)")</c> is <c>(1 + log(session) | client)</c>. A slope is a numeric column
    /// or <c>log(column)</c>.
    /// </summary>
    /// <param name="group">The grouping factor.</param>
    /// <param name="slopes">One or more slopes.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no slope is given, or a name is not usable.</exception>
    public MixedModelFormula RandomSlopes(string group, params string[] slopes) => Slopes(group, slopes, " | ");

    /// <summary>
    /// Adds a random intercept and uncorrelated random slopes per level of a grouping factor (a diagonal covariance):
    /// <c>UncorrelatedSlopes("client", "log(session)")</c> is lme4's <c>(1 + log(session) || client)</c>, whose
    /// VarCorr names the slopes' groups <c>client.1</c>, <c>client.2</c>, ...
    /// </summary>
    /// <param name="group">The grouping factor.</param>
    /// <param name="slopes">One or more slopes.</param>
    /// <returns>A new formula.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no slope is given, or a name is not usable.</exception>
    public MixedModelFormula UncorrelatedSlopes(string group, params string[] slopes) => Slopes(group, slopes, " || ");

    private MixedModelFormula Slopes(string group, string[] slopes, string bar)
    {
        Guard.Against.Null(slopes);
        Guard.Against.InvalidInput(slopes, nameof(slopes), s => s.Length >= 1, "Give one or more slopes.");
        string[] terms = slopes.Select(s => s is not null && s.StartsWith("log(", StringComparison.Ordinal) && s[s.Length - 1] == ')' ? "log(" + Name(s.Substring(4, s.Length - 5), nameof(slopes)) + ")" : Name(s!, nameof(slopes))).ToArray();
        return new(_response, _intercept, _fixed, _random.Add("(1 + " + string.Join(" + ", terms) + bar + Name(group, nameof(group)) + ")"));
    }

    /// <summary>Fits the model (<see cref="LinearMixedModel.Fit(string, ModelFrame, bool)"/>).</summary>
    /// <param name="data">The data.</param>
    /// <param name="reml"><see langword="true"/> (the default) for REML, <see langword="false"/> for maximum likelihood.</param>
    /// <returns>The fit, or what is wrong.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="data"/> is <see langword="null"/>.</exception>
    public MixedModelResult Fit(ModelFrame data, bool reml = true) => LinearMixedModel.Fit(ToString(), data, reml);

    /// <summary>Returns the formula in lme4's syntax.</summary>
    /// <returns>Text such as <c>post ~ pre + (1 | site/therapist)</c>.</returns>
    public override string ToString()
    {
        var terms = (_intercept ? _fixed : _fixed.Insert(0, "0")).AddRange(_random);
        return _response + " ~ " + (terms.IsEmpty ? "1" : string.Join(" + ", terms));
    }

    private static string Name(string column, string parameter)
    {
        Guard.Against.Null(column, parameter);
        Guard.Against.InvalidInput(column, parameter, c => c.Length > 0 && c.Trim().Length == c.Length && c.All(ch => "~+-*/:|()".IndexOf(ch) < 0), "A column name for a formula is not empty, has no space at either end and none of ~ + - * / : | ( ).");
        return column;
    }
}

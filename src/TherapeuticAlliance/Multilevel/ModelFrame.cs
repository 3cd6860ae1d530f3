using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A table a mixed model is fitted on: named numeric columns (predictors, responses, slopes) and named categorical
/// columns (grouping factors such as <c>therapist</c> and <c>site</c>, or categorical predictors), all of one length.
/// </summary>
/// <remarks>
/// <para>Column names are case-sensitive and unique across both kinds. Values are copied; the frame is immutable and
/// thread-safe. Level labels (therapist or client identifiers) are the caller's own data: they appear in the fit's
/// conditional modes, never in a message or a <see cref="ToString"/>.</para>
/// </remarks>
public sealed class ModelFrame
{
    private readonly ImmutableDictionary<string, double[]> _numeric;
    private readonly ImmutableDictionary<string, string?[]> _factors;

    /// <summary>Initializes a new instance of the <see cref="ModelFrame"/> class.</summary>
    /// <param name="numeric">Numeric columns by name; <see langword="null"/> for none.</param>
    /// <param name="factors">Categorical columns by name (each value a level's label, or <see langword="null"/> for a missing value, R's <c>NA</c>); <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when a column is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no column, columns differ in length, or a name is empty or used twice.</exception>
    public ModelFrame(IReadOnlyDictionary<string, IReadOnlyList<double>>? numeric, IReadOnlyDictionary<string, IReadOnlyList<string?>>? factors = null)
    {
        _numeric = (numeric ?? new Dictionary<string, IReadOnlyList<double>>()).ToImmutableDictionary(c => c.Key, c => Guard.Against.Null(c.Value, nameof(numeric)).ToArray(), StringComparer.Ordinal);
        _factors = (factors ?? new Dictionary<string, IReadOnlyList<string?>>()).ToImmutableDictionary(c => c.Key, c => Guard.Against.Null(c.Value, nameof(factors)).ToArray(), StringComparer.Ordinal);
        Guard.Against.InvalidInput(this, nameof(numeric), f => f._numeric.Count + f._factors.Count > 0, "A model frame needs at least one column.");
        Guard.Against.InvalidInput(this, nameof(numeric), f => f._numeric.Keys.Concat(f._factors.Keys).All(k => k.Length > 0) && !f._numeric.Keys.Intersect(f._factors.Keys, StringComparer.Ordinal).Any(), "Every column needs a name of its own.");
        int rows = _numeric.Values.Select(c => c.Length).Concat(_factors.Values.Select(c => c.Length)).First();
        Guard.Against.InvalidInput(this, nameof(numeric), f => f._numeric.Values.All(c => c.Length == rows) && f._factors.Values.All(c => c.Length == rows), "Every column needs the same number of rows.");
        Rows = rows;
    }

    /// <summary>Gets the number of rows.</summary>
    public int Rows { get; }

    /// <summary>Gets the numeric columns' names, in ordinal order.</summary>
    public ImmutableArray<string> NumericColumns => _numeric.Keys.OrderBy(k => k, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Gets the categorical columns' names, in ordinal order.</summary>
    public ImmutableArray<string> FactorColumns => _factors.Keys.OrderBy(k => k, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>Returns a frame with one more numeric column (a centred predictor from <see cref="Centring"/>, a transformed response).</summary>
    /// <param name="name">The new column's name; not used by another column.</param>
    /// <param name="values">The values, one per row; NaN for missing.</param>
    /// <returns>A new frame; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the name is empty or taken, or the column's length is not <see cref="Rows"/>.</exception>
    public ModelFrame With(string name, IReadOnlyList<double> values)
    {
        Guard.Against.NullOrEmpty(name);
        Guard.Against.Null(values);
        Guard.Against.InvalidInput(name, nameof(name), n => !_numeric.ContainsKey(n) && !_factors.ContainsKey(n), "The frame has a column of this name already.");
        Guard.Against.InvalidInput(values, nameof(values), v => v.Count == Rows, "Give one value per row of the frame.");
        return new ModelFrame(_numeric.Add(name, values.ToArray()), _factors);
    }

    /// <summary>Returns a frame with one more categorical column (a grouping factor, or a categorical predictor).</summary>
    /// <param name="name">The new column's name; not used by another column.</param>
    /// <param name="labels">The labels, one per row; null for missing.</param>
    /// <returns>A new frame; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the name is empty or taken, or the column's length is not <see cref="Rows"/>.</exception>
    public ModelFrame With(string name, IReadOnlyList<string?> labels)
    {
        Guard.Against.NullOrEmpty(name);
        Guard.Against.Null(labels);
        Guard.Against.InvalidInput(name, nameof(name), n => !_numeric.ContainsKey(n) && !_factors.ContainsKey(n), "The frame has a column of this name already.");
        Guard.Against.InvalidInput(labels, nameof(labels), v => v.Count == Rows, "Give one label per row of the frame.");
        return new ModelFrame(_numeric, _factors.Add(name, labels.ToArray()));
    }

    /// <summary>Gets a numeric column's values (a copy), or null when the frame has no numeric column of that name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The values, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    public ImmutableArray<double>? NumericColumn(string name) => Numeric(Guard.Against.Null(name)) is { } v ? v.ToImmutableArray() : null;

    /// <summary>Gets a categorical column's labels (a copy), or null when the frame has no categorical column of that name.</summary>
    /// <param name="name">The column's name.</param>
    /// <returns>The labels (null where missing), or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="name"/> is <see langword="null"/>.</exception>
    public ImmutableArray<string?>? FactorColumn(string name) => Factor(Guard.Against.Null(name)) is { } v ? v.ToImmutableArray() : null;

    private ModelFrame(ImmutableDictionary<string, double[]> numeric, ImmutableDictionary<string, string?[]> factors)
    {
        _numeric = numeric;
        _factors = factors;
        Rows = numeric.Values.Select(c => c.Length).Concat(factors.Values.Select(c => c.Length)).First();
    }

    internal double[]? Numeric(string name) => _numeric.TryGetValue(name, out double[]? column) ? column : null;

    internal string?[]? Factor(string name) => _factors.TryGetValue(name, out string?[]? column) ? column : null;

    /// <summary>The rows of <paramref name="keep"/>, in order.</summary>
    internal ModelFrame Subset(bool[] keep) => new(
        _numeric.ToDictionary(c => c.Key, c => (IReadOnlyList<double>)c.Value.Where((_, i) => keep[i]).ToArray(), StringComparer.Ordinal),
        _factors.ToDictionary(c => c.Key, c => (IReadOnlyList<string?>)c.Value.Where((_, i) => keep[i]).ToArray(), StringComparer.Ordinal));

    /// <summary>Returns the frame's shape, never its values.</summary>
    /// <returns>Text such as <c>model frame: 1521 rows, 4 numeric and 3 categorical columns</c>.</returns>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "model frame: {0} rows, {1} numeric and {2} categorical columns", Rows, _numeric.Count, _factors.Count);
}

using Ardalis.GuardClauses;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The columns of one kind of output row (scores, signals, triage, statistics, ...): the one definition every writer
/// (CSV, JSON, Parquet, Arrow) and the command line use. The library's schemas are listed in <see cref="RowSchemas"/>.
/// </summary>
/// <remarks>Immutable and thread-safe. Column names are lower case with <c>_</c> between words, as R's data frames name them.</remarks>
public sealed class RowSchema
{
    /// <summary>Initialises a schema.</summary>
    /// <param name="name">The schema's name, such as <c>scores</c>: letters, digits and <c>-</c>.</param>
    /// <param name="columns">The column names, in order; at least one, each distinct and non-empty.</param>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="name"/> is empty, or the columns are empty, blank or repeated.</exception>
    public RowSchema(string name, IEnumerable<string> columns)
    {
        Guard.Against.Null(name);

        Guard.Against.Null(columns);

        if (name.Length == 0)
        {
            throw new ArgumentException("Give the schema a name.", nameof(name));
        }

        ImmutableArray<string> list = columns.ToImmutableArray();
        if (list.IsEmpty || list.Any(string.IsNullOrWhiteSpace) || list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("Give one or more distinct, non-empty column names.", nameof(columns));
        }

        Name = name;
        Columns = list;
    }

    /// <summary>Gets the schema's name, such as <c>scores</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the column names, in order.</summary>
    public ImmutableArray<string> Columns { get; }

    /// <summary>Returns the schema's name and column count (no data).</summary>
    /// <returns>Text such as <c>scores (15 columns)</c>.</returns>
    public override string ToString() => Name + " (" + Columns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " columns)";
}

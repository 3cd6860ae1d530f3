using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Service;

namespace TherapeuticAlliance.Tables;

public static partial class Tidy
{
    /// <summary>
    /// The service view as tables, each under its schema's name: <c>service-variance</c>, <c>service-therapists</c>,
    /// <c>service-benchmarks</c>, <c>service-comparison</c>, <c>service-dependability</c> and <c>service-notes</c>
    /// (<see cref="RowSchemas"/>). A part the data could not support has no rows in its tables and its reason in
    /// <c>service-notes</c>; a withheld figure is NA.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The six tables, in that order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<KeyValuePair<string, TidyTable>> ToTidyTables(this ServiceAnalysis analysis)
    {
        Guard.Against.Null(analysis);
        var effects = new[] { analysis.Outcome, analysis.Alliance }.Where(r => r.IsSuccess).Select(r => r.AsT0).ToList();
        var variance = effects.SelectMany(a => a.Shares.Select(s => new object?[] { ServiceCodes.ToCode(a.Measure), s.Group, s.Share, s.Lower, s.Upper, s.Level, s.Levels })).ToList();
        var therapists = effects.SelectMany(a => a.Therapists.OrderBy(t => t.Therapist, StringComparer.Ordinal).Select(t => new object?[]
        {
            ServiceCodes.ToCode(a.Measure), t.Therapist, t.Site, t.Clients, t.Effect, t.Lower, t.Upper, ServiceCodes.ToCode(t.Classification), t.Reliability,
        })).ToList();
        var benchmarks = analysis.Benchmarks.Select(b => new object?[]
        {
            ServiceCodes.ToCode(b.Grouping), b.Group, b.Episodes, b.Paired, b.Withheld ? 1 : 0, b.IntakeMean, b.FinalMean, b.EffectSize, b.EffectSizeLow, b.EffectSizeHigh,
            b.SeverityAdjustedEffectSize, b.ReliableImprovement, b.ReliableDeterioration, b.Cases, b.Recovery, b.ReliableRecovery, b.ReachedTarget, b.AllianceMean, b.Completeness,
        }).ToList();
        ServiceBenchmark? caseload = analysis.Benchmarks.FirstOrDefault(b => b.Grouping == ServiceGrouping.Caseload);
        var comparison = analysis.Comparisons.Select(c => new object?[] { c.Id, c.Statistic, caseload?.Figure(c.Statistic), c.Value, c.Low, c.High, c.Population, c.Source }).ToList();
        var dependability = analysis.Dependability.IsSuccess ? analysis.Dependability.AsT0.Statistics.Select(p => new object?[] { p.Key, p.Value }).ToList() : new List<object?[]>();
        var notes = analysis.Notes.Select(n => new object?[] { "service", n }).ToList();
        foreach (var (part, result) in new[] { ("outcome", analysis.Outcome), ("alliance", analysis.Alliance) })
        {
            notes.AddRange(result.IsSuccess ? result.AsT0.Notes.Select(n => new object?[] { part, n }) : new[] { new object?[] { part, result.AsT1.Message } });
        }

        notes.AddRange(analysis.Dependability.IsSuccess ? analysis.Dependability.AsT0.Notes.Select(n => new object?[] { "dependability", n }) : new[] { new object?[] { "dependability", analysis.Dependability.AsT1.Message } });
        return new[]
        {
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceVariance.Name, new TidyTable(RowSchemas.ServiceVariance.Columns, variance)),
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceTherapists.Name, new TidyTable(RowSchemas.ServiceTherapists.Columns, therapists)),
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceBenchmarks.Name, new TidyTable(RowSchemas.ServiceBenchmarks.Columns, benchmarks)),
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceComparison.Name, new TidyTable(RowSchemas.ServiceComparison.Columns, comparison)),
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceDependability.Name, new TidyTable(RowSchemas.ServiceDependability.Columns, dependability)),
            new KeyValuePair<string, TidyTable>(RowSchemas.ServiceNotes.Name, new TidyTable(RowSchemas.ServiceNotes.Columns, notes)),
        };
    }

    /// <summary>
    /// Reads case-mix covariates from a table with one row per episode: the <c>episode</c> column (the response file's
    /// episode identifier) and any numeric columns, each a covariate under its column name. A covariate's name must
    /// be usable in a model formula (letters, digits, <c>_</c> and <c>.</c>, not starting with a digit) and not one the
    /// service models use (<c>final</c>, <c>intake</c>, <c>alliance</c>, <c>therapist</c>, <c>site</c>, <c>client</c>); a cell that is NA leaves that
    /// covariate out for the episode (its episode is then left out of the models, and counted).
    /// </summary>
    /// <param name="table">The table (<see cref="TidyCsv.Read(System.IO.TextReader, char, bool)"/>).</param>
    /// <returns>The covariates by episode, or a <see cref="TableError"/>: no <c>episode</c> column or no numeric column (<see cref="TableErrorKind.MissingColumn"/>), a column whose name cannot be a covariate or a cell that is not a number (<see cref="TableErrorKind.BadValue"/>, naming the column by position), an episode given twice (<see cref="TableErrorKind.DuplicateObservation"/>, naming the line). No cell is quoted.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    public static TableResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>> ToCaseMix(this TidyTable table)
    {
        Guard.Against.Null(table);
        int episode = table.Columns.IndexOf(ResponseFileSchema.Episode);
        string[] covariates = table.Columns.Where(c => c != ResponseFileSchema.Episode).ToArray();
        if (episode < 0 || covariates.Length == 0)
        {
            return new TableError(TableErrorKind.MissingColumn, null, null, "A case-mix table needs an 'episode' column and one or more numeric covariate columns.");
        }

        for (int c = 0; c < table.Columns.Length; c++)
        {
            string name = table.Columns[c];
            if (c != episode && !ServiceOptions.IsCovariateName(name))
            {
                return new TableError(TableErrorKind.BadValue, null, null, string.Format(CultureInfo.InvariantCulture, "Column {0}'s name cannot be a covariate: " + ServiceOptions.CovariateNameRule + ".", c + 1));
            }
        }

        var result = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        for (int r = 0; r < table.RowCount; r++)
        {
            string? key = table.Rows[r][episode]?.ToString();
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int c = 0; c < table.Columns.Length; c++)
            {
                object? cell = table.Rows[r][c];
                if (c == episode || cell is null || (cell is double nan && double.IsNaN(nan)))
                {
                    continue;
                }

                if (cell is not double value || double.IsInfinity(value))
                {
                    return new TableError(TableErrorKind.BadValue, r + 2, null, string.Format(CultureInfo.InvariantCulture, "Line {0}, column {1}: a covariate is a finite number (or NA).", r + 2, c + 1));
                }

                values[table.Columns[c]] = value;
            }

            if (key is null || result.ContainsKey(key))
            {
                return new TableError(key is null ? TableErrorKind.BadValue : TableErrorKind.DuplicateObservation, r + 2, null, string.Format(CultureInfo.InvariantCulture, "Line {0}: {1}.", r + 2, key is null ? "the episode is missing" : "an episode given on an earlier line too"));
            }

            result[key] = values;
        }

        return result;
    }
}

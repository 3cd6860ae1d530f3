using System.Collections.Generic;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Linkage;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Tables;

public static partial class Tidy
{
    /// <summary>
    /// The linkage analysis as tables, each under its schema's name: <c>linkage-pairs</c> (one row per pair, with the
    /// alliance's within- and between-client parts), <c>linkage-statistics</c>, <c>linkage-notes</c>, and, when the lagged
    /// model was fitted, its <c>mixed-fixed-effects</c> and <c>mixed-varcorr</c> (<see cref="RowSchemas"/>). An undefined
    /// figure is NA.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The three tables, or five.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<KeyValuePair<string, TidyTable>> ToTidyTables(this LinkageAnalysis analysis)
    {
        Guard.Against.Null(analysis);
        PairedSeries paired = analysis.Paired;
        LinkageDecomposition parts = analysis.Decomposition;
        var pairs = paired.Pairs.Select((p, i) => new object?[]
        {
            p.Client, p.Therapist, p.Site, p.Session, p.Alliance, p.OutcomeAtSession, p.OutcomeSession, p.Outcome, parts.AllianceWithin[i], parts.AllianceBetween[i],
        }).ToList();
        var statistics = analysis.Statistics().Select(s => new object?[] { s.Key, s.Value }).ToList();
        var notes = analysis.Notes().Select(n => new object?[] { "linkage", n }).ToList();
        var tables = new List<KeyValuePair<string, TidyTable>>
        {
            new(RowSchemas.LinkagePairs.Name, new TidyTable(RowSchemas.LinkagePairs.Columns, pairs)),
            new(RowSchemas.LinkageStatistics.Name, new TidyTable(RowSchemas.LinkageStatistics.Columns, statistics)),
            new(RowSchemas.LinkageNotes.Name, new TidyTable(RowSchemas.LinkageNotes.Columns, notes)),
        };
        if (analysis.Model.IsSuccess)
        {
            tables.Add(new(RowSchemas.MixedFixedEffects.Name, analysis.Model.AsT0.Fit.FixedEffectsToTidy()));
            tables.Add(new(RowSchemas.MixedVarCorr.Name, analysis.Model.AsT0.Fit.VarCorrToTidy()));
        }

        return tables;
    }
}

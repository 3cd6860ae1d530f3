using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Consortium;

/// <summary>
/// The statistics of a site or of pooled sites, in one list with one order and the library's one set of names
/// (<see cref="StatisticNames"/>): per instrument Cronbach's alpha (raw and standardised) of the total and each
/// subscale, then for instruments rated by client and therapist in one session ICC(2,1), ICC(3,1), Pearson's r and the
/// Bland–Altman bias of the totals; then the mean and SD of every score column; then the caseload norms. Computed on a
/// site's rows (<see cref="FromData"/>, what <c>alliance stats</c> prints) or from merged partials
/// (<see cref="SitePartial.ToStatistics"/>, what <c>alliance merge</c> prints): both equal on the same data, to
/// floating-point rounding.
/// </summary>
/// <remarks>
/// Statistics follow the library's kernels: alpha as <c>psych::alpha</c> (an item without variance dropped, and said
/// so), the ICCs as <c>psych::ICC</c>. What could not be computed is a note, never a silent gap. Immutable and
/// thread-safe.
/// </remarks>
public sealed class SiteStatistics
{
    internal SiteStatistics(IEnumerable<SiteStatistic> lines, IEnumerable<string> notes)
    {
        Lines = lines.ToImmutableArray();
        Notes = notes.ToImmutableArray();
    }

    /// <summary>Gets the statistics, in the order described above.</summary>
    public ImmutableArray<SiteStatistic> Lines { get; }

    /// <summary>Gets what could not be computed or was left out, as sentences a person reads (no identifier but an instrument's).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Computes the statistics of a site's rows.</summary>
    /// <param name="data">The site's data.</param>
    /// <param name="strategy">The scoring strategy of the score summaries; one without a batch path gives none, and a note says so.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static SiteStatistics FromData(SiteData data, IScoringStrategy strategy)
    {
        Guard.Against.Null(data);
        Guard.Against.Null(strategy);

        var lines = new List<SiteStatistic>();
        var notes = new List<string>(data.Notes);
        var items = data.Items.ToDictionary(i => i.Instrument.Id, StringComparer.Ordinal);
        var pairs = data.Pairs.ToDictionary(p => p.InstrumentId, StringComparer.Ordinal);
        foreach (string id in data.InstrumentIds)
        {
            if (items.TryGetValue(id, out var group))
            {
                ResponseMatrix matrix = ResponseMatrix.FromAssessments(group.Instrument, group.Assessments);
                Reliability.ForInstrument(group.Instrument, matrix).Switch(
                    reliability =>
                    {
                        AddAlpha(lines, notes, id, StatisticNames.TotalScope, reliability.Total);
                        foreach (SubscaleReliability subscale in reliability.Subscales)
                        {
                            AddAlpha(lines, notes, id, subscale.Dimension.Id, subscale.Result);
                        }
                    },
                    problem => notes.Add($"{id}: {problem.Message}"));
            }

            if (pairs.TryGetValue(id, out var pair))
            {
                Agreement.ClientTherapist(pair.Pairs).Switch(
                    agreement =>
                    {
                        agreement.Intraclass.Switch(
                            icc =>
                            {
                                lines.Add(new(id, StatisticNames.ClientTherapistScope, StatisticNames.Icc2, icc[IccForm.Icc2].Value, icc.Targets));
                                lines.Add(new(id, StatisticNames.ClientTherapistScope, StatisticNames.Icc3, icc[IccForm.Icc3].Value, icc.Targets));
                                if (!icc[IccForm.Icc2].IsTestDefined || !icc[IccForm.Icc3].IsTestDefined)
                                {
                                    notes.Add($"{id} client-therapist ICC: the F tests are infinite (client and therapist totals differ by a constant only, or agree exactly); the estimates are given, and their bounds are the limits psych reports.");
                                }
                            },
                            problem => notes.Add($"{id} client-therapist ICC: {problem.Message}"));
                        agreement.Correlation.Switch(r => lines.Add(new(id, StatisticNames.ClientTherapistScope, StatisticNames.PearsonR, r, agreement.Pairs)), problem => notes.Add($"{id} correlation: {problem.Message}"));
                        lines.Add(new(id, StatisticNames.ClientTherapistScope, StatisticNames.Bias, agreement.BlandAltman.Bias, agreement.Pairs));
                    },
                    problem => notes.Add($"{id} client-therapist: {problem.Message}"));
            }
        }

        // Score summaries and caseload norms of all the rows: the pooled computation a merge of sites' partials equals.
        var summaries = new List<BatchSummaryStatistics>();
        if (strategy is IBatchScoringStrategy batch)
        {
            foreach (var (instrument, assessments) in data.Items)
            {
                batch.ScoreBatch(instrument, ResponseMatrix.FromAssessments(instrument, assessments)).Switch(
                    result => summaries.Add(BatchSummaryStatistics.FromScores(result, instrument, 1).GetValueOrThrow()),
                    problem => notes.Add($"{instrument.Id} scores: {problem.Message}"));
            }
        }

        lines.AddRange(ScoreAndNormLines(summaries, ReferenceNorms.FromCaseload(data.Episodes)));
        return new SiteStatistics(lines, notes);
    }

    /// <summary>Returns the statistics as <see cref="RowSchemas.Statistics"/> rows.</summary>
    /// <returns>The rows, in order.</returns>
    public IEnumerable<IReadOnlyList<object?>> ToRows() => Lines.Select(l => l.ToRow());

    /// <summary>Returns a summary without values: how many statistics and notes.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} statistics, {1} notes", Lines.Length, Notes.Length);

    /// <summary>The alpha lines of one scope, or a note when alpha is not defined.</summary>
    internal static void AddAlpha(List<SiteStatistic> lines, List<string> notes, string instrument, string scope, StatisticsResult<ReliabilityAnalysis> result) => result.Switch(
        a =>
        {
            lines.Add(new(instrument, scope, StatisticNames.RawAlpha, a.Alpha, a.RowsUsed));
            lines.Add(new(instrument, scope, StatisticNames.StandardizedAlpha, a.StandardizedAlpha, a.RowsUsed));
            if (!a.ItemsDroppedForNoVariance.IsEmpty)
            {
                notes.Add(string.Format(CultureInfo.InvariantCulture, "{0} {1}: {2} item(s) without variance were left out of alpha, as psych::alpha does.", instrument, scope, a.ItemsDroppedForNoVariance.Length));
            }
        },
        problem => notes.Add($"{instrument} {scope}: {problem.Message}"));

    /// <summary>The score summaries' and caseload norms' lines, shared by the pooled and the merged statistics.</summary>
    internal static IEnumerable<SiteStatistic> ScoreAndNormLines(IEnumerable<BatchSummaryStatistics> scores, ReferenceNorms norms)
    {
        foreach (BatchSummaryStatistics summary in scores)
        {
            for (int c = 0; c < summary.Columns.Length; c++)
            {
                string scope = StatisticNames.ScoresScopePrefix + summary.Columns[c];
                yield return new(summary.InstrumentId, scope, StatisticNames.Mean, summary.Mean(c), summary.ScoredCount(c));
                yield return new(summary.InstrumentId, scope, StatisticNames.StandardDeviation, summary.StandardDeviation(c), summary.ScoredCount(c));
            }
        }

        foreach (var pair in norms.CaseloadNorms.OrderBy(n => n.Key.InstrumentId, StringComparer.Ordinal).ThenBy(n => n.Key.Perspective).ThenBy(n => n.Key.Metric))
        {
            var key = pair.Key;
            ReferenceNorm norm = pair.Value;
            string scope = StatisticNames.NormScope(key.Perspective, key.Metric);
            yield return new(key.InstrumentId, scope, StatisticNames.Mean, norm.Mean, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.StandardDeviation, norm.StandardDeviation, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.BaselineStandardDeviation, norm.BaselineStandardDeviation ?? double.NaN, norm.SampleSize);
            yield return new(key.InstrumentId, scope, StatisticNames.ChangeStandardDeviation, norm.ChangeStandardDeviation ?? double.NaN, norm.SampleSize);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Converts the library's results to tidy tables: one observation per row, documented lower-case column names, and
/// statistics named as R's psych names them where it has a name (<c>raw_alpha</c>, <c>std.alpha</c>, <c>r.drop</c>,
/// <c>ICC1</c> … <c>ICC3k</c>), so a table joins R output without renaming.
/// </summary>
/// <remarks>Every conversion leaves identifiers as they are: the tables are for the researcher's own files. This type is thread-safe.</remarks>
public static class Tidy
{
    private static readonly string[] ReliabilityColumns = { "statistic", "item", "value" };
    private static readonly string[] InstrumentReliabilityColumns = { "scale", "statistic", "item", "value" };
    private static readonly string[] IccColumns = { "type", "statistic", "value" };
    private static readonly string[] BlandAltmanColumns = { "statistic", "value" };
    private static readonly string[] ResponseColumns = { "respondent", "item", "response" };
    private static readonly string[] EpisodeColumns = { "episode", "instrument", "perspective", "metric", "session", "score", "minimum", "maximum", "recorded_at" };
    private static readonly string[] FindingColumns = { "episode", "instrument", "perspective", "detector", "finding", "index", "first_session", "last_session", "statistic", "value" };
    private static readonly string[] AlertColumns = { "episode", "instrument", "perspective", "rule", "code", "severity", "signals_strain", "first_session", "last_session", "message" };
    private static readonly string[] TriageColumns = { "episode", "instrument", "perspective", "level", "act_reasons", "reasons", "latest_session" };
    private static readonly string[] ExpectedPathColumns = { "intake", "session", "expected", "bound" };

    /// <summary>Columns <c>statistic</c>, <c>item</c>, <c>value</c>: one row per statistic of the scale (<c>item</c> NA) and per item.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>
    /// Scale rows <c>raw_alpha</c>, <c>std.alpha</c>, <c>average_r</c> (psych::alpha's names), <c>n_items</c>,
    /// <c>n_used</c> and <c>n_dropped</c> (rows); item rows <c>mean</c> and <c>sd</c> (points of the item's scale),
    /// <c>alpha_if_deleted</c> and <c>r.drop</c> (the item–rest correlation); and one row <c>dropped_no_variance</c>
    /// (value NA) per item left out for having no variance, which matters before comparing alpha with another program.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this ReliabilityAnalysis analysis)
    {
        Guard.Against.Null(analysis);

        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "raw_alpha", null, analysis.Alpha },
            new object?[] { "std.alpha", null, analysis.StandardizedAlpha },
            new object?[] { "average_r", null, analysis.AverageInterItemCorrelation },
            new object?[] { "n_items", null, analysis.ItemCount },
            new object?[] { "n_used", null, analysis.RowsUsed },
            new object?[] { "n_dropped", null, analysis.RowsDropped },
        };
        foreach (ItemStatistics item in analysis.Items)
        {
            rows.Add(new object?[] { "mean", item.Item, item.Mean });
            rows.Add(new object?[] { "sd", item.Item, item.StandardDeviation });
            rows.Add(new object?[] { "alpha_if_deleted", item.Item, item.AlphaIfDeleted });
            rows.Add(new object?[] { "r.drop", item.Item, item.ItemRestCorrelation });
        }

        foreach (string dropped in analysis.ItemsDroppedForNoVariance)
        {
            rows.Add(new object?[] { "dropped_no_variance", dropped, null });
        }

        return new TidyTable(ReliabilityColumns, rows);
    }

    /// <summary>Columns <c>scale</c>, <c>statistic</c>, <c>item</c>, <c>value</c>: the total (<c>scale</c> <c>total</c>) and each subscale (its dimension's code) as in <see cref="ToTidy(ReliabilityAnalysis)"/>; a scale that could not be computed has one row, statistic <c>error</c>, with its error code as <c>item</c>.</summary>
    /// <param name="reliability">The instrument's reliability.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reliability"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this InstrumentReliability reliability)
    {
        Guard.Against.Null(reliability);

        var rows = new List<IReadOnlyList<object?>>();
        void Add(string scale, StatisticsResult<ReliabilityAnalysis> result)
        {
            if (result.IsSuccess)
            {
                rows.AddRange(result.AsT0.ToTidy().Rows.Select(r => (IReadOnlyList<object?>)new[] { scale, r[0], r[1], r[2] }));
            }
            else
            {
                rows.Add(new object?[] { scale, "error", result.AsT1.Code, null });
            }
        }

        Add("total", reliability.Total);
        foreach (SubscaleReliability subscale in reliability.Subscales)
        {
            Add(subscale.Dimension.Id, subscale.Result);
        }

        return new TidyTable(InstrumentReliabilityColumns, rows);
    }

    /// <summary>Columns <c>type</c>, <c>statistic</c>, <c>value</c>: for each of the six Shrout–Fleiss forms (<c>ICC1</c>, <c>ICC2</c>, <c>ICC3</c>, <c>ICC1k</c>, <c>ICC2k</c>, <c>ICC3k</c>, psych::ICC's names) the rows <c>icc</c>, <c>F</c>, <c>df1</c>, <c>df2</c>, <c>p</c>, <c>lower</c>, <c>upper</c>; then the design rows (<c>type</c> NA) <c>targets</c>, <c>raters</c>, <c>n_dropped</c>, <c>confidence</c>, <c>ms_between_targets</c>, <c>ms_within_targets</c>, <c>ms_raters</c>, <c>ms_error</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this IccAnalysis analysis)
    {
        Guard.Against.Null(analysis);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (IccEstimate form in analysis.Forms)
        {
            string type = IccName(form.Form);
            rows.Add(new object?[] { type, "icc", form.Value });
            rows.Add(new object?[] { type, "F", form.F });
            rows.Add(new object?[] { type, "df1", form.Df1 });
            rows.Add(new object?[] { type, "df2", form.Df2 });
            rows.Add(new object?[] { type, "p", form.P });
            rows.Add(new object?[] { type, "lower", form.Lower });
            rows.Add(new object?[] { type, "upper", form.Upper });
        }

        rows.Add(new object?[] { null, "targets", analysis.Targets });
        rows.Add(new object?[] { null, "raters", analysis.Raters });
        rows.Add(new object?[] { null, "n_dropped", analysis.RowsDropped });
        rows.Add(new object?[] { null, "confidence", analysis.Confidence });
        rows.Add(new object?[] { null, "ms_between_targets", analysis.MeanSquareBetweenTargets });
        rows.Add(new object?[] { null, "ms_within_targets", analysis.MeanSquareWithinTargets });
        rows.Add(new object?[] { null, "ms_raters", analysis.MeanSquareRaters });
        rows.Add(new object?[] { null, "ms_error", analysis.MeanSquareError });
        return new TidyTable(IccColumns, rows);
    }

    /// <summary>Columns <c>statistic</c>, <c>value</c>: <c>bias</c> (mean difference, first minus second, in points), <c>sd</c> (of the differences), <c>lower_limit</c>, <c>upper_limit</c>, <c>multiplier</c>, <c>pairs</c>, <c>n_dropped</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this BlandAltmanAnalysis analysis)
    {
        Guard.Against.Null(analysis);

        return new TidyTable(
            BlandAltmanColumns,
            new[]
            {
                new object?[] { "bias", analysis.Bias },
                new object?[] { "sd", analysis.StandardDeviation },
                new object?[] { "lower_limit", analysis.LowerLimit },
                new object?[] { "upper_limit", analysis.UpperLimit },
                new object?[] { "multiplier", analysis.Multiplier },
                new object?[] { "pairs", analysis.Pairs },
                new object?[] { "n_dropped", analysis.PairsDropped },
            });
    }

    /// <summary>Columns <c>respondent</c> (the row, from 1), <c>item</c> (the column's name), <c>response</c> (NA when missing): the long form of a response matrix, one row per cell.</summary>
    /// <param name="responses">The matrix.</param>
    /// <returns>The table, respondents in order and items in column order within each.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="responses"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this ResponseMatrix responses)
    {
        Guard.Against.Null(responses);

        var rows = new List<IReadOnlyList<object?>>(responses.RowCount * responses.ColumnCount);
        for (int r = 0; r < responses.RowCount; r++)
        {
            for (int c = 0; c < responses.ColumnCount; c++)
            {
                double value = responses[r, c];
                rows.Add(new object?[] { r + 1, responses.ColumnNames[c], double.IsNaN(value) ? null : value });
            }
        }

        return new TidyTable(ResponseColumns, rows);
    }

    /// <summary>Columns <c>episode</c>, <c>instrument</c>, <c>perspective</c> (<c>client</c>, <c>therapist</c>, <c>observer</c>, <c>collateral</c>), <c>metric</c> (<see cref="AllianceCodes.ToCode(ScoreMetric)"/>: <c>sum</c>, <c>mean</c>, <c>pomp</c>, <c>weighted-mean</c>, <c>weakest-link</c>), <c>session</c>, <c>score</c> (points of the metric, exact), <c>minimum</c>, <c>maximum</c>, <c>recorded_at</c> (ISO 8601, NA when undated): one row per score.</summary>
    /// <param name="episodes">The episodes.</param>
    /// <returns>The table, episodes in the order given, sessions in order within each.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this IEnumerable<Episode> episodes)
    {
        Guard.Against.Null(episodes);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (Episode episode in episodes)
        {
            if (episode is null)
            {
                throw new ArgumentNullException(nameof(episodes));
            }

            foreach (AllianceScore score in episode.Scores)
            {
                rows.Add(new object?[]
                {
                    episode.Id, episode.InstrumentId, AllianceCodes.ToCode(episode.Perspective), AllianceCodes.ToCode(episode.Metric), score.Occasion.SessionNumber,
                    score.Value, score.Minimum, score.Maximum, score.Occasion.RecordedAt?.ToString("O", CultureInfo.InvariantCulture),
                });
            }
        }

        return new TidyTable(EpisodeColumns, rows);
    }

    /// <summary>
    /// Columns <c>episode</c>, <c>instrument</c>, <c>perspective</c>, <c>detector</c>, <c>finding</c> (the finding's code,
    /// such as <c>rupture</c>), <c>index</c> (the finding's number within its episode and detector, from 1),
    /// <c>first_session</c>, <c>last_session</c>, <c>statistic</c>, <c>value</c>: one row per value of each finding
    /// (<see cref="TrendFinding.Values"/>; units as each finding documents), so findings of every kind share one table.
    /// </summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable FindingsToTidy(this IEnumerable<AllianceReport> reports)
    {
        Guard.Against.Null(reports);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (AllianceReport report in reports)
        {
            if (report is null)
            {
                throw new ArgumentNullException(nameof(reports));
            }

            foreach (IGrouping<string, TrendFinding> detector in report.Findings.GroupBy(f => f.Rule))
            {
                int index = 0;
                foreach (TrendFinding finding in detector)
                {
                    index++;
                    foreach (KeyValuePair<string, double> value in finding.Values)
                    {
                        rows.Add(new object?[]
                        {
                            report.EpisodeId, report.InstrumentId, AllianceCodes.ToCode(report.Perspective), detector.Key, finding.Code, index,
                            finding.Sessions.IsEmpty ? null : finding.Sessions.Min(), finding.Sessions.IsEmpty ? null : finding.Sessions.Max(), value.Key, value.Value,
                        });
                    }
                }
            }
        }

        return new TidyTable(FindingColumns, rows);
    }

    /// <summary>Columns <c>episode</c>, <c>instrument</c>, <c>perspective</c>, <c>rule</c>, <c>code</c>, <c>severity</c> (<c>watch</c>, <c>act</c>), <c>signals_strain</c> (1 or 0), <c>first_session</c>, <c>last_session</c>, <c>message</c>: one row per alert.</summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable AlertsToTidy(this IEnumerable<AllianceReport> reports)
    {
        Guard.Against.Null(reports);

        var rows = new List<IReadOnlyList<object?>>();
        foreach (AllianceReport report in reports)
        {
            if (report is null)
            {
                throw new ArgumentNullException(nameof(reports));
            }

            foreach (Alert alert in report.Alerts)
            {
                rows.Add(new object?[]
                {
                    report.EpisodeId, report.InstrumentId, AllianceCodes.ToCode(report.Perspective), alert.Rule, alert.Code, AlertSeverityCodes.ToCode(alert.Severity),
                    alert.SignalsStrain ? 1 : 0, alert.Sessions.IsEmpty ? null : alert.Sessions.Min(), alert.Sessions.IsEmpty ? null : alert.Sessions.Max(), alert.Message,
                });
            }
        }

        return new TidyTable(AlertColumns, rows);
    }

    /// <summary>Columns <c>episode</c>, <c>instrument</c> (NA for a whole client), <c>perspective</c> (NA for a whole client), <c>level</c> (<c>act</c>, <c>watch</c>, <c>none</c>), <c>act_reasons</c> (how many distinct alert codes call for action), <c>reasons</c> (alert codes, separated by <c>;</c>), <c>latest_session</c>: one row per triage entry, in triage order.</summary>
    /// <param name="entries">The entries, from <see cref="CaseloadTriage"/>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this IEnumerable<TriageEntry> entries)
    {
        Guard.Against.Null(entries);

        return new TidyTable(
            TriageColumns,
            entries.Select(e => e ?? throw new ArgumentNullException(nameof(entries))).Select(e => (IReadOnlyList<object?>)new object?[]
            {
                e.EpisodeId, e.InstrumentId, e.Perspective is { } p ? AllianceCodes.ToCode(p) : null, AttentionLevelCodes.ToCode(e.Level), e.ActReasons, string.Join(";", e.Reasons), e.LatestSession,
            }));
    }

    /// <summary>Columns <c>intake</c>, <c>session</c>, <c>expected</c>, <c>bound</c> (the band's edge on the worse side; NA at session 1, the intake itself), in points of the model's metric: the expected path of each intake over sessions 1 to <paramref name="sessions"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="intakes">The intake scores.</param>
    /// <param name="sessions">The last session; 1 or more.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="sessions"/> is less than 1.</exception>
    public static TidyTable ToTidy(this ExpectedResponseModel model, IEnumerable<double> intakes, int sessions)
    {
        Guard.Against.Null(model);

        Guard.Against.Null(intakes);

        if (sessions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sessions), "Give the last session, 1 or more.");
        }

        var rows = new List<IReadOnlyList<object?>>();
        foreach (double intake in intakes)
        {
            for (int t = 1; t <= sessions; t++)
            {
                ExpectedScore e = model.Expect(intake, t);
                rows.Add(new object?[] { intake, t, e.Expected, e.Session >= 2 ? e.Bound : null });
            }
        }

        return new TidyTable(ExpectedPathColumns, rows);
    }

    internal static string IccName(IccForm form) => form switch
    {
        IccForm.Icc1 => "ICC1",
        IccForm.Icc2 => "ICC2",
        IccForm.Icc3 => "ICC3",
        IccForm.Icc1k => "ICC1k",
        IccForm.Icc2k => "ICC2k",
        IccForm.Icc3k => "ICC3k",
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "The ICC form is not defined."),
    };
}

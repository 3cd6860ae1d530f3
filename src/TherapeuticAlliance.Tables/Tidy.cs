using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Statistics;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// Converts the library's results to tidy tables: one observation per row, documented lower-case column names, and
/// statistics named as R's psych names them where it has a name (<c>raw_alpha</c>, <c>std.alpha</c>, <c>r.drop</c>,
/// <c>ICC1</c> … <c>ICC3k</c>), so a table joins R output without renaming.
/// </summary>
/// <remarks>Every conversion leaves identifiers as they are: the tables are for the researcher's own files. This type is thread-safe.</remarks>
public static partial class Tidy
{
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
            new object?[] { StatisticNames.RawAlpha, null, analysis.Alpha },
            new object?[] { StatisticNames.StandardizedAlpha, null, analysis.StandardizedAlpha },
            new object?[] { StatisticNames.AverageR, null, analysis.AverageInterItemCorrelation },
            new object?[] { StatisticNames.ItemCount, null, analysis.ItemCount },
            new object?[] { StatisticNames.RowsUsed, null, analysis.RowsUsed },
            new object?[] { StatisticNames.RowsDropped, null, analysis.RowsDropped },
        };
        foreach (ItemStatistics item in analysis.Items)
        {
            rows.Add(new object?[] { StatisticNames.Mean, item.Item, item.Mean });
            rows.Add(new object?[] { StatisticNames.StandardDeviation, item.Item, item.StandardDeviation });
            rows.Add(new object?[] { StatisticNames.AlphaIfDeleted, item.Item, item.AlphaIfDeleted });
            rows.Add(new object?[] { StatisticNames.ItemRestCorrelation, item.Item, item.ItemRestCorrelation });
        }

        foreach (string dropped in analysis.ItemsDroppedForNoVariance)
        {
            rows.Add(new object?[] { StatisticNames.DroppedNoVariance, dropped, null });
        }

        return new TidyTable(RowSchemas.Reliability.Columns, rows);
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
                rows.Add(new object?[] { scale, StatisticNames.Error, result.AsT1.Code, null });
            }
        }

        Add(StatisticNames.TotalScope, reliability.Total);
        foreach (SubscaleReliability subscale in reliability.Subscales)
        {
            Add(subscale.Dimension.Id, subscale.Result);
        }

        return new TidyTable(RowSchemas.InstrumentReliability.Columns, rows);
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
            rows.Add(new object?[] { type, StatisticNames.Icc, form.Value });
            rows.Add(new object?[] { type, StatisticNames.F, form.F });
            rows.Add(new object?[] { type, StatisticNames.Df1, form.Df1 });
            rows.Add(new object?[] { type, StatisticNames.Df2, form.Df2 });
            rows.Add(new object?[] { type, StatisticNames.P, form.P });
            rows.Add(new object?[] { type, StatisticNames.Lower, form.Lower });
            rows.Add(new object?[] { type, StatisticNames.Upper, form.Upper });
        }

        rows.Add(new object?[] { null, StatisticNames.Targets, analysis.Targets });
        rows.Add(new object?[] { null, StatisticNames.Raters, analysis.Raters });
        rows.Add(new object?[] { null, StatisticNames.RowsDropped, analysis.RowsDropped });
        rows.Add(new object?[] { null, StatisticNames.Confidence, analysis.Confidence });
        rows.Add(new object?[] { null, StatisticNames.MeanSquareBetweenTargets, analysis.MeanSquareBetweenTargets });
        rows.Add(new object?[] { null, StatisticNames.MeanSquareWithinTargets, analysis.MeanSquareWithinTargets });
        rows.Add(new object?[] { null, StatisticNames.MeanSquareRaters, analysis.MeanSquareRaters });
        rows.Add(new object?[] { null, StatisticNames.MeanSquareError, analysis.MeanSquareError });
        return new TidyTable(RowSchemas.Icc.Columns, rows);
    }

    /// <summary>Columns <c>statistic</c>, <c>value</c>: <c>bias</c> (mean difference, first minus second, in points), <c>sd</c> (of the differences), <c>lower_limit</c>, <c>upper_limit</c>, <c>multiplier</c>, <c>pairs</c>, <c>n_dropped</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="analysis"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this BlandAltmanAnalysis analysis)
    {
        Guard.Against.Null(analysis);

        return new TidyTable(
            RowSchemas.BlandAltman.Columns,
            new[]
            {
                new object?[] { StatisticNames.Bias, analysis.Bias },
                new object?[] { StatisticNames.StandardDeviation, analysis.StandardDeviation },
                new object?[] { StatisticNames.LowerLimit, analysis.LowerLimit },
                new object?[] { StatisticNames.UpperLimit, analysis.UpperLimit },
                new object?[] { StatisticNames.Multiplier, analysis.Multiplier },
                new object?[] { StatisticNames.Pairs, analysis.Pairs },
                new object?[] { StatisticNames.RowsDropped, analysis.PairsDropped },
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

        return new TidyTable(RowSchemas.Responses.Columns, rows);
    }

    /// <summary>The <see cref="RowSchemas.SessionTotals"/> schema (the totals layout of <see cref="ResponseFileSchema"/>): <c>episode</c>, <c>session</c>, <c>date</c> (<see cref="SessionDates.Format"/>, NA when undated), <c>perspective</c> (<c>client</c>, <c>therapist</c>, <c>observer</c>, <c>collateral</c>), <c>instrument</c>, <c>metric</c> (<see cref="AllianceCodes.ToCode(ScoreMetric)"/>: <c>sum</c>, <c>mean</c>, <c>pomp</c>, <c>weighted-mean</c>, <c>weakest-link</c>), <c>total</c> (the session's score in points of the metric, exact), <c>minimum</c>, <c>maximum</c>: one row per score.</summary>
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

            for (int i = 0; i < episode.Count; i++)
            {
                AllianceScore score = episode.Scores[i];
                CareKeys care = episode.Care[i];
                rows.Add(new object?[]
                {
                    episode.Id, score.Occasion.SessionNumber, score.Occasion.RecordedAt is { } at ? SessionDates.Format(at) : null, AllianceCodes.ToCode(episode.Perspective), episode.InstrumentId,
                    care.Therapist, care.Site, care.Team,
                    AllianceCodes.ToCode(episode.Metric), score.Value, score.Minimum, score.Maximum,
                });
            }
        }

        return new TidyTable(RowSchemas.SessionTotals.Columns, rows);
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

        return new TidyTable(RowSchemas.FindingValues.Columns, rows);
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

        return new TidyTable(RowSchemas.Alerts.Columns, rows);
    }

    /// <summary>
    /// The <see cref="RowSchemas.Scores"/> rows of one score: a <c>total</c> row, then one row per subscale (in the
    /// score's order). Columns: <c>episode</c>, <c>session</c>, <c>date</c> (<see cref="SessionDates.Format"/>, NA when
    /// undated), <c>perspective</c>, <c>instrument</c>, <c>strategy</c>, <c>strategy_version</c>, <c>missing_data</c>,
    /// <c>metric</c>, <c>dimension</c>, <c>value</c>, <c>minimum</c>, <c>maximum</c> (points of the metric, exact decimals),
    /// <c>pomp</c> (0–100, rounded to 4 decimals), <c>flagged</c> (<c>true</c> or <c>false</c> on the total row of a score
    /// with a cutoff, else NA).
    /// </summary>
    /// <param name="episode">The episode's identifier (the caller's own data; written as given).</param>
    /// <param name="score">The score.</param>
    /// <returns>The rows, each as long as <see cref="RowSchemas.Scores"/>; lazily, so a caller can stream millions.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IEnumerable<IReadOnlyList<object?>> ScoreRows(string episode, AllianceScore score) => ScoreRows(episode, score, CareKeys.None);

    /// <summary>The <see cref="RowSchemas.Scores"/> rows of one score with who treated and where (the <c>therapist</c>, <c>site</c> and <c>team</c> columns); see <see cref="ScoreRows(string, AllianceScore)"/>.</summary>
    /// <param name="episode">The episode's identifier (the caller's own data; written as given).</param>
    /// <param name="score">The score.</param>
    /// <param name="keys">The session's care keys (the caller's own data; written as given, NA where not recorded).</param>
    /// <returns>The rows, lazily.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/>.</exception>
    public static IEnumerable<IReadOnlyList<object?>> ScoreRows(string episode, AllianceScore score, CareKeys keys)
    {
        Guard.Against.Null(episode);
        Guard.Against.Null(score);
        Guard.Against.Null(keys);
        return Rows();

        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            string? flagged = score.IsFlagged is { } f ? (f ? "true" : "false") : null;
            yield return ScoreRow(episode, score, keys, StatisticNames.TotalScope, score.Value, score.Minimum, score.Maximum, score.Pomp, flagged);
            foreach (DimensionScore subscale in score.Subscales)
            {
                yield return ScoreRow(episode, score, keys, subscale.Dimension.Id, subscale.Value, subscale.Minimum, subscale.Maximum, subscale.Pomp, null);
            }
        }
    }

    /// <summary>The <see cref="RowSchemas.Scores"/> table of many scores; see <see cref="ScoreRows(string, AllianceScore)"/>.</summary>
    /// <param name="scores">Each score with its episode's identifier.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="scores"/> is or holds <see langword="null"/>.</exception>
    public static TidyTable ScoresToTidy(this IEnumerable<(string Episode, AllianceScore Score)> scores)
    {
        Guard.Against.Null(scores);
        return new TidyTable(RowSchemas.Scores.Columns, scores.SelectMany(s => ScoreRows(s.Episode, s.Score)));
    }

    /// <summary>
    /// The <see cref="RowSchemas.Signals"/> table: one row per finding and then per alert of each report, with its text:
    /// <c>episode</c>, <c>instrument</c>, <c>perspective</c>, <c>kind</c> (<c>finding</c> or <c>alert</c>), <c>rule</c>
    /// (the detector's or alert rule's name), <c>code</c>, <c>sessions</c> (session numbers separated by spaces),
    /// <c>summary</c> (the finding's summary or the alert's message).
    /// </summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The rows, lazily, each as long as <see cref="RowSchemas.Signals"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static IEnumerable<IReadOnlyList<object?>> SignalRows(this IEnumerable<AllianceReport> reports)
    {
        Guard.Against.Null(reports);
        return Rows();

        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            foreach (AllianceReport report in reports)
            {
                if (report is null)
                {
                    throw new ArgumentNullException(nameof(reports));
                }

                string perspective = AllianceCodes.ToCode(report.Perspective);
                foreach (TrendFinding finding in report.Findings)
                {
                    yield return new object?[] { report.EpisodeId, report.InstrumentId, perspective, SignalKindFinding, finding.Rule, finding.Code, Sessions(finding.Sessions), finding.Summary };
                }

                foreach (Alert alert in report.Alerts)
                {
                    yield return new object?[] { report.EpisodeId, report.InstrumentId, perspective, SignalKindAlert, alert.Rule, alert.Code, Sessions(alert.Sessions), alert.Message };
                }
            }
        }
    }

    /// <summary>The <see cref="RowSchemas.Signals"/> table; see <see cref="SignalRows"/>.</summary>
    /// <param name="reports">The reports.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="reports"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable SignalsToTidy(this IEnumerable<AllianceReport> reports) => new(RowSchemas.Signals.Columns, SignalRows(reports));

    /// <summary>The <c>kind</c> of a finding's row in <see cref="RowSchemas.Signals"/>: <c>finding</c>.</summary>
    public const string SignalKindFinding = "finding";

    /// <summary>The <c>kind</c> of an alert's row in <see cref="RowSchemas.Signals"/>: <c>alert</c>.</summary>
    public const string SignalKindAlert = "alert";

    private static object?[] ScoreRow(string episode, AllianceScore score, CareKeys keys, string dimension, decimal value, decimal minimum, decimal maximum, decimal pomp, string? flagged) => new object?[]
    {
        episode, score.Occasion.SessionNumber, score.Occasion.RecordedAt is { } at ? SessionDates.Format(at) : null, AllianceCodes.ToCode(score.Perspective), score.Provenance.InstrumentId,
        keys.Therapist, keys.Site, keys.Team,
        score.Provenance.StrategyName, score.Provenance.StrategyVersion, score.Provenance.MissingDataPolicy.Name, AllianceCodes.ToCode(score.Metric), dimension,
        value, minimum, maximum, Math.Round(pomp, 4), flagged,
    };

    private static string Sessions(IEnumerable<int> sessions) => string.Join(" ", sessions.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The <see cref="RowSchemas.Triage"/> schema: <c>rank</c> (the entry's place in triage order, from 1), <c>episode</c>, <c>instrument</c> (NA for a whole client), <c>perspective</c> (NA for a whole client), <c>level</c> (<c>act</c>, <c>watch</c>, <c>none</c>), <c>act_reasons</c> (how many distinct alert codes call for action), <c>reasons</c> (alert codes, separated by <c>;</c>), <c>latest_session</c>, <c>data_left_out</c> (NA here; see the overload): one row per triage entry, in triage order.</summary>
    /// <param name="entries">The entries, from <see cref="CaseloadTriage"/>, in triage order.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this IEnumerable<TriageEntry> entries) => ToTidy(entries, null);

    /// <summary>The <see cref="RowSchemas.Triage"/> schema with <c>data_left_out</c> filled: 1 for an entry whose client lost data, else 0 (see <see cref="ToTidy(IEnumerable{TriageEntry})"/> for the other columns).</summary>
    /// <param name="entries">The entries, from <see cref="CaseloadTriage"/>, in triage order.</param>
    /// <param name="clientsWithLostData">The clients (episode identifiers, compared as given by the set, ordinally when it is a plain collection) some of whose data was left out; <see langword="null"/> when not known (the column is then NA).</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="entries"/> is or contains <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this IEnumerable<TriageEntry> entries, IReadOnlyCollection<string>? clientsWithLostData)
    {
        Guard.Against.Null(entries);
        HashSet<string>? lost = clientsWithLostData is null ? null : new HashSet<string>(clientsWithLostData, StringComparer.Ordinal);

        return new TidyTable(
            RowSchemas.Triage.Columns,
            entries.Select(e => e ?? throw new ArgumentNullException(nameof(entries))).Select((e, i) => (IReadOnlyList<object?>)new object?[]
            {
                i + 1, e.EpisodeId, e.InstrumentId, e.Perspective is { } p ? AllianceCodes.ToCode(p) : null, e.Therapist, e.Site, e.Team, AttentionLevelCodes.ToCode(e.Level), e.ActReasons, string.Join(";", e.Reasons), e.LatestSession,
                lost is null ? null : lost.Contains(e.EpisodeId) ? 1 : 0,
            }));
    }

    /// <summary>The <see cref="RowSchemas.CaseloadGroups"/> table: one row per group, in the groups' order; a figure the disclosure policy withheld is NA, and <c>withheld</c> is 1 for a group withheld whole.</summary>
    /// <param name="groups">The grouped caseload.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="groups"/> is <see langword="null"/>.</exception>
    public static TidyTable ToTidy(this CaseloadGroups groups)
    {
        Guard.Against.Null(groups);
        string by = CareKeys.ToCode(groups.By);
        return new TidyTable(
            RowSchemas.CaseloadGroups.Columns,
            groups.Groups.Select(g => (IReadOnlyList<object?>)new object?[]
            {
                by, g.Key, g.Clients, g.Episodes, g.Act, g.Watch, g.NoAlert,
                g.MeanAlliance is { } a ? Math.Round(a, 4) : null, g.AllianceClients,
                g.MeanOutcomeChange is { } o ? Math.Round(o, 4) : null, g.OutcomeClients,
                g.PairedOutcomeShare is { } p ? Math.Round(p, 4) : null, g.Withheld ? 1 : 0,
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

        return new TidyTable(RowSchemas.ExpectedPath.Columns, rows);
    }

    internal static string IccName(IccForm form) => form switch
    {
        IccForm.Icc1 => StatisticNames.Icc1,
        IccForm.Icc2 => StatisticNames.Icc2,
        IccForm.Icc3 => StatisticNames.Icc3,
        IccForm.Icc1k => StatisticNames.Icc1k,
        IccForm.Icc2k => StatisticNames.Icc2k,
        IccForm.Icc3k => StatisticNames.Icc3k,
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "The ICC form is not defined."),
    };
    /// <summary>Columns <c>term</c>, <c>estimate</c>, <c>std_error</c>, <c>df</c>, <c>t_value</c>, <c>p_value</c> (<see cref="RowSchemas.MixedFixedEffects"/>): lmerTest's <c>coef(summary(fit))</c>, one row per fixed effect.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The table, terms in the model matrix's order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    public static TidyTable FixedEffectsToTidy(this MixedModelFit fit)
    {
        Guard.Against.Null(fit);
        return new TidyTable(RowSchemas.MixedFixedEffects.Columns, fit.FixedEffects.Select(f => new object?[] { f.Term, f.Estimate, f.StandardError, f.DegreesOfFreedom, f.TValue, f.PValue }));
    }

    /// <summary>Columns <c>grp</c>, <c>var1</c>, <c>var2</c>, <c>vcov</c>, <c>sdcor</c> (<see cref="RowSchemas.MixedVarCorr"/>): lme4's <c>as.data.frame(VarCorr(fit))</c>, variances and SDs, then covariances and correlations, then the residual (var1 and var2 NA).</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    public static TidyTable VarCorrToTidy(this MixedModelFit fit)
    {
        Guard.Against.Null(fit);
        return new TidyTable(RowSchemas.MixedVarCorr.Columns, fit.VarianceComponents.Select(c => new object?[] { c.Group, c.Term1, c.Term2, c.Variance, c.StandardDeviation }));
    }

    /// <summary>Columns <c>grpvar</c>, <c>term</c>, <c>grp</c>, <c>condval</c>, <c>condsd</c> (<see cref="RowSchemas.MixedRanef"/>): lme4's <c>as.data.frame(ranef(fit, condVar = TRUE))</c>, one row per level and term.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The table; <c>grp</c> holds the data's own level labels (identifiers).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    public static TidyTable RanefToTidy(this MixedModelFit fit)
    {
        Guard.Against.Null(fit);
        return new TidyTable(RowSchemas.MixedRanef.Columns, fit.ConditionalModes.Select(m => new object?[] { m.Group, m.Term, m.Level, m.Mode, m.ConditionalSd }));
    }

    /// <summary>
    /// Columns <c>statistic</c>, <c>group</c>, <c>value</c> (<see cref="RowSchemas.MixedFit"/>): <c>REMLcrit</c>
    /// (REML) or <c>deviance</c> (ML), <c>logLik</c>, <c>AIC</c>, <c>BIC</c>, <c>nobs</c>, <c>n_dropped</c>, <c>sigma</c>,
    /// <c>isSingular</c> (1 or 0), <c>optimizer_evaluations</c>, <c>final_gradient</c>, then per grouping factor
    /// <c>ngrps</c> and, for a factor with a random intercept, <c>icc</c> (<see cref="MixedModelFit.IntraclassCorrelation"/>).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    public static TidyTable FitToTidy(this MixedModelFit fit)
    {
        Guard.Against.Null(fit);
        var rows = new List<object?[]>
        {
            new object?[] { fit.Reml ? StatisticNames.RemlCriterion : StatisticNames.Deviance, null, fit.Criterion },
            new object?[] { StatisticNames.LogLikelihood, null, fit.LogLikelihood },
            new object?[] { StatisticNames.Aic, null, fit.Aic },
            new object?[] { StatisticNames.Bic, null, fit.Bic },
            new object?[] { StatisticNames.Observations, null, fit.Observations },
            new object?[] { StatisticNames.RowsDropped, null, fit.OmittedRows },
            new object?[] { StatisticNames.Sigma, null, Math.Sqrt(fit.ResidualVariance) },
            new object?[] { StatisticNames.IsSingular, null, fit.IsSingular ? 1 : 0 },
            new object?[] { StatisticNames.OptimizerEvaluations, null, fit.Evaluations },
            new object?[] { StatisticNames.FinalGradient, null, fit.FinalGradient },
        };
        foreach (KeyValuePair<string, int> group in fit.Groups)
        {
            rows.Add(new object?[] { StatisticNames.GroupCount, group.Key, group.Value });
            if (fit.VarianceComponents.Any(c => c.Group == group.Key && c.Term1 == "(Intercept)" && c.Term2 is null))
            {
                rows.Add(new object?[] { StatisticNames.Icc, group.Key, fit.IntraclassCorrelation(group.Key) });
            }
        }

        return new TidyTable(RowSchemas.MixedFit.Columns, rows);
    }

    /// <summary>Columns <c>row</c> (of the data, from 1), <c>fitted</c>, <c>residual</c> (<see cref="RowSchemas.MixedFitted"/>): one row per row of the data; NA where a row was left out for a missing value.</summary>
    /// <param name="fit">The fit.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    public static TidyTable FittedToTidy(this MixedModelFit fit)
    {
        Guard.Against.Null(fit);
        return new TidyTable(RowSchemas.MixedFitted.Columns, fit.Fitted.Select((f, i) => new object?[] { i + 1, f, fit.Residuals[i] }));
    }

    /// <summary>
    /// Every table of a fit, by schema name, in this order: <c>mixed-fixed-effects</c>, <c>mixed-varcorr</c>,
    /// <c>mixed-ranef</c>, <c>mixed-fit</c>, <c>mixed-fitted</c>, and with <paramref name="profileLevel"/>
    /// <c>mixed-confint</c> (<see cref="ProfileToTidy"/>).
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="profileLevel">The profile intervals' confidence level, strictly between 0 and 1; null (the default) for no <c>mixed-confint</c> table (profiles cost refits).</param>
    /// <returns>The five tables, or six.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="profileLevel"/> is not strictly between 0 and 1.</exception>
    public static IReadOnlyList<KeyValuePair<string, TidyTable>> ToTidyTables(this MixedModelFit fit, double? profileLevel = null)
    {
        Guard.Against.Null(fit);
        IEnumerable<KeyValuePair<string, TidyTable>> profile = profileLevel is { } level
            ? new[] { new KeyValuePair<string, TidyTable>(RowSchemas.MixedConfint.Name, fit.ProfileToTidy(level)) }
            : Array.Empty<KeyValuePair<string, TidyTable>>();
        return new[]
        {
            new KeyValuePair<string, TidyTable>(RowSchemas.MixedFixedEffects.Name, fit.FixedEffectsToTidy()),
            new KeyValuePair<string, TidyTable>(RowSchemas.MixedVarCorr.Name, fit.VarCorrToTidy()),
            new KeyValuePair<string, TidyTable>(RowSchemas.MixedRanef.Name, fit.RanefToTidy()),
            new KeyValuePair<string, TidyTable>(RowSchemas.MixedFit.Name, fit.FitToTidy()),
            new KeyValuePair<string, TidyTable>(RowSchemas.MixedFitted.Name, fit.FittedToTidy()),
        }.Concat(profile).ToArray();
    }

    /// <summary>
    /// Columns <c>parameter</c>, <c>estimate</c>, <c>conf_low</c>, <c>conf_high</c>, <c>conf_level</c>
    /// (<see cref="RowSchemas.MixedConfint"/>): the profile-likelihood interval of every parameter, as lme4's
    /// <c>confint(fit, method = "profile", oldNames = FALSE)</c> (<see cref="MixedModelFit.ProfileConfidenceIntervals"/>;
    /// the estimate is the ML estimate the profile is centred on). A bound the profile never reaches is written as
    /// <c>Inf</c>/<c>-Inf</c>, one it could not follow as NA.
    /// </summary>
    /// <param name="fit">The fit.</param>
    /// <param name="level">The confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <returns>The table, one row per parameter in <see cref="MixedModelFit.ProfileConfidenceIntervals"/>' order.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="fit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static TidyTable ProfileToTidy(this MixedModelFit fit, double level = 0.95)
    {
        Guard.Against.Null(fit);
        return new TidyTable(RowSchemas.MixedConfint.Columns, fit.ProfileConfidenceIntervals(level).Select(i => new object?[] { i.Parameter, i.Estimate, i.Lower, i.Upper, level }).ToList());
    }

    /// <summary>
    /// What a reader of <see cref="ToModelFrame"/>'s result should know: a column read as categorical although most of
    /// its cells are numbers (one stray text makes a predictor a factor, as in R, and its levels then name
    /// coefficients), and a table of one column whose name holds a <c>;</c> or a tab (a file that is not comma-separated).
    /// </summary>
    /// <param name="table">The table.</param>
    /// <returns>One sentence per finding, naming columns (the header's names) and rows, never a cell; empty when none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> ModelFrameWarnings(this TidyTable table)
    {
        Guard.Against.Null(table);
        var warnings = new List<string>();
        if (table.Columns.Length == 1 && (table.Columns[0].Contains(';') || table.Columns[0].Contains('\t')))
        {
            warnings.Add("The table has one column whose name holds ';' or a tab: the file is probably not comma-separated. Read it with its delimiter (and decimal comma, if it has one: TidyCsv.Read's delimiter and decimalComma; alliance mixed --delimiter ';' --decimal-comma).");
        }

        for (int c = 0; c < table.Columns.Length; c++)
        {
            int present = 0, text = 0, first = -1;
            for (int r = 0; r < table.RowCount; r++)
            {
                switch (table.Rows[r][c])
                {
                    case null:
                        break;
                    case string s when !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                        present++;
                        text++;
                        first = first < 0 ? r : first;
                        break;
                    default:
                        present++;
                        break;
                }
            }

            if (text > 0 && text * 10 < present)
            {
                warnings.Add(string.Format(CultureInfo.InvariantCulture, "Column '{0}' is read as categorical, but only {1} of its {2} cells are not numbers (the first in data row {3}); if it is a numeric predictor, correct or empty those cells.", SafeText.Clean(table.Columns[c], 60), text, present, first + 1));
            }
        }

        return warnings;
    }

    /// <summary>
    /// The table as a mixed model's data: a column whose every cell is a number (or a text that reads as one in the
    /// invariant culture) or missing is numeric; any other column is categorical, its cells' text the levels' labels.
    /// Missing cells (null, <c>NA</c>, empty, NaN) stay missing: a model that uses the column leaves those rows out
    /// (R's <c>na.omit</c>). A numeric column can still be a grouping factor, as in lme4.
    /// </summary>
    /// <param name="table">The table, as <see cref="TidyCsv.Read(System.IO.TextReader, char, bool)"/> reads a CSV.</param>
    /// <returns>The frame.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="table"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the table has no rows.</exception>
    public static ModelFrame ToModelFrame(this TidyTable table)
    {
        Guard.Against.Null(table);
        Guard.Against.InvalidInput(table, nameof(table), t => t.RowCount > 0, "The table has no rows.");
        var numeric = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        var factors = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
        for (int c = 0; c < table.Columns.Length; c++)
        {
            var values = new double[table.RowCount];
            bool isNumeric = true;
            for (int r = 0; r < table.RowCount && isNumeric; r++)
            {
                values[r] = table.Rows[r][c] switch
                {
                    null => double.NaN,
                    double d => d,
                    int i => i,
                    decimal m => (double)m,
                    string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) => d,
                    _ => Fail(ref isNumeric),
                };
            }

            if (isNumeric)
            {
                numeric[table.Columns[c]] = values;
            }
            else
            {
                factors[table.Columns[c]] = table.Rows.Select(row => row[c] switch
                {
                    null => null,
                    string text => text,
                    object o => Convert.ToString(o, CultureInfo.InvariantCulture),
                }).ToArray();
            }
        }

        return new ModelFrame(numeric, factors);

        static double Fail(ref bool flag)
        {
            flag = false;
            return double.NaN;
        }
    }
}

using System.Collections.Immutable;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The library's output row schemas: each result kind has one, written alike to CSV, JSON and Parquet by the tables
/// and columnar packages and by the command line. <c>docs/schema.md</c> lists them (a test keeps it equal to this
/// type). Column names follow R's conventions where R has them (<c>psych</c>, <c>lme4</c>).
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class RowSchemas
{
    /// <summary>The scoring strategy's name: <c>strategy</c>.</summary>
    public const string Strategy = "strategy";

    /// <summary>The scoring strategy's version: <c>strategy_version</c>.</summary>
    public const string StrategyVersion = "strategy_version";

    /// <summary>The missing-data policy's name: <c>missing_data</c>.</summary>
    public const string MissingData = "missing_data";

    /// <summary>The score's metric code (<see cref="AllianceCodes.ToCode(ScoreMetric)"/>): <c>metric</c>.</summary>
    public const string Metric = "metric";

    /// <summary>The scored dimension: <c>total</c> or a subscale's identifier: <c>dimension</c>.</summary>
    public const string Dimension = "dimension";

    /// <summary>A number, in the unit the row states: <c>value</c>.</summary>
    public const string Value = ResponseFileSchema.Value;

    /// <summary>The lowest possible score: <c>minimum</c>.</summary>
    public const string Minimum = "minimum";

    /// <summary>The highest possible score: <c>maximum</c>.</summary>
    public const string Maximum = "maximum";

    /// <summary>The score as a percentage of its range: <c>pomp</c>.</summary>
    public const string Pomp = "pomp";

    /// <summary>Whether the score is beyond its instrument's cutoff (<c>true</c>, <c>false</c>; empty or NA without a cutoff): <c>flagged</c>.</summary>
    public const string Flagged = "flagged";

    /// <summary>Whether the row is a finding or an alert: <c>kind</c>.</summary>
    public const string Kind = "kind";

    /// <summary>The detector or alert rule that made the row: <c>rule</c>.</summary>
    public const string Rule = "rule";

    /// <summary>The finding's or alert's code, such as <c>rupture</c>: <c>code</c>.</summary>
    public const string Code = "code";

    /// <summary>The sessions the row concerns, separated by spaces: <c>sessions</c>.</summary>
    public const string Sessions = "sessions";

    /// <summary>The row's text for a person: <c>summary</c>.</summary>
    public const string Summary = "summary";

    /// <summary>An alert's severity (<c>watch</c>, <c>act</c>): <c>severity</c>.</summary>
    public const string Severity = "severity";

    /// <summary>Whether an alert signals strain in the alliance (1 or 0): <c>signals_strain</c>.</summary>
    public const string SignalsStrain = "signals_strain";

    /// <summary>The first session a row concerns: <c>first_session</c>.</summary>
    public const string FirstSession = "first_session";

    /// <summary>The last session a row concerns: <c>last_session</c>.</summary>
    public const string LastSession = "last_session";

    /// <summary>A finding's detector: <c>detector</c>.</summary>
    public const string Detector = "detector";

    /// <summary>A finding's code: <c>finding</c>.</summary>
    public const string Finding = "finding";

    /// <summary>A row's number within its group, from 1: <c>index</c>.</summary>
    public const string Index = "index";

    /// <summary>A statistic's name (<see cref="StatisticNames"/>, or a finding's value name): <c>statistic</c>.</summary>
    public const string Statistic = "statistic";

    /// <summary>An alert's message: <c>message</c>.</summary>
    public const string Message = "message";

    /// <summary>A triage entry's place in the attention order, from 1: <c>rank</c>.</summary>
    public const string Rank = "rank";

    /// <summary>A triage entry's attention level (<c>act</c>, <c>watch</c>, <c>none</c>): <c>level</c>.</summary>
    public const string Level = "level";

    /// <summary>How many distinct alert codes call for action: <c>act_reasons</c>.</summary>
    public const string ActReasons = "act_reasons";

    /// <summary>A triage entry's alert codes, separated by <c>;</c>: <c>reasons</c>.</summary>
    public const string Reasons = "reasons";

    /// <summary>The latest session of an entry: <c>latest_session</c>.</summary>
    public const string LatestSession = "latest_session";

    /// <summary>Whether some of a triage entry's client's data was left out (1) or not (0), NA when not known: <c>data_left_out</c>.</summary>
    public const string DataLeftOut = "data_left_out";

    /// <summary>What a statistic covers: <c>total</c>, a subscale, <c>client-therapist</c>, <c>scores/…</c> or <c>norm/…</c> (<see cref="StatisticNames"/>): <c>scope</c>.</summary>
    public const string Scope = "scope";

    /// <summary>How many rows, pairs or episodes a statistic is computed on: <c>n</c>.</summary>
    public const string N = "n";

    /// <summary>A scale of an instrument: <c>total</c> or a subscale's identifier: <c>scale</c>.</summary>
    public const string Scale = "scale";

    /// <summary>An ICC form, as <c>psych::ICC</c> names its type (<c>ICC1</c> … <c>ICC3k</c>): <c>type</c>.</summary>
    public const string Type = "type";

    /// <summary>A response matrix's row, from 1: <c>respondent</c>.</summary>
    public const string Respondent = "respondent";

    /// <summary>One response, in points of the item's scale: <c>response</c>.</summary>
    public const string Response = "response";

    /// <summary>An intake score, in points of the model's metric: <c>intake</c>.</summary>
    public const string Intake = "intake";

    /// <summary>The expected score, in points of the model's metric: <c>expected</c>.</summary>
    public const string Expected = "expected";

    /// <summary>The expected-response band's edge on the worse side, in points: <c>bound</c>.</summary>
    public const string Bound = "bound";

    /// <summary>The key a grouped table is grouped by (<c>therapist</c>, <c>site</c>, <c>team</c>): <c>by</c>.</summary>
    public const string By = "by";

    /// <summary>The group's key as the input gave it (NA: not recorded): <c>group</c>.</summary>
    public const string Group = "group";

    /// <summary>How many clients: <c>n_clients</c>.</summary>
    public const string Clients = "n_clients";

    /// <summary>How many episodes (client × instrument × perspective): <c>n_episodes</c>.</summary>
    public const string EpisodeCount = "n_episodes";

    /// <summary>How many clients are at attention level act: <c>act</c>.</summary>
    public const string Act = "act";

    /// <summary>How many clients are at attention level watch: <c>watch</c>.</summary>
    public const string Watch = "watch";

    /// <summary>How many clients have no alert: <c>no_alert</c>.</summary>
    public const string NoAlert = "no_alert";

    /// <summary>The mean latest client-rated alliance score, POMP 0–100: <c>mean_alliance_pomp</c>.</summary>
    public const string MeanAlliancePomp = "mean_alliance_pomp";

    /// <summary>How many clients <see cref="MeanAlliancePomp"/> is over: <c>alliance_n</c>.</summary>
    public const string AllianceN = "alliance_n";

    /// <summary>The mean change from first to last outcome score, POMP points: <c>mean_outcome_change_pomp</c>.</summary>
    public const string MeanOutcomeChangePomp = "mean_outcome_change_pomp";

    /// <summary>How many clients <see cref="MeanOutcomeChangePomp"/> is over: <c>outcome_n</c>.</summary>
    public const string OutcomeN = "outcome_n";

    /// <summary>Measurement completeness: the share (0–1) of clients with a first and a last outcome score: <c>paired_outcome_share</c>.</summary>
    public const string PairedOutcomeShare = "paired_outcome_share";

    /// <summary>Whether the whole group was withheld by the disclosure policy (1 or 0): <c>withheld</c>.</summary>
    public const string Withheld = "withheld";

    /// <summary>
    /// One row per score and dimension: episode, session, date (<see cref="SessionDates.Format"/>), perspective,
    /// instrument, therapist, site, team (the session's <see cref="CareKeys"/>; NA when not recorded, since issue 28), strategy, strategy_version, missing_data, metric, dimension (<c>total</c> or a subscale), value,
    /// minimum, maximum (points of the metric, exact), pomp (0–100, 4 decimals), flagged (total rows only).
    /// </summary>
    public static RowSchema Scores { get; } = new("scores", new[]
    {
        ResponseFileSchema.Episode, ResponseFileSchema.Session, ResponseFileSchema.Date, ResponseFileSchema.Perspective, ResponseFileSchema.Instrument,
        ResponseFileSchema.Therapist, ResponseFileSchema.Site, ResponseFileSchema.Team,
        Strategy, StrategyVersion, MissingData, Metric, Dimension, Value, Minimum, Maximum, Pomp, Flagged,
    });

    /// <summary>One row per finding and alert, with its text: episode, instrument, perspective, kind (<c>finding</c> or <c>alert</c>), rule, code, sessions, summary.</summary>
    public static RowSchema Signals { get; } = new("signals", new[]
    {
        ResponseFileSchema.Episode, ResponseFileSchema.Instrument, ResponseFileSchema.Perspective, Kind, Rule, Code, Sessions, Summary,
    });

    /// <summary>One row per value of each finding: episode, instrument, perspective, detector, finding, index, first_session, last_session, statistic, value.</summary>
    public static RowSchema FindingValues { get; } = new("finding-values", new[]
    {
        ResponseFileSchema.Episode, ResponseFileSchema.Instrument, ResponseFileSchema.Perspective, Detector, Finding, Index, FirstSession, LastSession, Statistic, Value,
    });

    /// <summary>One row per alert: episode, instrument, perspective, rule, code, severity, signals_strain, first_session, last_session, message.</summary>
    public static RowSchema Alerts { get; } = new("alerts", new[]
    {
        ResponseFileSchema.Episode, ResponseFileSchema.Instrument, ResponseFileSchema.Perspective, Rule, Code, Severity, SignalsStrain, FirstSession, LastSession, Message,
    });

    /// <summary>One row per triage entry, in attention order: rank, episode, instrument, perspective, therapist, site, team (the current ones, <see cref="Reports.TriageEntry.Therapist"/>; NA when not recorded, since issue 28), level, act_reasons, reasons, latest_session, data_left_out (since issue 26).</summary>
    public static RowSchema Triage { get; } = new("triage", new[]
    {
        Rank, ResponseFileSchema.Episode, ResponseFileSchema.Instrument, ResponseFileSchema.Perspective,
        ResponseFileSchema.Therapist, ResponseFileSchema.Site, ResponseFileSchema.Team, Level, ActReasons, Reasons, LatestSession, DataLeftOut,
    });

    /// <summary>One row per statistic: instrument, scope, statistic (<see cref="StatisticNames"/>), value, n.</summary>
    public static RowSchema Statistics { get; } = new("statistics", new[]
    {
        ResponseFileSchema.Instrument, Scope, Statistic, Value, N,
    });

    /// <summary>One row per session total, the totals layout of <see cref="ResponseFileSchema"/> with the score's range: episode, session, date, perspective, instrument, therapist, site, team (NA when not recorded, since issue 28), metric, total, minimum, maximum.</summary>
    public static RowSchema SessionTotals { get; } = new("session-totals", new[]
    {
        ResponseFileSchema.Episode, ResponseFileSchema.Session, ResponseFileSchema.Date, ResponseFileSchema.Perspective, ResponseFileSchema.Instrument,
        ResponseFileSchema.Therapist, ResponseFileSchema.Site, ResponseFileSchema.Team,
        Metric, ResponseFileSchema.Total, Minimum, Maximum,
    });

    /// <summary>One row per statistic of a reliability analysis (<c>psych::alpha</c>'s names, <see cref="StatisticNames"/>): statistic, item (NA for the scale's own), value.</summary>
    public static RowSchema Reliability { get; } = new("reliability", new[] { Statistic, ResponseFileSchema.Item, Value });

    /// <summary>The <see cref="Reliability"/> rows of an instrument's total and each subscale: scale, statistic, item, value.</summary>
    public static RowSchema InstrumentReliability { get; } = new("instrument-reliability", new[] { Scale, Statistic, ResponseFileSchema.Item, Value });

    /// <summary>One row per statistic of each ICC form (<c>psych::ICC</c>'s names): type (NA for the analysis's own), statistic, value.</summary>
    public static RowSchema Icc { get; } = new("icc", new[] { Type, Statistic, Value });

    /// <summary>One row per statistic of a Bland–Altman analysis: statistic, value.</summary>
    public static RowSchema BlandAltman { get; } = new("bland-altman", new[] { Statistic, Value });

    /// <summary>A response matrix in long form, one row per cell: respondent, item, response (NA when missing).</summary>
    public static RowSchema Responses { get; } = new("responses", new[] { Respondent, ResponseFileSchema.Item, Response });

    /// <summary>An expected-response model's path for given intakes: intake, session, expected, bound (NA at session 1).</summary>
    public static RowSchema ExpectedPath { get; } = new("expected-path", new[] { Intake, ResponseFileSchema.Session, Expected, Bound });

    /// <summary>One row per group of a caseload grouped by therapist, site or team (<see cref="Reports.CaseloadGroups"/>): by, group, n_clients, n_episodes, act, watch, no_alert, mean_alliance_pomp, alliance_n, mean_outcome_change_pomp, outcome_n, paired_outcome_share, withheld; a figure the disclosure policy withheld is NA (since issue 28).</summary>
    public static RowSchema CaseloadGroups { get; } = new("caseload-groups", new[]
    {
        By, Group, Clients, EpisodeCount, Act, Watch, NoAlert, MeanAlliancePomp, AllianceN, MeanOutcomeChangePomp, OutcomeN, PairedOutcomeShare, Withheld,
    });

    /// <summary>The <see cref="Statistics"/> rows of each group of a caseload grouped by therapist, site or team: by, group, instrument, scope, statistic, value, n (since issue 28).</summary>
    public static RowSchema GroupedStatistics { get; } = new("grouped-statistics", new[]
    {
        By, Group, ResponseFileSchema.Instrument, Scope, Statistic, Value, N,
    });

    /// <summary>A fixed-effect term's name, as lme4 names the model-matrix column (<c>(Intercept)</c>, <c>log(session)</c>), or a random-effect term's.</summary>
    public const string Term = "term";

    /// <summary>An estimate, in the response's units per unit of the term.</summary>
    public const string Estimate = "estimate";

    /// <summary>An estimate's standard error.</summary>
    public const string StandardError = "std_error";

    /// <summary>Degrees of freedom (Satterthwaite's, as lmerTest computes them).</summary>
    public const string DegreesOfFreedom = "df";

    /// <summary>A t statistic.</summary>
    public const string TValue = "t_value";

    /// <summary>A two-sided p-value.</summary>
    public const string PValue = "p_value";

    /// <summary>The grouping factor of a variance component, or <c>Residual</c> (<c>as.data.frame(VarCorr(fit))$grp</c>).</summary>
    public const string Grp = "grp";

    /// <summary>A variance component's first term (<c>var1</c> of <c>as.data.frame(VarCorr(fit))</c>).</summary>
    public const string Var1 = "var1";

    /// <summary>A covariance's second term, NA for a variance (<c>var2</c>).</summary>
    public const string Var2 = "var2";

    /// <summary>A variance or covariance (<c>vcov</c>).</summary>
    public const string Vcov = "vcov";

    /// <summary>A standard deviation, or for a covariance the correlation (<c>sdcor</c>).</summary>
    public const string Sdcor = "sdcor";

    /// <summary>A conditional mode's grouping factor (<c>as.data.frame(ranef(fit))$grpvar</c>).</summary>
    public const string Grpvar = "grpvar";

    /// <summary>A conditional mode (<c>condval</c>).</summary>
    public const string Condval = "condval";

    /// <summary>A conditional mode's conditional standard deviation (<c>condsd</c>).</summary>
    public const string Condsd = "condsd";

    /// <summary>A row of the data a model was fitted on, from 1.</summary>
    public const string Row = "row";

    /// <summary>A fitted value (R's <c>fitted</c>).</summary>
    public const string Fitted = "fitted";

    /// <summary>A residual (R's <c>residuals</c>).</summary>
    public const string Residual = "residual";

    /// <summary>The parameter a confidence interval is of, as lme4's <c>confint(fit, oldNames = FALSE)</c> names it (<c>sd_(Intercept)|therapist</c>, <c>cor_log(session).(Intercept)|client</c>, <c>sigma</c>, a fixed-effect term).</summary>
    public const string Parameter = "parameter";

    /// <summary>A confidence interval's lower bound (broom's <c>conf.low</c>).</summary>
    public const string ConfLow = "conf_low";

    /// <summary>A confidence interval's upper bound (broom's <c>conf.high</c>).</summary>
    public const string ConfHigh = "conf_high";

    /// <summary>A confidence interval's level, between 0 and 1 (broom's <c>conf.level</c>).</summary>
    public const string ConfLevel = "conf_level";

    /// <summary>The measure a service row describes: <c>outcome</c> or <c>alliance</c> (<c>ServiceCodes.ToCode(ServiceMeasure)</c>).</summary>
    public const string Measure = "measure";

    /// <summary>An intraclass correlation: a grouping factor's share of the variance, 0 to 1.</summary>
    public const string Share = "icc";

    /// <summary>How many levels (therapists, sites) a grouping factor has in a model.</summary>
    public const string Levels = "n_levels";

    /// <summary>A therapist's key, as the data give it.</summary>
    public const string Therapist = ResponseFileSchema.Therapist;

    /// <summary>A site's key, as the data give it.</summary>
    public const string Site = ResponseFileSchema.Site;

    /// <summary>A therapist's adjusted effect, in the measure's points, positive = better than average.</summary>
    public const string Effect = "effect";

    /// <summary>A classification (<c>average</c>, <c>above-average</c>, <c>below-average</c>, <c>withheld</c>).</summary>
    public const string Classification = "classification";

    /// <summary>A reliability, 0 to 1.</summary>
    public const string ReliabilityOfMean = "reliability";

    /// <summary>How a service benchmark row groups episodes (<c>caseload</c>, <c>site</c>, <c>therapist</c>, <c>month</c>).</summary>
    public const string Grouping = "grouping";

    /// <summary>Episodes with an intake and a final outcome score.</summary>
    public const string Paired = "n_paired";

    /// <summary>A mean intake score.</summary>
    public const string IntakeMean = "intake_mean";

    /// <summary>A mean final score.</summary>
    public const string FinalMean = "final_mean";

    /// <summary>A pre–post effect size (standardised mean change).</summary>
    public const string EffectSize = "effect_size";

    /// <summary>A severity-adjusted effect size.</summary>
    public const string Saes = "saes";

    /// <summary>A share of reliable improvement, 0 to 1.</summary>
    public const string ReliableImprovement = "reliable_improvement";

    /// <summary>A share of reliable deterioration, 0 to 1.</summary>
    public const string ReliableDeterioration = "reliable_deterioration";

    /// <summary>Episodes that were a clinical case at intake.</summary>
    public const string Cases = "n_cases";

    /// <summary>A share of recovery among cases, 0 to 1.</summary>
    public const string Recovery = "recovery";

    /// <summary>A share of reliable recovery among cases, 0 to 1.</summary>
    public const string ReliableRecovery = "reliable_recovery";

    /// <summary>A share reaching the expected-response target, 0 to 1.</summary>
    public const string ReachedTarget = "reached_target";

    /// <summary>A mean alliance rating, in the alliance measure's points.</summary>
    public const string AllianceMean = "alliance_mean";

    /// <summary>A share of episodes with a pre–post pair, 0 to 1.</summary>
    public const string Completeness = "completeness";

    /// <summary>A published benchmark's identifier.</summary>
    public const string Benchmark = "benchmark";

    /// <summary>A published value.</summary>
    public const string Published = "published";

    /// <summary>A published range's low end.</summary>
    public const string PublishedLow = "published_low";

    /// <summary>A published range's high end.</summary>
    public const string PublishedHigh = "published_high";

    /// <summary>The service's own value of a statistic.</summary>
    public const string ServiceFigure = "service_value";

    /// <summary>Whom a published figure describes.</summary>
    public const string Population = "population";

    /// <summary>A citation.</summary>
    public const string Source = "source";

    /// <summary>A part of a result a note is about.</summary>
    public const string Part = "part";

    /// <summary>A note for a reader.</summary>
    public const string Note = "note";

    /// <summary>An alliance total at a session, in the instrument's points: <c>alliance</c>.</summary>
    public const string Alliance = "alliance";

    /// <summary>A paired outcome total, in the instrument's points: <c>outcome</c>.</summary>
    public const string Outcome = "outcome";

    /// <summary>The outcome total at the alliance's own session, NA when not given: <c>outcome_at_session</c>.</summary>
    public const string OutcomeAtSession = "outcome_at_session";

    /// <summary>The paired outcome's session number: <c>outcome_session</c>.</summary>
    public const string OutcomeSession = "outcome_session";

    /// <summary>The alliance less the client's mean (person-mean centring): <c>alliance_within</c>.</summary>
    public const string AllianceWithin = "alliance_within";

    /// <summary>The client's mean alliance less the mean of the clients' means: <c>alliance_between</c>.</summary>
    public const string AllianceBetween = "alliance_between";

    /// <summary>Alliance and outcome paired session by session (<c>alliance linkage</c>), one row per pair with the alliance's within- and between-client parts: episode, therapist, site, session, alliance, outcome_at_session, outcome_session, outcome, alliance_within, alliance_between (since issue 31).</summary>
    public static RowSchema LinkagePairs { get; } = new("linkage-pairs", new[] { ResponseFileSchema.Episode, Therapist, Site, ResponseFileSchema.Session, Alliance, OutcomeAtSession, OutcomeSession, Outcome, AllianceWithin, AllianceBetween });

    /// <summary>The linkage analysis's figures (counts, variance shares, the repeated-measures correlation, the lagged model's effects): statistic, value (since issue 31).</summary>
    public static RowSchema LinkageStatistics { get; } = new("linkage-statistics", new[] { Statistic, Value });

    /// <summary>The linkage analysis's notes: what was left out and why: part, note (since issue 31).</summary>
    public static RowSchema LinkageNotes { get; } = new("linkage-notes", new[] { Part, Note });

    /// <summary>A mixed model's fixed effects (lmerTest's <c>coef(summary(fit))</c>): term, estimate, std_error, df, t_value, p_value (since issue 29).</summary>
    public static RowSchema MixedFixedEffects { get; } = new("mixed-fixed-effects", new[] { Term, Estimate, StandardError, DegreesOfFreedom, TValue, PValue });

    /// <summary>A mixed model's variance components, as <c>as.data.frame(VarCorr(fit))</c>: grp, var1, var2, vcov, sdcor (since issue 29).</summary>
    public static RowSchema MixedVarCorr { get; } = new("mixed-varcorr", new[] { Grp, Var1, Var2, Vcov, Sdcor });

    /// <summary>A mixed model's conditional modes, as <c>as.data.frame(ranef(fit, condVar = TRUE))</c>: grpvar, term, grp, condval, condsd (since issue 29).</summary>
    public static RowSchema MixedRanef { get; } = new("mixed-ranef", new[] { Grpvar, Term, Grp, Condval, Condsd });

    /// <summary>A mixed model's fit statistics (criterion, logLik, AIC, BIC, nobs, ngrps, sigma, ICC per factor, isSingular, the optimiser's figures): statistic, group, value (since issue 29).</summary>
    public static RowSchema MixedFit { get; } = new("mixed-fit", new[] { Statistic, Group, Value });

    /// <summary>A mixed model's fitted values and residuals per row of its data: row, fitted, residual (since issue 29).</summary>
    public static RowSchema MixedFitted { get; } = new("mixed-fitted", new[] { Row, Fitted, Residual });

    /// <summary>A mixed model's profile-likelihood confidence intervals, as lme4's <c>confint(fit, method = "profile", oldNames = FALSE)</c>: parameter, estimate (ML), conf_low, conf_high, conf_level (since issue 29).</summary>
    public static RowSchema MixedConfint { get; } = new("mixed-confint", new[] { Parameter, Estimate, ConfLow, ConfHigh, ConfLevel });

    /// <summary>Therapist and site shares of the variance with their intervals (<c>alliance service</c>).</summary>
    public static RowSchema ServiceVariance { get; } = new("service-variance", new[] { Measure, Grp, Share, ConfLow, ConfHigh, ConfLevel, Levels });

    /// <summary>Each therapist's adjusted effect, interval, classification and reliability (<c>alliance service</c>).</summary>
    public static RowSchema ServiceTherapists { get; } = new("service-therapists", new[] { Measure, Therapist, Site, Clients, Effect, ConfLow, ConfHigh, Classification, ReliabilityOfMean });

    /// <summary>Service benchmarks per caseload, site, therapist and month of closing (<c>alliance service</c>).</summary>
    public static RowSchema ServiceBenchmarks { get; } = new("service-benchmarks", new[] { Grouping, Group, EpisodeCount, Paired, Withheld, IntakeMean, FinalMean, EffectSize, ConfLow, ConfHigh, Saes, ReliableImprovement, ReliableDeterioration, Cases, Recovery, ReliableRecovery, ReachedTarget, AllianceMean, Completeness });

    /// <summary>The caseload's figures beside the published benchmarks (<c>alliance service</c>).</summary>
    public static RowSchema ServiceComparison { get; } = new("service-comparison", new[] { Benchmark, Statistic, ServiceFigure, Published, PublishedLow, PublishedHigh, Population, Source });

    /// <summary>The dependability of alliance scores, one statistic per row (<c>alliance service</c>).</summary>
    public static RowSchema ServiceDependability { get; } = new("service-dependability", new[] { Statistic, Value });

    /// <summary>The service view's notes and refusals, per part (<c>alliance service</c>).</summary>
    public static RowSchema ServiceNotes { get; } = new("service-notes", new[] { Part, Note });

    /// <summary>Gets every schema above, in the order <c>docs/schema.md</c> lists them.</summary>
    public static ImmutableArray<RowSchema> All { get; } = ImmutableArray.Create(Scores, Signals, FindingValues, Alerts, Triage, Statistics, SessionTotals, Reliability, InstrumentReliability, Icc, BlandAltman, Responses, ExpectedPath, CaseloadGroups, GroupedStatistics, MixedFixedEffects, MixedVarCorr, MixedRanef, MixedFit, MixedFitted, MixedConfint, ServiceVariance, ServiceTherapists, ServiceBenchmarks, ServiceComparison, ServiceDependability, ServiceNotes, LinkagePairs, LinkageStatistics, LinkageNotes);
}

using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Scoring;
using TherapeuticAlliance.Reports;
using TherapeuticAlliance.Trends;
using TherapeuticAlliance.Linkage;

using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Service;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Cli;

/// <summary>The alliance command line. Exit codes: 0 ok (everything used, or a partial result under --allow-partial), 1 data errors (unreadable file, nothing usable, or anything rejected under --strict), 2 usage, 3 partial (results written, some input left out and reported).</summary>
internal static class AllianceCli
{
    internal const int Ok = 0;
    internal const int DataErrors = 1;
    internal const int Usage = 2;

    /// <summary>Results were written, but some input was left out (listed on standard error and in the report); --allow-partial makes it 0.</summary>
    internal const int Partial = 3;

    internal static int Run(string[] args, TextWriter output, TextWriter error, bool? progress = null)
    {
        // Files and options are culture-invariant ("6.5", not "6,5"), whatever the machine's culture.
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            return RunInvariant(args, output, error, progress);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    private static int RunInvariant(string[] args, TextWriter output, TextWriter error, bool? progress)
    {
        var input = new Argument<string>("input") { Description = "The CSV file: long (episode,session,date,perspective,instrument,item,value), wide (episode,session,date,perspective,instrument,<item ids>) or totals (episode,session,date,perspective,instrument,total[,<subscale ids>]); see docs/cli.md." };
        var format = new Option<string>("--format") { Description = "Input layout: auto (long when the header has an item or value column, totals when it has a total column, else wide), long, wide or totals. Default: auto.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong(Enum.GetValues<ResponseLayout>().Select(ResponseFileSchema.ToCode).ToArray());
        var strategy = new Option<string>("--strategy") { Description = "Scoring strategy, any the library registers: " + string.Join(", ", BuiltInStrategyNames()) + ". Default: sum.", DefaultValueFactory = _ => "sum" };
        var policy = new Option<string?>("--missing") { Description = "Missing-data policy: complete-only, half-rule, prorate-max-items:N or prorate-max-fraction:F. Default: each instrument's own (complete-only for the built-ins)." };
        var srsOperator = new Option<string>("--srs-cutoff") { Description = "SRS cutoff comparison: below (total < 36) or at-or-below (total <= 36). Default: below.", DefaultValueFactory = _ => "below" };
        srsOperator.AcceptOnlyFromAmong("below", "at-or-below");
        var definitions = new Option<string[]>("--instrument-definition") { Description = "A JSON instrument definition file to add to the built-in instruments (repeatable).", DefaultValueFactory = _ => Array.Empty<string>() };
        var strict = new Option<bool>("--strict") { Description = "All or nothing: when any row, administration, session or episode is rejected, write nothing and exit with code 1. Default: report what is left out, use the rest and exit 3 (partial)." };
        var allowPartial = new Option<bool>("--allow-partial") { Description = "Exit 0 when some input was left out (reported) and the rest was used. Default: such a partial result exits 3." };
        var delimiter = new Option<string>("--delimiter") { Description = "Field delimiter: ',' (comma), ';' (semicolon), 'tab' or '|'. Default: learnt from the header (with a note when not ',').", DefaultValueFactory = _ => "," };
        delimiter.AcceptOnlyFromAmong(",", ";", "tab", "|");
        var decimalComma = new Option<bool>("--decimal-comma") { Description = "Values use ',' as the decimal separator (8,8), as many European exports write them. Default: learnt from the first lines ('.' unless the file uses ',' and another delimiter)." };
        var dateFormat = new Option<string?>("--date-format") { Description = "The file's date format, such as dd/MM/yyyy or MM/dd/yyyy (.NET custom format). 'iso' states ISO 8601 only (2026-03-02, optionally with a time and offset). Default: learnt from the first lines: ISO 8601, else the one common format nine in ten dates fit (dd.MM.yyyy, dd/MM/yyyy, ...)." };
        var encoding = new Option<string?>("--encoding") { Description = "The file's text encoding: utf-8, windows-1252, latin1 (iso-8859-1) or utf-16. Default: UTF-8, and a file that is not valid UTF-8 is an error naming the line." };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Where to write the result. Default: standard output (report: report.html)." };
        var outputFormat = new Option<string>("--output-format") { Description = "csv or json; score and analyze also write parquet (with --output). Default: csv.", DefaultValueFactory = _ => "csv" };
        outputFormat.AcceptOnlyFromAmong("csv", "json", "parquet");
        var inputFormat = new Option<string>("--input-format") { Description = "csv, or parquet: a Parquet file or a folder of partitions (*.parquet at any depth), long or wide layout (see --format; totals is CSV only). Default: csv.", DefaultValueFactory = _ => "csv" };
        inputFormat.AcceptOnlyFromAmong("csv", "parquet");
        var norm = new Option<string[]>("--norm") { Description = "A reference norm for an instrument, INSTRUMENT=MEAN:SD in points of its sum (repeatable), for example ors=22.3:6.1. Without it (and without --caseload-norms always) thresholds come from each instrument's published figures and the client's own series.", DefaultValueFactory = _ => Array.Empty<string>() };
        var caseloadNorms = new Option<string>("--caseload-norms") { Description = "When to judge clients also against this file's own norms (mean, SD and change SD per instrument and form): when-large (default: only for an instrument and form with at least 30 clients, and then only ever more strictly than alone; the ORS's reliable change keeps its published 5 points), always (every group of 3 or more, and reliable change from the file's intake SD: 0.2.0's behaviour) or never (each client exactly as alone). --norm wins where given.", DefaultValueFactory = _ => "when-large" };
        caseloadNorms.AcceptOnlyFromAmong("when-large", "always", "never");
        var reliability = new Option<string[]>("--reliability") { Description = "An instrument's reliability, INSTRUMENT=R with R between 0 and 1 (repeatable), for example srs=0.64. Default: each instrument's own (SRS .88, ORS .82, WAI-SR .80).", DefaultValueFactory = _ => Array.Empty<string>() };
        var ruptureM = new Option<double?>("--rupture-sd") { Description = "Rupture threshold m, in SDs: the larger of the client's own SD and the caseload's (or --norm). Default: 2 (1 = the less strict variant); with the default rule it is the floor of a multiplier raised per episode." };
        var ruptureRule = new Option<string>("--rupture-rule") { Description = "The rupture rule: default (a drop from the mean of the last 3 scores of 2 SD of session-to-session change, the client's own and, with a norm, never below the norm's, raised to hold a 5 % false-alarm rate per episode, with a reliable-change floor; window 3), two-sd (Gumz et al.'s 2 SD per pair of consecutive sessions, the default before issue 26), one-sd (the same at 1 SD), score-levels (2 SD of score levels, the reading of Gumz et al. 2012 the domain reference proposes) or intra-only (1 SD of the client's own series, window 1: the rule before issue 13). --rupture-sd and --repair-window adjust it.", DefaultValueFactory = _ => "default" };
        ruptureRule.AcceptOnlyFromAmong("default", "two-sd", "one-sd", "score-levels", "intra-only");
        var repairWindow = new Option<int?>("--repair-window") { Description = "Sessions allowed for a repair. Default: 3." };
        var drop = new Option<string[]>("--drop") { Description = "Drop from the previous session, INSTRUMENT=POINTS (repeatable), that raises an advisory alert at the latest session; giving it turns that alert on (off by default since issue 26: on noise it fired on about one calm client in five). Without it the drop is still a finding at srs=1 (no other instrument has a published drop rule).", DefaultValueFactory = _ => Array.Empty<string>() };
        var belowCutoffSessions = new Option<int?>("--below-cutoff-sessions") { Description = "Consecutive sessions, ending with the latest, below an instrument's cutoff before the below-cutoff alert is raised. Default: 2 (1 = the vendor rule as published)." };
        var discrepancy = new Option<string[]>("--discrepancy") { Description = "Client-therapist difference at the latest session both rated, INSTRUMENT=POINTS (repeatable), for example alliance-profile=6, that raises an advisory alert. Default: off (no sourced default).", DefaultValueFactory = _ => Array.Empty<string>() };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of text." };

        Option[] shared = { format, inputFormat, strategy, policy, srsOperator, definitions, strict, allowPartial, delimiter, decimalComma, dateFormat, encoding };
        var expectedResponse = new Option<string[]>("--expected-response") { Description = "An expected-response model file (from 'alliance expected-response fit'; repeatable, one per outcome instrument): outcome sessions beyond its band are not on track, and a latest session beyond it raises an act alert.", DefaultValueFactory = _ => Array.Empty<string>() };
        Option[] trends = { norm, caseloadNorms, reliability, ruptureRule, ruptureM, repairWindow, drop, belowCutoffSessions, discrepancy, expectedResponse };

        var score = Command("score", "Score every administration; writes one tidy row per administration and dimension (CSV) or an array (JSON).", input, shared.Concat(new Option[] { outputFile, outputFormat }));
        var analyze = Command("analyze", "Build episodes and run the trend detectors; writes findings and alerts (CSV) or reports (JSON).", input, shared.Concat(trends).Concat(new Option[] { outputFile, outputFormat }));
        var fitInstrument = new Option<string?>("--instrument") { Description = "The outcome instrument to fit (for example ors). Default: the file's only outcome instrument." };
        var coverage = new Option<double>("--coverage") { Description = "The band's coverage, between 0 and 1. Default: 0.9 (the worst 10 % are not on track).", DefaultValueFactory = _ => 0.9 };
        var band = new Option<string>("--band") { Description = "tolerance (a one-sided regression tolerance bound with 95 % confidence) or prediction (an OLS prediction bound). Default: tolerance.", DefaultValueFactory = _ => "tolerance" };
        band.AcceptOnlyFromAmong("tolerance", "prediction");
        var lowerIsBetter = new Option<bool>("--lower-is-better") { Description = "The instrument's lower scores are better (a symptom measure such as the OQ-45 or PHQ-9): the band lies above the expected score. Default: higher is better, as for the ORS." };
        var minimumEpisodes = new Option<int>("--minimum-episodes") { Description = "The fewest usable episodes the fit needs. Default: 20.", DefaultValueFactory = _ => 20 };
        var model = new Option<string?>("--model") { Description = "The model's kind: intake-log-session (the regression, the default: it did best on the generator's grid) or mixed-log-session (random intercept and slope per client), or a kind the host registered." };
        var update = new Option<string>("--update") { Description = "mixed-log-session: how a client's own sessions count (empirical Bayes): current-level, next-score or none. Default: current-level.", DefaultValueFactory = _ => "current-level" };
        update.AcceptOnlyFromAmong("current-level", "next-score", "none");
        var levelWindow = new Option<int>("--level-window") { Description = "intake-log-session: a client is judged on the mean of their last N residuals from the expected path, against the history's own quantile of that mean (1 to 10; 1 judges each score alone, as 0.2.0 did). Default: 3.", DefaultValueFactory = _ => new ExpectedResponseOptions().LevelWindow };
        var therapistEffects = new Option<bool>("--therapist-effects") { Description = "mixed-log-session: a random intercept and slope per therapist too (every episode needs the therapist column)." };
        var fit = Command("fit", "Fit an expected-response model on a history of an outcome instrument (intake at session 1, ln(session)); writes the model as JSON, and to standard error its summary and a 5-fold cross-validation over clients of every registered kind (not-on-track precision, recall, flag rate per assessment).", input, shared.Concat(new Option[] { fitInstrument, model, coverage, band, levelWindow, update, therapistEffects, lowerIsBetter, minimumEpisodes, outputFile }));
        var expected = new Command("expected-response", "Expected treatment response for outcome measures: fit a model on your own history, then give it to analyze, triage or report with --expected-response.") { fit };
        var by = new Option<string>("--by") { Description = "client (one line per client, over all instruments and perspectives), episode (client x instrument x perspective), or therapist, site or team: one line per group (clients, episodes, clients by level, mean alliance, mean outcome change, paired outcome scores) under --disclosure. Default: client.", DefaultValueFactory = _ => "client" };
        by.AcceptOnlyFromAmong(CareKeys.AllKinds.Select(CareKeys.ToCode).Prepend("episode").Prepend("client").ToArray());
        var therapist = new Option<string?>("--therapist") { Description = "triage and report: only the clients whose latest session names this therapist (the file's therapist column), a therapist's own caseload; stats: only the administrations of sessions naming it. Default: everyone." };
        var site = new Option<string?>("--site") { Description = "triage and report: only the clients whose latest session names this site (the file's site column); stats: only the administrations of sessions naming it. Default: everyone." };
        var disclosure = new Option<string>("--disclosure") { Description = "The disclosure policy of every grouped figure: default (figures over fewer than 10 clients are withheld) or opensafely (figures over 7 or fewer withheld, counts of 1-7 withheld, counts rounded to the nearest 5). What is withheld is counted, never shown. Default: default.", DefaultValueFactory = _ => "default" };
        disclosure.AcceptOnlyFromAmong("default", "opensafely");
        var groupBy = new Option<string?>("--by") { Description = "therapist, site or team: report opens with an overview per group; stats computes its statistics per group (groups of fewer than the --disclosure minimum of clients are withheld). Default: no grouping." };
        groupBy.AcceptOnlyFromAmong(CareKeys.AllKinds.Select(CareKeys.ToCode).ToArray());
        Option[] care = { therapist, site, disclosure };
        var triage = Command("triage", "Rank the caseload for attention: act, watch or none, with the reasons (alert codes) and the latest session, most urgent first (CSV or JSON); or, with --by therapist|site|team, the caseload per group.", input, shared.Concat(trends).Concat(care).Concat(new Option[] { by, outputFile, outputFormat }));
        var clientsPerPage = new Option<int>("--clients-per-page") { Description = "Clients per page of the HTML report: a larger caseload gets an index (the attention list and how the report was made) and numbered client pages beside it. Default: 100.", DefaultValueFactory = _ => CaseloadHtmlReport.DefaultClientsPerPage };
        var report = Command("report", "Write a self-contained HTML report: who needs attention and why first, then one section per client (charts of every instrument and perspective, current alerts, findings, focus areas), and how the report was made.", input, shared.Concat(trends).Concat(care).Concat(new Option[] { groupBy, clientsPerPage, outputFile }));
        var partial = new Option<string?>("--partial") { Description = "Write this site's mergeable partial (counts, means and co-moments only; no row, identifier, date or free text) to this JSON file instead of the statistics; merge the sites' partials with 'alliance merge'." };
        var minimumRows = new Option<int>("--minimum-rows") { Description = "With --partial: the fewest complete rows a scope, the fewest rows a score summary and the fewest episodes a norm group may summarise (a scope always needs 2); smaller ones are withheld and named. Default: 10.", DefaultValueFactory = _ => 10 };
        var parquet = new Option<string?>("--parquet") { Description = "Also write the statistics as a Parquet table (instrument, scope, statistic, value, n) to this file." };
        var stats = Command("stats", "Cronbach's alpha per instrument and subscale, client-therapist ICCs of totals, score summaries and caseload norms, on a response file; or, with --partial, this site's mergeable partial of them.", input, shared.Concat(care).Concat(new Option[] { groupBy, json, partial, minimumRows, parquet }));
        var partialFiles = new Argument<string[]>("partials") { Description = "The sites' partial files (from 'alliance stats --partial'), or folders of them (their *.json files).", Arity = ArgumentArity.OneOrMore };
        var merge = new Command("merge", "Merge sites' partials (from 'alliance stats --partial') into the statistics of the pooled data, as 'alliance stats' prints them. A partial that cannot be read, or whose numbers no data could give, is left out and named; the others merge (exit 3, or 0 with --allow-partial).") { partialFiles, json, parquet, allowPartial };
        var formula = new Option<string?>("--formula") { Description = "The model in lme4's formula syntax, for example 'post ~ pre + (1 | site / therapist)' or 'ors ~ log(session) + (1 + log(session) | client)' (docs/multilevel.md); required for a table, not for partials." };
        var mixedPartial = new Option<string?>("--partial") { Description = "Write the table's mixed-model partial (per-level sums, no row; default disclosure policy) to this file instead of fitting; fit the sites' partials with 'alliance mixed FILE.json|FOLDER'." };
        var ml = new Option<bool>("--ml") { Description = "Fit by maximum likelihood (REML = FALSE) instead of REML." };
        var profile = new Option<bool>("--profile") { Description = "Also profile-likelihood 95 % intervals of every parameter (lme4's confint(fit, method = \"profile\")): printed after the summary, and the mixed-confint table." };
        var csvOut = new Option<string?>("--csv") { Description = "Also write the command's tidy tables as CSV files into this folder, one per table (mixed: mixed-fixed-effects, mixed-varcorr, mixed-ranef, mixed-fit, mixed-fitted, with --profile mixed-confint; service: the service-* tables; linkage: the linkage-* tables and the model's mixed-fixed-effects and mixed-varcorr; docs/schema.md)." };
        var parquetOut = new Option<string?>("--parquet") { Description = "Also write the command's tidy tables as Parquet files into this folder (the tables --csv writes)." };
        var mixed = Command("mixed", "Fit a linear mixed model (as lme4's lmer, with lmerTest's Satterthwaite tests) on any CSV or Parquet table, or on sites' partials (a .json file or a folder of them); prints lme4's summary, or every figure with --json.", input, new Option[] { formula, ml, profile, inputFormat, delimiter, decimalComma, json, csvOut, parquetOut, mixedPartial });
        var instruments = new Command("instruments", "List the built-in instruments and their structure.") { json, definitions };
        var outcomeInstrument = new Option<string>("--outcome-instrument") { Description = "service: the outcome instrument (its client-rated series give intake and final scores). Default: ors.", DefaultValueFactory = _ => ServiceOptions.Default.OutcomeInstrument };
        var allianceInstrument = new Option<string>("--alliance-instrument") { Description = "service: the alliance instrument (its client-rated series). Default: srs.", DefaultValueFactory = _ => ServiceOptions.Default.AllianceInstrument };
        var reliableChange = new Option<double?>("--reliable-change") { Description = "service: the outcome's reliable-change value, in points. Default: 5 (the adult ORS value commonly cited; give your instrument's)." };
        var cutoff = new Option<double?>("--cutoff") { Description = "service: the outcome's clinical cutoff, in points (an intake on the worse side is a case). Default: 25 (adult ORS)." };
        var benchmark = new Option<string[]>("--benchmark") { Description = "service: a published benchmark to set the caseload beside (repeatable; docs/service.md lists them). Default: all of them.", AllowMultipleArgumentsPerToken = true };
        var caseMix = new Option<string?>("--case-mix") { Description = "service: a CSV of case-mix covariates, one row per episode (an episode column and numeric columns), added to the models and the severity adjustment." };
        var servicePartial = new Option<string?>("--partial") { Description = "service: write this site's service partial (sums per group, model cross-products and dependability cells; no episode) to this JSON file instead of the view; 'alliance service FILE.json|FOLDER' merges sites' partials and prints the pooled view." };
        var service = Command("service", "How is the service doing: therapist and site effects on outcome and alliance (case-mix adjusted, with intervals; not a league table), benchmarks per caseload, site, therapist and month of closing, and the dependability of alliance scores. Prints a summary, or every table with --json, --csv DIR, --parquet DIR. Given service partials (a .json file or a folder of them), merges them and prints the pooled view.", input, shared.Concat(trends).Concat(new Option[] { disclosure, outcomeInstrument, allianceInstrument, reliableChange, cutoff, lowerIsBetter, benchmark, caseMix, servicePartial, json, csvOut, parquetOut }));
        var allianceId = new Option<string>("--alliance") { Description = "linkage: the alliance instrument (its client-rated series). Default: srs.", DefaultValueFactory = _ => LinkageOptions.Default.AllianceInstrument };
        var outcomeId = new Option<string>("--outcome") { Description = "linkage: the outcome instrument (its client-rated series). Default: ors.", DefaultValueFactory = _ => LinkageOptions.Default.OutcomeInstrument };
        var lag = new Option<int>("--lag") { Description = "linkage: pair the alliance at session t with the outcome at t + lag (0 to 20; 0 = the same session). Default: 1.", DefaultValueFactory = _ => LinkageOptions.Default.Lag };
        var maxGap = new Option<int?>("--max-gap") { Description = "linkage: pair with the lag-th outcome administration after the session, at most this many sessions later (for measures given every few sessions), instead of session t + lag." };
        var therapistIntercept = new Option<bool>("--therapist-intercept") { Description = "linkage: add a random intercept per therapist to the lagged model." };
        var detrend = new Option<bool>("--detrend") { Description = "linkage: detrend the alliance within each client and add session number to the lagged model." };
        var riClpm = new Option<string?>("--ri-clpm") { Description = "linkage: also write the RI-CLPM's wide data and lavaan model (the library does not fit SEMs) into this folder." };
        var waves = new Option<int>("--waves") { Description = "linkage: the RI-CLPM's waves, sessions 1 to this (2 to 52). Default: 7.", DefaultValueFactory = _ => RiClpmExport.DefaultWaves };
        var linkage = Command("linkage", "Does this session's alliance predict next session's outcome: pairs each client's alliance and outcome series, and prints the paired counts, the within/between decomposition, the repeated-measures correlation and the lagged within-person model (every figure with --json, --csv DIR, --parquet DIR).", input, shared.Concat(new Option[] { allianceId, outcomeId, lag, maxGap, therapistIntercept, detrend, riClpm, waves, json, csvOut, parquetOut }));

        int Guarded(Func<int> action)
        {
            try
            {
                return action();
            }
            catch (UsageException ex)
            {
                error.WriteLine("usage: " + ex.Message);
                return Usage;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine("error: " + SafeText.Clean(ex.Message, 120));
                return Usage;
            }
        }

        // One composition root: the library's own registration, configured from the options; the commands resolve
        // the strategy, the catalog and the analyzer from it and keep only file I/O and formatting.
        ServiceProvider Services(ParseResult r, bool trendOptions) => Compose(
            r.GetValue(strategy)!,
            r.GetValue(policy),
            r.GetValue(srsOperator)!,
            r.GetValue(definitions)!,
            trendOptions ? new TrendSettings(r.GetValue(norm)!, r.GetValue(caseloadNorms)!, r.GetValue(reliability)!, r.GetValue(ruptureM), r.GetValue(ruptureRule)!, r.GetValue(repairWindow), r.GetValue(drop)!, r.GetValue(belowCutoffSessions), r.GetValue(discrepancy)!, r.GetValue(expectedResponse)!) : null);
        CliSettings Settings(ParseResult r, IServiceProvider services) => BuildSettings(
            r.GetValue(input)!,
            Learn(
                r.GetValue(input)!,
                ReaderSettings(r.GetValue(format)!, r.GetValue(delimiter)!, r.GetValue(decimalComma), r.GetValue(dateFormat), r.GetValue(encoding), r.GetValue(inputFormat)!),
                r.GetResult(delimiter) is { Implicit: false },
                r.GetResult(decimalComma) is { Implicit: false },
                r.GetResult(dateFormat) is { Implicit: false },
                error),
            services,
            r.GetValue(strategy)!,
            r.GetValue(strict),
            progress ?? !Console.IsErrorRedirected,
            r.GetValue(allowPartial));
        int Run(ParseResult r, bool trendOptions, Func<IServiceProvider, int> command) => Guarded(() =>
        {
            using ServiceProvider services = Services(r, trendOptions);
            return command(services);
        });

        score.SetAction(r => Run(r, false, sp => Commands.Score(Settings(r, sp), r.GetValue(outputFile), r.GetValue(outputFormat)!, output, error)));
        analyze.SetAction(r => Run(r, true, sp => Commands.Analyze(Settings(r, sp), sp.GetRequiredService<EpisodeAnalyzer>(), sp.GetService<NormRequest>(), r.GetValue(outputFile), r.GetValue(outputFormat)!, output, error)));
        CareView View(ParseResult r, string? groupCode) => new(
            r.GetValue(therapist),
            r.GetValue(site),
            groupCode is not null && CareKeys.TryParseKind(groupCode, out CareKeyKind kind) ? kind : null,
            r.GetValue(disclosure) == "opensafely" ? DisclosurePolicy.OpenSafely : DisclosurePolicy.Default);
        triage.SetAction(r => Run(r, true, sp => Commands.Triage(Settings(r, sp), sp.GetRequiredService<EpisodeAnalyzer>(), sp.GetService<NormRequest>(), r.GetValue(by) == "client", View(r, r.GetValue(by)), r.GetValue(outputFile), NotParquet(r.GetValue(outputFormat)!) == "json", output, error)));
        report.SetAction(r => Run(r, true, sp => Commands.Report(
            Settings(r, sp),
            sp.GetRequiredService<EpisodeAnalyzer>(),
            sp.GetService<NormRequest>(),
            r.GetValue(outputFile) ?? "report.html",
            r.GetValue(clientsPerPage) is var pageSize && pageSize >= 1 ? pageSize : throw new UsageException("--clients-per-page takes a whole number of at least 1."),
            View(r, r.GetValue(groupBy)),
            ChangedOptions(r, shared.Concat(trends).Concat(care).Append(clientsPerPage).Append(groupBy), new Option[] { definitions, expectedResponse }),
            error)));
        fit.SetAction(r => Run(r, false, sp => Commands.FitExpectedResponse(
            Settings(r, sp),
            sp.GetRequiredService<ExpectedResponseModels>(),
            (r.GetValue(fitInstrument), r.GetValue(model)),
            new ExpectedResponseOptions
            {
                Coverage = r.GetValue(coverage),
                Band = r.GetValue(band) == "prediction" ? ExpectedResponseBandKind.PredictionBound : ExpectedResponseBandKind.ToleranceBound,
                MinimumEpisodes = r.GetValue(minimumEpisodes),
                HigherIsBetter = !r.GetValue(lowerIsBetter), LevelWindow = r.GetValue(levelWindow),
                Update = ExpectedResponseCodes.TryParse(r.GetValue(update), out EmpiricalBayesUpdate parsed) ? parsed : EmpiricalBayesUpdate.CurrentLevel,
                TherapistEffects = r.GetValue(therapistEffects),
            },
            r.GetValue(outputFile),
            output,
            error)));
        stats.SetAction(r => Run(r, false, sp => r.GetValue(partial) is not null && (r.GetValue(json) || r.GetValue(parquet) is not null)
            ? throw new UsageException("--partial writes the partial only; leave out --json and --parquet, or run stats again for the statistics.")
            : Commands.Stats(
            Settings(r, sp),
            View(r, r.GetValue(groupBy)),
            r.GetValue(json),
            r.GetValue(partial),
            r.GetValue(minimumRows) is var minimum && minimum >= 1 ? minimum : throw new UsageException("--minimum-rows takes a whole number of at least 1."),
            r.GetValue(parquet),
            output,
            error)));
        merge.SetAction(r => Guarded(() => Commands.Merge(r.GetValue(partialFiles)!, r.GetValue(json), r.GetValue(parquet), r.GetValue(allowPartial), output, error)));
        mixed.SetAction(r => Guarded(() => Commands.Mixed(r.GetValue(input)!, r.GetValue(formula), r.GetValue(ml), r.GetValue(profile) ? 0.95 : null, r.GetValue(inputFormat) == "parquet", (r.GetValue(delimiter) is "tab" ? '\t' : r.GetValue(delimiter)![0], r.GetValue(decimalComma)), r.GetValue(json), r.GetValue(csvOut), r.GetValue(parquetOut), r.GetValue(mixedPartial), output, error)));
        ServiceOptions Options(ParseResult r) => new()
        {
            OutcomeInstrument = r.GetValue(outcomeInstrument)!,
            AllianceInstrument = r.GetValue(allianceInstrument)!,
            ReliableChange = r.GetValue(reliableChange) is { } points ? points > 0 && double.IsFinite(points) ? points : throw new UsageException("--reliable-change takes a positive number of points.") : ServiceOptions.Default.ReliableChange,
            ClinicalCutoff = r.GetValue(cutoff) is { } line ? double.IsFinite(line) ? line : throw new UsageException("--cutoff takes a number of points.") : ServiceOptions.Default.ClinicalCutoff,
            HigherIsBetter = !r.GetValue(lowerIsBetter),
            Compare = r.GetValue(benchmark) is { Length: > 0 } ids ? ids.Select(id => PublishedBenchmarks.Find(id) ?? throw new UsageException("--benchmark: no published benchmark has that identifier; docs/service.md lists them.")).ToImmutableArray() : PublishedBenchmarks.All,
            Policy = r.GetValue(disclosure) == "opensafely" ? DisclosurePolicy.OpenSafely : DisclosurePolicy.Default,
        };
        service.SetAction(r => Directory.Exists(r.GetValue(input)) || r.GetValue(input)!.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? Guarded(() => Commands.ServicePartials(r.GetValue(input)!, Options(r), (r.GetValue(json), r.GetValue(csvOut), r.GetValue(parquetOut)), output, error))
            : Run(r, true, sp => Commands.Service(Settings(r, sp), sp.GetRequiredService<EpisodeAnalyzer>(), sp.GetService<NormRequest>(), Options(r), r.GetValue(caseMix), (r.GetValue(json), r.GetValue(csvOut), r.GetValue(parquetOut)), r.GetValue(servicePartial), output, error)));
        linkage.SetAction(r => Run(r, false, sp => Commands.Linkage(
            Settings(r, sp),
            r.GetValue(lag) is < 0 or > 20 ? throw new UsageException("--lag takes 0 to 20.")
            : r.GetValue(maxGap) is < 1 or > 100 ? throw new UsageException("--max-gap takes 1 to 100.")
            : string.Equals(r.GetValue(allianceId), r.GetValue(outcomeId), StringComparison.OrdinalIgnoreCase) ? throw new UsageException("--alliance and --outcome name the same instrument; link two different ones.")
            : new LinkageOptions { AllianceInstrument = r.GetValue(allianceId)!, OutcomeInstrument = r.GetValue(outcomeId)!, Lag = r.GetValue(lag), Rule = r.GetValue(maxGap) is null ? PairingRule.SessionNumber : PairingRule.NextAdministration, MaximumGap = r.GetValue(maxGap) ?? LinkageOptions.Default.MaximumGap },
            new LaggedModelOptions { TherapistIntercept = r.GetValue(therapistIntercept), Detrend = r.GetValue(detrend) },
            (r.GetValue(json), r.GetValue(csvOut), r.GetValue(parquetOut)),
            r.GetValue(riClpm),
            r.GetValue(waves) is >= 2 and <= RiClpmExport.MaximumWaves ? r.GetValue(waves) : throw new UsageException("--waves takes 2 to 52."),
            output,
            error)));
        instruments.SetAction(r => Guarded(() =>
        {
            using ServiceProvider services = Compose(SumScoringStrategy.DefaultName, null, "below", r.GetValue(definitions)!, null);
            return Commands.Instruments(services.GetRequiredService<IInstrumentCatalog>(), r.GetValue(json), output);
        }));

        var root = new RootCommand("alliance: score and analyse therapeutic-alliance ratings from a CSV export. Computes published methods; not a clinical decision tool.")
        {
            score, analyze, triage, report, stats, merge, mixed, service, linkage, instruments, expected,
        };
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine("usage: " + parseError.Message);
            }

            error.WriteLine("Run 'alliance --help' for the commands and options.");
            return Usage;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    private static Command Command(string name, string description, Argument<string> input, IEnumerable<Option> options)
    {
        var command = new Command(name, description) { input };
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }

    private static string NotParquet(string outputFormat) =>
        outputFormat != "parquet" ? outputFormat : throw new UsageException("--output-format parquet is for score and analyze; triage writes csv or json.");

    private static InputSource ReaderSettings(string format, string delimiter, bool decimalComma, string? dateFormat, string? encodingName, string inputFormat)
    {
        if (!ResponseFileSchema.TryParseLayout(format, out ResponseLayout layout))
        {
            throw new UsageException("--format takes auto, long, wide or totals.");
        }

        if (inputFormat == "parquet")
        {
            return layout != ResponseLayout.TotalsFormat
                ? new InputSource(new ResponseFileOptions(layout), Parquet: true)
                : throw new UsageException("--format with --input-format parquet takes auto, long or wide (totals is CSV only).");
        }

        char separator = delimiter == "tab" ? '\t' : delimiter[0];
        // --decimal-comma with ',' as delimiter is allowed: the values must then be quoted ("8,8"); a row with
        // unquoted decimal commas has too many fields and is rejected.
        if (dateFormat is "iso")
        {
            dateFormat = null;   // stated: ISO 8601 only, nothing learnt
        }
        else if (dateFormat is not null)
        {
            var probe = new DateTime(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);
            if (dateFormat.Length is 0 or > 64
                || !DateTime.TryParseExact(probe.ToString(dateFormat, CultureInfo.InvariantCulture), dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime back)
                || back.Date != probe.Date)
            {
                throw new UsageException("--date-format must name a whole date with day, month and year, such as dd/MM/yyyy.");
            }
        }

        Encoding? encoding = null;
        if (encodingName is not null && !encodingName.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !encodingName.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            try
            {
                encoding = Encoding.GetEncoding(encodingName);
            }
            catch (ArgumentException)
            {
                throw new UsageException("--encoding takes utf-8, windows-1252, latin1 (iso-8859-1) or utf-16.");
            }
        }

        return new InputSource(new ResponseFileOptions(layout, separator, decimalComma, dateFormat, encoding), Parquet: false);
    }

    /// <summary>
    /// Learns the file's conventions in one run (issue 26): the delimiter, decimal separator and date format the user
    /// did not give are read from the first lines (<see cref="FileConventions.Detect"/>). What differs from the
    /// defaults is applied with one note naming the options that state it; what cannot be decided is one usage error
    /// naming every option needed.
    /// </summary>
    private static InputSource Learn(string input, InputSource source, bool delimiterGiven, bool decimalGiven, bool dateGiven, TextWriter error)
    {
        ResponseFileOptions reader = source.Options;
        if (source.Parquet || (delimiterGiven && decimalGiven && dateGiven) || !File.Exists(input))
        {
            return source;
        }

        var lines = new List<string>();
        using (var text = new StreamReader(input, reader.Encoding ?? new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
        {
            var buffer = new char[1 << 18];
            int read = text.ReadBlock(buffer, 0, buffer.Length);
            lines.AddRange(new string(buffer, 0, read).Split('\n').Select(l => l.TrimEnd('\r')).Take(501));
        }

        if (lines.Count < 2)
        {
            return source;
        }

        if (FileConventions.Detect(lines[0], lines.Skip(1).Take(lines.Count - 2)) is not { } file)
        {
            return source;   // no key columns with any delimiter: the reader names what is missing
        }

        FileConventions learnt = new(
            delimiterGiven ? reader.Delimiter : file.Delimiter,
            decimalGiven ? reader.DecimalComma : file.DecimalComma,
            dateGiven ? reader.DateFormat : file.DateFormat,
            dateGiven ? file.Ambiguities.RemoveAll(a => a.Contains("--date-format", StringComparison.Ordinal)) : file.Ambiguities);
        string name = SafeText.Clean(Path.GetFileName(input), 120);
        string options = string.Join(" ", new[]
        {
            !delimiterGiven && learnt.Delimiter != ',' ? "--delimiter " + (learnt.Delimiter == '\t' ? "tab" : "'" + learnt.Delimiter + "'") : null,
            !decimalGiven && learnt.DecimalComma ? "--decimal-comma" : null,
            !dateGiven && learnt.DateFormat is { } f ? "--date-format '" + f + "'" : null,
        }.Where(o => o is not null));
        if (!learnt.Ambiguities.IsEmpty)
        {
            throw new UsageException($"{name}: the file's conventions could not all be learnt. {string.Join(" ", learnt.Ambiguities)}" + (options.Length > 0 ? $" It also needs {options}." : string.Empty));
        }

        if (options.Length > 0)
        {
            error.WriteLine($"note: {name}: read with {options} (learnt from its first lines; give the options to state them).");
        }

        return source with { Options = reader with { Delimiter = learnt.Delimiter, DecimalComma = learnt.DecimalComma, DateFormat = learnt.DateFormat } };
    }

    private static CliSettings BuildSettings(string input, InputSource reader, IServiceProvider services, string strategyName, bool strict, bool progress, bool allowPartial)
    {
        if (!File.Exists(input) && !(reader.Parquet && Directory.Exists(input)))
        {
            throw new UsageException($"the input file '{SafeText.Clean(input, 120)}' does not exist.");
        }

        IScoringStrategy strategy = services.GetKeyedService<IScoringStrategy>(strategyName)
            ?? throw new UsageException("--strategy takes a registered strategy: " + string.Join(", ", services.GetRequiredService<AllianceRegistry>().ScoringStrategies) + ".");
        return new CliSettings(input, reader, strategy, services.GetRequiredService<IInstrumentCatalog>(), strict, progress, allowPartial);
    }

    private static MissingDataPolicy ParsePolicy(string text) =>
        MissingDataPolicy.TryParse(text, out MissingDataPolicy? policy)
            ? policy
            : throw new UsageException("--missing takes complete-only, half-rule, prorate-max-items:N (N at least 1) or prorate-max-fraction:F (F between 0 and 1).");

    /// <summary>The scoring strategies the library registers, from its registry (the library's list, not the tool's).</summary>
    private static ImmutableArray<string> BuiltInStrategyNames()
    {
        using ServiceProvider provider = new ServiceCollection().AddTherapeuticAlliance().Services.BuildServiceProvider();
        return provider.GetRequiredService<AllianceRegistry>().ScoringStrategies;
    }

    /// <summary>Registers the library with the command line's settings and builds the container.</summary>
    private static ServiceProvider Compose(string strategyName, string? policyText, string srs, string[] definitionFiles, TrendSettings? trends)
    {
        MissingDataPolicy? policy = policyText is null ? null : ParsePolicy(policyText);
        var services = new ServiceCollection();
        ITherapeuticAllianceBuilder builder;
        var instruments = AllianceInstruments.All.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var definitions = new List<Instrument>();
        foreach (string file in definitionFiles)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"the instrument definition '{SafeText.Clean(file, 120)}' does not exist.");
            }

            InstrumentDefinitionResult definition = InstrumentDefinition.Parse(ReadBounded(file, "instrument definition", 4_000_000));
            if (definition.IsT1)
            {
                throw new UsageException($"the instrument definition '{SafeText.Clean(Path.GetFileName(file), 120)}' is invalid: {definition.AsT1.Message}");
            }

            instruments[definition.AsT0.Id] = definition.AsT0;
            definitions.Add(definition.AsT0);
        }

        var discrepancies = ImmutableDictionary<string, double>.Empty;
        foreach ((string id, string value) in PerInstrument("--discrepancy", trends?.Discrepancies ?? Array.Empty<string>(), instruments))
        {
            discrepancies = discrepancies.SetItem(id, ParseNumber<double>("--discrepancy", value, d => d > 0.0 && !double.IsInfinity(d)));
        }

        try
        {
            builder = services.AddTherapeuticAlliance(o =>
            {
                o.DefaultScoringStrategy = strategyName;
                o.MissingDataPolicy = policy;
                o.Alerts = new AlertOptions
                {
                    BelowCutoffMinimumSessions = trends?.BelowCutoffSessions ?? new AlertOptions().BelowCutoffMinimumSessions,
                    DropFromPrevious = trends?.Drops.Length > 0,   // opt-in since issue 26: giving --drop turns the advisory alert on
                    DiscrepancyThresholds = discrepancies,
                };
            });
            if (srs == "at-or-below")
            {
                instruments["srs"] = AllianceInstruments.Srs.WithCutoff(AllianceInstruments.Srs.Cutoff!.WithOperator(CutoffOperator.LessThanOrEqual));
                builder.AddInstrument(instruments["srs"]);
            }

            foreach (Instrument definition in definitions)
            {
                builder.AddInstrument(definition);
            }
        }
        catch (ArgumentException ex)
        {
            throw new UsageException("an option is out of range: " + ex.Message);
        }

        if (trends is { } settings)
        {
            try
            {
                // Registered under the built-ins' names, these replace the default detectors; what is not given
                // keeps the library's defaults.
                RuptureRepairOptions rupture = settings.RuptureRule switch
                {
                    "default" => RuptureRepairOptions.Default,
                    "two-sd" => RuptureRepairOptions.TwoStandardDeviations,
                    "one-sd" => RuptureRepairOptions.OneStandardDeviation,
                    "score-levels" => RuptureRepairOptions.ScoreLevels,
                    "intra-only" => RuptureRepairOptions.IntraIndividualOnly,
                    _ => throw new UsageException("--rupture-rule takes default, two-sd, one-sd, score-levels or intra-only."),
                };
                rupture = settings.RuptureSd is { } m ? rupture with { DropInStandardDeviations = m } : rupture;
                rupture = settings.RepairWindow is { } k ? rupture with { RepairWindow = k } : rupture;
                builder.AddTrendDetector(new RuptureRepairDetector(rupture));
                var drops = new FeedbackRulesOptions().DropThresholds;
                foreach ((string id, string value) in PerInstrument("--drop", settings.Drops, instruments))
                {
                    drops = drops.SetItem(id, ParseNumber<decimal>("--drop", value, d => d > 0m));
                }

                builder.AddTrendDetector(new FeedbackRulesDetector(new FeedbackRulesOptions { DropThresholds = drops }));
                foreach ((string id, string value) in PerInstrument("--reliability", settings.Reliabilities, instruments))
                {
                    instruments[id] = instruments[id].WithReliability(ParseNumber<double>("--reliability", value, r => r > 0.0 && r < 1.0));
                    builder.AddInstrument(instruments[id]);
                }

                ReferenceNorms norms = ReferenceNorms.Empty;
                foreach ((string id, string value) in PerInstrument("--norm", settings.Norms, instruments))
                {
                    string[] parts = value.Split(':');
                    if (parts.Length != 2)
                    {
                        throw new UsageException("--norm takes INSTRUMENT=MEAN:SD, for example ors=22.3:6.1.");
                    }

                    double mean = ParseNumber<double>("--norm", parts[0], x => !double.IsNaN(x) && !double.IsInfinity(x));
                    double sd = ParseNumber<double>("--norm", parts[1], x => x > 0.0 && !double.IsInfinity(x));
                    norms = norms.With(id, ScoreMetric.Sum, new ReferenceNorm(mean, sd, NormSource.Caller));
                }

                CaseloadNormUse use = settings.CaseloadNorms switch
                {
                    "always" => CaseloadNormUse.Always,
                    "never" => CaseloadNormUse.Never,
                    _ => CaseloadNormUse.WhenLarge,
                };
                if (use == CaseloadNormUse.Always)
                {
                    // 0.2.0's numbers: reliable change from the file's intake SD, not the instrument's published value.
                    builder.AddTrendDetector(new ReliableChangeDetector(new ReliableChangeOptions { Measure = MeasureKind.Outcome, PublishedValues = ImmutableDictionary<string, double>.Empty }));
                }

                services.AddSingleton(new NormRequest(norms, use));
                if (settings.ExpectedResponses.Length > 0)
                {
                    builder.AddTrendDetector(new NotOnTrackDetector(settings.ExpectedResponses.Select(ReadModel)));
                    builder.AddAlertRule(new NotOnTrackAlertRule());
                }
            }
            catch (ArgumentException ex)
            {
                throw new UsageException("an option is out of range: " + ex.Message);
            }
        }

        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The options given on the command line (those that change a default), as the report states them: names and
    /// values, file options by file name only (no directory).
    /// </summary>
    private static List<string> ChangedOptions(ParseResult parsed, IEnumerable<Option> options, IReadOnlyCollection<Option> files)
    {
        var changed = new List<string>();
        foreach (Option option in options)
        {
            if (parsed.GetResult(option) is not { Implicit: false } result)
            {
                continue;
            }

            // An option given with its default value ("--clients-per-page 100", "--rupture-rule default") changes nothing.
            if (option.HasDefaultValue && option.GetDefaultValue() is { } defaultValue and (string or not System.Collections.IEnumerable)
                && result.Tokens.Count == 1 && string.Equals(Convert.ToString(defaultValue, CultureInfo.InvariantCulture), result.Tokens[0].Value, StringComparison.Ordinal))
            {
                continue;
            }

            var values = result.Tokens.Select(t => files.Contains(option) ? Path.GetFileName(t.Value) : t.Value).Select(t => SafeText.Clean(t, 120)).ToList();
            changed.Add(values.Count == 0 ? option.Name : option.Name + " " + string.Join(" ", values));
        }

        return changed;
    }

    /// <summary>The trend options of analyze and report.</summary>
    private sealed record TrendSettings(string[] Norms, string CaseloadNorms, string[] Reliabilities, double? RuptureSd, string RuptureRule, int? RepairWindow, string[] Drops, int? BelowCutoffSessions, string[] Discrepancies, string[] ExpectedResponses);

    /// <summary>
    /// Reads a small JSON file whole, refusing one longer than <paramref name="maximumBytes"/> before reading it (issue 27:
    /// every reader has a size limit; the library's own limits are in characters, checked after the text is in memory).
    /// </summary>
    private static string ReadBounded(string file, string what, long maximumBytes)
    {
        long length = new FileInfo(file).Length;
        return length <= maximumBytes
            ? File.ReadAllText(file)
            : throw new UsageException(string.Format(CultureInfo.InvariantCulture, "the {0} '{1}' is larger than {2:N0} bytes; it cannot be one.", what, SafeText.Clean(Path.GetFileName(file), 120), maximumBytes));
    }

    /// <summary>Reads an expected-response model file; a missing or invalid file is a usage error naming the file, not its content.</summary>
    private static IExpectedResponseModel ReadModel(string file)
    {
        if (!File.Exists(file))
        {
            throw new UsageException($"the expected-response model '{SafeText.Clean(file, 120)}' does not exist.");
        }

        ExpectedResponseReadResult model = ExpectedResponseModels.Default.Read(ReadBounded(file, "expected-response model", 400_000));
        return model.IsSuccess
            ? model.AsT0
            : throw new UsageException($"the expected-response model '{SafeText.Clean(Path.GetFileName(file), 120)}' is invalid: {model.Error!.Message}");
    }

    /// <summary>Splits INSTRUMENT=VALUE options, checking that each instrument is known (its identifier is never echoed).</summary>
    private static IEnumerable<(string Id, string Value)> PerInstrument(string option, string[] values, Dictionary<string, Instrument> instruments)
    {
        foreach (string text in values)
        {
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == text.Length - 1)
            {
                throw new UsageException($"{option} takes INSTRUMENT=VALUE, for example srs=1.");
            }

            string id = text[..equals].Trim();
            if (!instruments.ContainsKey(id))
            {
                throw new UsageException($"{option} names an instrument that is not known; use a built-in identifier ({string.Join(", ", AllianceInstruments.All.Select(i => i.Id))}) or one of --instrument-definition.");
            }

            yield return (id, text[(equals + 1)..].Trim());
        }
    }

    /// <summary>Parses an invariant-culture number of an option and checks its range.</summary>
    private static T ParseNumber<T>(string option, string text, Func<T, bool> valid)
        where T : struct, IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out T value) && valid(value)
            ? value
            : throw new UsageException($"{option} has a value that is not a number in range.");
}

/// <summary>A usage problem found after parsing (a missing file, an out-of-range option).</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The norms a run judges against: the caller's (--norm) and, when asked (--caseload-norms), the file's own.</summary>
/// <param name="Caller">The caller's norms.</param>
/// <param name="Caseload">When the file's own norms are used beside them.</param>
internal sealed record NormRequest(ReferenceNorms Caller, CaseloadNormUse Caseload);

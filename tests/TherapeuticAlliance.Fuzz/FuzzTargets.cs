using System.Collections.Immutable;
using TherapeuticAlliance.Consortium;
using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using TherapeuticAlliance.Cli;
using TherapeuticAlliance.Fhir;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Reports;

namespace TherapeuticAlliance.Fuzz;

/// <summary>
/// The parsers under fuzzing, each as a function of raw bytes. A target throws only when the code under test
/// misbehaves: an exception escaping a parser, or a success that does not survive its own round trip (a partial
/// result). Typed errors are the expected answer to bad input and pass. Shared by the harness and the regression
/// tests, so a crash found by afl-fuzz replays as an ordinary test.
/// </summary>
internal static class FuzzTargets
{
    internal static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["instrument-json"] = InstrumentJson,
        ["report-json"] = ReportJson,
        ["fhir-questionnaire-response"] = FhirQuestionnaireResponse,
        ["cli-csv"] = CliCsv,
        ["partial-json"] = PartialJson,
        ["mixed-partial-json"] = MixedPartialJson,
        ["case-mix-csv"] = CaseMixCsv,
        ["service-partial-json"] = ServicePartialJson,
        ["parquet"] = Parquet,
        ["arrow"] = Arrow,
        ["expected-response-json"] = ExpectedResponseJson,
    };

    // Made at the first input, not in the static constructor: SharpFuzz's instrumented code must not run before
    // Fuzzer.Run has set up afl's shared memory.
    private static AllianceFhirMapper? mapper;

    private static AllianceFhirMapper Mapper => mapper ??= new AllianceFhirMapper();

    private static void InstrumentJson(byte[] input)
    {
        InstrumentDefinitionResult result = InstrumentDefinition.Parse(Text(input));
        if (result.IsSuccess)
        {
            // A definition read must write and read back to the same instrument.
            Instrument instrument = result.GetValueOrThrow();
            Instrument again = InstrumentDefinition.Parse(InstrumentDefinition.ToJson(instrument)).GetValueOrThrow();
            Check(again.Id == instrument.Id && again.Items.Length == instrument.Items.Length && again.Subscales.Length == instrument.Subscales.Length, "the instrument does not survive its round trip");
        }
        else
        {
            Check(!string.IsNullOrEmpty(result.Error?.Message), "an error without a message");
        }
    }

    private static void ReportJson(byte[] input)
    {
        ReportDocumentResult result = AllianceReportDocument.FromJson(Text(input));
        if (result.IsSuccess)
        {
            AllianceReportDocument document = result.GetValueOrThrow();
            AllianceReportDocument again = AllianceReportDocument.FromJson(document.ToJson()).GetValueOrThrow();
            Check(again.Findings.Length == document.Findings.Length && again.Alerts.Length == document.Alerts.Length, "the report does not survive its round trip");
        }
        else
        {
            Check(!string.IsNullOrEmpty(result.Error?.Message), "an error without a message");
        }
    }

    private static void FhirQuestionnaireResponse(byte[] input)
    {
        FhirResult<QuestionnaireResponse> parsed = AllianceFhirMapper.FromJson<QuestionnaireResponse>(Text(input));
        if (!parsed.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(parsed.Error?.Message), "an error without a message");
            return;
        }

        FhirResult<Assessment> assessment = Mapper.ToAssessment(parsed.GetValueOrThrow());
        if (assessment.IsSuccess)
        {
            // An assessment read from a response must map back to a response that reads as the same assessment.
            Assessment first = assessment.GetValueOrThrow();
            Assessment second = Mapper.ToAssessment(AllianceFhirMapper.ToQuestionnaireResponse(first)).GetValueOrThrow();
            Check(first.Responses.Length == second.Responses.Length, "the assessment does not survive its round trip");
        }
        else
        {
            Check(!string.IsNullOrEmpty(assessment.Error?.Message), "an error without a message");
        }
    }

    private static void CliCsv(byte[] input)
    {
        // The CLI reads a file: the input is written to one, then scored and analysed as a user would.
        string path = Path.Combine(Path.GetTempPath(), "alliance-fuzz-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".csv");
        File.WriteAllBytes(path, input);
        try
        {
            // Issue 28: triage grouped by therapist reads the care keys and groups them under the disclosure policy.
            foreach (string[] command in new[] { new[] { "score" }, new[] { "analyze" }, new[] { "triage", "--by", "therapist", "--disclosure", "opensafely" } })
            {
                var output = new StringWriter(CultureInfo.InvariantCulture);
                var error = new StringWriter(CultureInfo.InvariantCulture);
                int code = AllianceCli.Run(command.Take(1).Append(path).Concat(command.Skip(1)).ToArray(), output, error, progress: false);

                // 0 complete, 3 partial (results written, input left out), 1 nothing usable; 2 only when the file's
                // conventions cannot be learnt (an ambiguous date order), which names the options to give.
                bool conventions = code == AllianceCli.Usage && error.ToString().Contains("conventions could not all be learnt", StringComparison.Ordinal);
                Check(code is AllianceCli.Ok or AllianceCli.Partial or AllianceCli.DataErrors || conventions, "exit code " + code.ToString(CultureInfo.InvariantCulture) + " for a data file");
                Check(code is not (AllianceCli.Ok or AllianceCli.Partial) || output.ToString().Length > 0, "a result exit code with no output");
                Check(code is AllianceCli.Ok or AllianceCli.Partial || output.ToString().Length == 0, "a result written with a data error");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void PartialJson(byte[] input)
    {
        PartialResult<SitePartial> partial = SitePartial.FromJson(Text(input));
        if (!partial.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(partial.Error!.Message), "an error without a message");
            return;
        }

        // A partial read must write and read back, merge with its copy, and give its statistics or notes, never throw.
        PartialResult<SitePartial> again = SitePartial.FromJson(partial.AsT0.ToJson());
        Check(again.IsSuccess, "the partial does not survive its round trip: " + again.Error?.Message);
        PartialResult<SitePartial> merged = SitePartial.Merge(new[] { partial.AsT0, again.AsT0 });
        Check(merged.IsSuccess, "a partial does not merge with its own copy: " + merged.Error?.Message);
        _ = merged.AsT0.ToStatistics();
    }

    private static void MixedPartialJson(byte[] input)
    {
        // A mixed-model partial: read, written back and read again to the same text, merged with its copy and fitted,
        // with profile intervals; a typed error at every step where the sums cannot be used, never an exception.
        var partial = Multilevel.MixedModelPartial.FromJson(Text(input));
        if (!partial.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(partial.AsT1.Message), "an error without a message");
            return;
        }

        string written = partial.AsT0.ToJson();
        var again = Multilevel.MixedModelPartial.FromJson(written);
        Check(again.IsSuccess && again.AsT0.ToJson() == written, "the partial does not survive its round trip");
        var merged = Multilevel.MixedModelPartial.Merge(new[] { partial.AsT0, again.AsT0 });
        if (merged.IsSuccess && Multilevel.LinearMixedModel.FitPartial(merged.AsT0) is { IsSuccess: true } fit)
        {
            _ = fit.AsT0.Summary();
            _ = fit.AsT0.ProfileConfidenceIntervals();
        }
    }

    private static void ExpectedResponseJson(byte[] input)
    {
        // An expected-response model file of any built-in kind (issue 32), read through the catalog: a model that
        // writes back to the same text and gives finite expectations, or a typed error; never an exception.
        var read = ExpectedResponse.ExpectedResponseModels.Default.Read(Text(input));
        if (!read.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(read.AsT1.Message), "an error without a message");
            return;
        }

        ExpectedResponse.IExpectedResponseModel model = read.AsT0;
        string written = model.ToJson();
        var again = ExpectedResponse.ExpectedResponseModels.Default.Read(written);
        Check(again.IsSuccess && again.AsT0.ToJson() == written, "the model does not survive its round trip");
        ExpectedResponse.ExpectedScore expected = model.Expect(20.0, 4);
        Check(!double.IsNaN(expected.Expected) && !double.IsNaN(expected.Bound), "a model that expects NaN");
        _ = model.Describe();
    }

    private static void ServicePartialJson(byte[] input)
    {
        // A service partial (issue 30): read, written back and read again to the same text, merged with its copy, and
        // analysed (benchmarks, models with profile intervals, dependability); a typed error where it cannot be used,
        // never an exception.
        var partial = Service.ServicePartial.FromJson(Text(input));
        if (!partial.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(partial.AsT1.Message), "an error without a message");
            return;
        }

        string written = partial.AsT0.ToJson();
        var again = Service.ServicePartial.FromJson(written);
        Check(again.IsSuccess && again.AsT0.ToJson() == written, "the partial does not survive its round trip");
        var merged = Service.ServicePartial.Merge(new[] { partial.AsT0, again.AsT0 });
        _ = Service.ServiceAnalysis.FromPartial(merged.IsSuccess ? merged.AsT0 : partial.AsT0).Summary();
    }

    private static void Parquet(byte[] input)
    {
        // A Parquet file as a stream (the preflight, then Parquet.Net through the guarded stream): a result whose
        // blocks are consistent, or a typed error with a message; never an exception, a hang or a runaway allocation.
        using var stream = new MemoryStream(input, writable: false);
        var result = Columnar.ColumnarResponses.ReadParquetStreamAsync(stream, InstrumentCatalog.BuiltIn).GetAwaiter().GetResult();
        if (result.IsSuccess)
        {
            foreach (Columnar.ResponseBlock block in result.AsT0)
            {
                Check(block.Sessions.Length == block.RowCount && block.Responses.RowCount == block.RowCount, "a block whose columns disagree on its row count");
            }
        }
        else
        {
            Check(!string.IsNullOrEmpty(result.Error?.Message), "an error without a message");
        }

        // The same bytes through the table reader of 'alliance mixed' (issue 29): a table of the file's width, or a
        // typed error; a table becomes a model frame without an exception.
        using var again = new MemoryStream(input, writable: false);
        var table = Columnar.ColumnarTables.ReadParquetAsync(again).GetAwaiter().GetResult();
        if (table.IsSuccess)
        {
            Check(table.AsT0.Rows.All(r => r.Length == table.AsT0.Columns.Length), "a table row of another width");
            if (table.AsT0.RowCount > 0)
            {
                _ = Tables.Tidy.ToModelFrame(table.AsT0);
            }
        }
        else
        {
            Check(!string.IsNullOrEmpty(table.Error?.Message), "a table error without a message");
        }
    }

    private static void Arrow(byte[] input)
    {
        // Record batches of every encoding the fuzz bytes choose (ArrowBatches): a result whose blocks are consistent,
        // or a typed error with a message that quotes no header or cell; never an exception.
        var result = Columnar.ColumnarResponses.FromRecordBatches(new ArrowBatches(input).Build(), InstrumentCatalog.BuiltIn);
        if (result.IsSuccess)
        {
            foreach (Columnar.ResponseBlock block in result.AsT0)
            {
                Check(block.Sessions.Length == block.RowCount && block.Episodes.Length == block.RowCount, "a block whose columns disagree on its row count");
            }
        }
        else
        {
            string message = result.Error!.Message;
            Check(!string.IsNullOrEmpty(message), "an error without a message");
            Check(!message.Contains("Jane", StringComparison.Ordinal) && !message.Contains("March", StringComparison.Ordinal) && !message.Contains("Mars", StringComparison.Ordinal) && !message.Contains('\u00e9', StringComparison.Ordinal), "an error that quotes the input");
        }
    }

    private static void CaseMixCsv(byte[] input)
    {
        // A case-mix file (issue 30): read as a table, then as covariates by episode, then used by the service view's
        // benchmarks; a typed error at either step, never an exception, and every covariate read is finite and named
        // as a model can name it.
        var table = Tables.TidyCsv.Read(new StringReader(Text(input)));
        if (!table.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(table.AsT1.Message), "an error without a message");
            return;
        }

        var mix = Tables.Tidy.ToCaseMix(table.AsT0);
        if (!mix.IsSuccess)
        {
            Check(!string.IsNullOrEmpty(mix.AsT1.Message), "an error without a message");
            return;
        }

        Check(mix.AsT0.All(e => e.Value.All(c => Service.ServiceOptions.IsCovariateName(c.Key) && double.IsFinite(c.Value))), "a covariate that a model cannot use");
        var episodes = mix.AsT0.Take(50).Select((e, i) => new Service.ServiceEpisode("e" + i.ToString(CultureInfo.InvariantCulture), "t" + (i % 5).ToString(CultureInfo.InvariantCulture), null, 10 + i, 20 + (i % 7), 2, null, caseMix: e.Value)).ToList();
        var names = episodes.SelectMany(e => e.CaseMix.Keys).Distinct(StringComparer.Ordinal).Take(3).ToImmutableArray();
        _ = Service.ServiceBenchmarks.Compute(episodes, new Service.ServiceOptions { CaseMix = names });
    }

    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static void Check(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Fuzz invariant broken: " + what + ".");
        }
    }
}

using System.Globalization;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Cli;

/// <summary>What every command shares: read the file, validate and score each administration, count and report problems.</summary>
internal sealed class Pipeline
{
    private readonly CliSettings _settings;
    private readonly TextWriter _error;

    internal Pipeline(CliSettings settings, TextWriter error)
    {
        _settings = settings;
        _error = error;
    }

    internal long Accepted { get; private set; }

    internal long Rejected { get; private set; }

    internal int ProblemCount { get; private set; }

    /// <summary>Streams scored administrations. Problems are written to the error stream as they are found.</summary>
    internal IEnumerable<(Administration Administration, Assessment Assessment, AllianceScore Score)> Scored()
    {
        var reader = new AdministrationReader(_settings.Catalog, Path.GetFileName(_settings.Input), _settings.Format);
        using var text = new StreamReader(_settings.Input, detectEncodingFromByteOrderMarks: true);
        Progress progress = new(_error, _settings.ShowProgress);
        int reported = 0;
        foreach (Administration administration in reader.Read(text, progress.Report))
        {
            reported = Flush(reader, reported);
            string? problem = null;
            AssessmentResult assessment = administration.Instrument.CreateAssessment(
                administration.Perspective, Occasion.Session(administration.Session, administration.Date), administration.Responses);
            if (assessment.IsT1)
            {
                problem = assessment.AsT1.Message;
            }
            else
            {
                ScoringResult score = _settings.Strategy.Score(assessment.AsT0);
                if (score.IsScored)
                {
                    Accepted += administration.Rows;
                    yield return (administration, assessment.AsT0, score.AsT0);
                    continue;
                }

                problem = score.ErrorMessage;
            }

            Rejected += administration.Rows;
            Report(new InputProblem(Path.GetFileName(_settings.Input), administration.Line, null, problem!));
            if (_settings.Strict)
            {
                yield break;
            }
        }

        Flush(reader, reported);
        Rejected += reader.RowsRejected;
        progress.Done();
    }

    private int Flush(AdministrationReader reader, int reported)
    {
        for (; reported < reader.Problems.Count; reported++)
        {
            Report(reader.Problems[reported]);
        }

        return reported;
    }

    private void Report(InputProblem problem)
    {
        ProblemCount++;
        if (ProblemCount <= 50)
        {
            _error.WriteLine("error: " + problem);
        }
        else if (ProblemCount == 51)
        {
            _error.WriteLine("error: more problems follow; only the first 50 are shown.");
        }
    }

    internal void Summary() =>
        _error.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} rows accepted, {1} rows rejected.", Accepted, Rejected));

    internal int ExitCode => _settings.Strict && ProblemCount > 0 ? 1 : 0;

    /// <summary>Groups scores into episodes (by episode, perspective and instrument).</summary>
    internal static List<Episode> Episodes(IEnumerable<(Administration Administration, AllianceScore Score)> scored, IInstrumentCatalog catalog) =>
        TherapeuticAlliance.Trends.Episodes.FromScores(scored.Select(s => (s.Administration.Episode, s.Score)), catalog)
            .Where(r => r.IsT0)
            .Select(r => r.AsT0)
            .ToList();

    private sealed class Progress
    {
        private readonly TextWriter _error;
        private readonly bool _enabled;
        private bool _shown;

        internal Progress(TextWriter error, bool enabled)
        {
            _error = error;
            _enabled = enabled;
        }

        internal void Report(long rows)
        {
            if (_enabled && rows % 100_000 == 0)
            {
                _shown = true;
                _error.Write(string.Format(CultureInfo.InvariantCulture, "\r{0:N0} rows read", rows));
            }
        }

        internal void Done()
        {
            if (_shown)
            {
                _error.WriteLine();
            }
        }
    }
}

/// <summary>The options every command shares, parsed and validated.</summary>
internal sealed record CliSettings(string Input, InputFormat Format, IScoringStrategy Strategy, IInstrumentCatalog Catalog, bool Strict, bool ShowProgress);

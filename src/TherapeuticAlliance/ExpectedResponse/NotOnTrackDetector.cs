using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// Compares each session of an outcome episode with an <see cref="IExpectedResponseModel"/> for its instrument (what it expects from the intake and the sessions before, <see cref="IExpectedResponseModel.Expect(Episode, int)"/>): a score
/// beyond the band is a <see cref="NotOnTrackFinding"/> ("not on track", the field's NOT; Finch, Lambert &amp; Schaalje
/// 2001; Lambert 2007). The intake is the episode's score at session 1.
/// </summary>
/// <remarks>
/// <para>Not on track and reliable deterioration are different signals: one compares a client with clients who started
/// where they started, the other with the client's own intake; the report carries both.</para>
/// <para>Not applicable to alliance episodes, to instruments without a model, and to episodes without a session-1
/// score. Name <c>expected-response</c>. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class NotOnTrackDetector : ITrendDetector
{
    /// <summary>The default name, <c>expected-response</c>.</summary>
    public const string DefaultName = "expected-response";

    private readonly ImmutableDictionary<(string InstrumentId, ScoreMetric Metric), IExpectedResponseModel> _models;

    /// <summary>Initializes a new instance of the <see cref="NotOnTrackDetector"/> class with regression models (0.1.0's constructor, kept for binary compatibility; the other overload takes models of any kind).</summary>
    /// <param name="models">The models, at most one per instrument and metric.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="models"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two models are for the same instrument and metric.</exception>
    public NotOnTrackDetector(IEnumerable<ExpectedResponseModel> models)
        : this(Guard.Against.Null(models).Cast<IExpectedResponseModel>())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NotOnTrackDetector"/> class.</summary>
    /// <param name="models">The models, of any kind (a built-in or a host's <see cref="IExpectedResponseModel"/>), at most one per instrument and metric.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="models"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when two models are for the same instrument and metric.</exception>
    public NotOnTrackDetector(IEnumerable<IExpectedResponseModel> models)
    {
        IExpectedResponseModel[] all = Guard.Against.Null(models).Select(m => Guard.Against.Null(m, nameof(models))).ToArray();
        Guard.Against.InvalidInput(all, nameof(models), static a => a.Select(m => (m.InstrumentId, m.Metric)).Distinct().Count() == a.Length, "Give one model per instrument and metric.");
        _models = all.ToImmutableDictionary(m => (m.InstrumentId, m.Metric));
    }

    /// <inheritdoc/>
    public string Name => DefaultName;

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <summary>Gets the regression models (<see cref="ExpectedResponseModel"/>) among <see cref="ExpectedResponses"/>: 0.1.0's property, kept for binary compatibility.</summary>
    public IEnumerable<ExpectedResponseModel> Models => _models.Values.OfType<ExpectedResponseModel>();

    /// <summary>Gets the models of every kind, by instrument and metric.</summary>
    public IEnumerable<IExpectedResponseModel> ExpectedResponses => _models.Values;

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Measure != MeasureKind.Outcome)
        {
            return new NotApplicable(Name, "An expected response is for outcome measures; this episode is an alliance measure.");
        }

        if (!_models.TryGetValue((episode.InstrumentId, episode.Metric), out IExpectedResponseModel? model))
        {
            return new NotApplicable(Name, "No expected-response model is given for this instrument and metric.");
        }

        if (episode.Scores[0].Occasion.SessionNumber != 1)
        {
            return new NotApplicable(Name, "The expected response starts from the intake score at session 1, which this episode lacks.");
        }

        double intake = (double)episode.Scores[0].Value;
        // Scoring allocates its findings and its result only: the parameters and the builder are made at the first finding.
        KeyValuePair<string, double>[]? parameters = null;
        ImmutableArray<TrendFinding>.Builder? findings = null;
        for (int i = 1; i < episode.Count; i++)
        {
            AllianceScore score = episode.Scores[i];
            ExpectedScore expected = model.Expect(episode, score.Occasion.SessionNumber);
            double value = (double)score.Value;
            if (model.HigherIsBetter ? value < expected.Bound : value > expected.Bound)
            {
                parameters ??= model is ExpectedResponseModel regression
                    ? new[]
                    {
                        new KeyValuePair<string, double>("coverage", regression.Coverage),
                        new KeyValuePair<string, double>("confidence", regression.Confidence),
                        new KeyValuePair<string, double>("band", (int)regression.Band),
                    }
                    : new[] { new KeyValuePair<string, double>("coverage", model.Coverage) };
                findings ??= ImmutableArray.CreateBuilder<TrendFinding>();
                findings.Add(new NotOnTrackFinding(Name, score.Occasion.SessionNumber, parameters, value, intake, expected, model.HigherIsBetter, model.Coverage));
            }
        }

        return new Detection(Name, Version, findings?.ToImmutable() ?? ImmutableArray<TrendFinding>.Empty);
    }
}

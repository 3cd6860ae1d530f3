using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// Chooses an expected-response model by evidence: cross-validation over clients on a site's own history. The clients
/// are split into folds; each fold's clients are judged by each candidate fitted on the other folds, at every
/// assessment after the intake and before the final score (as the not-on-track alert would have judged them during
/// treatment), against their own final outcome.
/// </summary>
/// <remarks>
/// <para>A poor final outcome is no reliable improvement from intake to the final score (reliable deterioration
/// included): a change short of the reliable-change threshold in the better direction (Jacobson &amp; Truax 1991; the
/// outcome the OQ system's signals predict, Lambert 2007). An episode is flagged when it is not on track at its last
/// assessment before the final score: the alert standing when treatment ended (the final score itself is not judged,
/// since it defines the outcome). Precision, recall, the flag rate per assessment (ACORN's budget, about 15 %) and the band's coverage
/// on the on-track clients' assessments are reported per model.</para>
/// <para>Deterministic for a seed. Cost: candidates × folds fits. Thread-safe.</para>
/// </remarks>
public static class ExpectedResponseValidation
{
    /// <summary>The flag rate per assessment a model must stay within to be chosen: 0.15 (ACORN's default targets ≈ 15 % of patients at any given assessment; REFERENCE-signals §A.1).</summary>
    public const double FlagBudget = 0.15;

    /// <summary>Cross-validates candidate models on a history of one outcome instrument.</summary>
    /// <param name="history">The history's episodes (one outcome instrument; those without an intake at session 1 or with fewer than three scores are not judged, but models are fitted on every episode of the training folds).</param>
    /// <param name="candidates">The candidates' factories (the registered <see cref="ExpectedResponseModels.Factories"/>, say).</param>
    /// <param name="options">The folds, seed, fit options and reliable-change threshold; <see langword="null"/> for the defaults.</param>
    /// <returns>The report; a candidate that cannot be fitted on a fold counts that fold in <see cref="ExpectedResponseValidationRow.FailedFolds"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is out of range, there is no candidate, or no reliable-change threshold can be found (give <see cref="ExpectedResponseValidationOptions.ReliableChange"/>).</exception>
    public static ExpectedResponseValidationResult CrossValidate(IReadOnlyList<Episode> history, IEnumerable<IExpectedResponseModelFactory> candidates, ExpectedResponseValidationOptions? options = null)
    {
        Guard.Against.Null(history);
        Guard.Against.Null(candidates);
        options ??= new ExpectedResponseValidationOptions();
        options.Validate();
        Episode[] episodes = history.Select(e => Guard.Against.Null(e, nameof(history))).ToArray();
        IExpectedResponseModelFactory[] factories = candidates.Select(c => Guard.Against.Null(c, nameof(candidates))).ToArray();
        Guard.Against.InvalidInput(factories, nameof(candidates), static f => f.Length > 0, "Give at least one candidate.");
        double?[] thresholds = episodes.Select(e => options.ReliableChange ?? Threshold(e)).ToArray();
        Guard.Against.InvalidInput(thresholds, nameof(options), static t => t.All(x => x is not null), "An episode has no reference norm and reliability to set the reliable-change threshold from; give ExpectedResponseValidationOptions.ReliableChange.");

        // A seeded shuffle of positions (Fisher–Yates), then fold = place mod folds.
        int[] fold = new int[episodes.Length];
        int[] order = Enumerable.Range(0, episodes.Length).ToArray();
        var random = new Random(options.Seed);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (int place = 0; place < order.Length; place++)
        {
            fold[order[place]] = place % options.Folds;
        }

        var rows = ImmutableArray.CreateBuilder<ExpectedResponseValidationRow>();
        foreach (IExpectedResponseModelFactory factory in factories)
        {
            int judged = 0, positives = 0, flagged = 0, truePositives = 0, assessments = 0, notOnTrack = 0, onTrack = 0, inside = 0, failed = 0;
            double nominal = double.NaN;
            for (int k = 0; k < options.Folds; k++)
            {
                Episode[] training = episodes.Where((_, i) => fold[i] != k).ToArray();
                FittedExpectedResponseResult fit = factory.Fit(training, options.Fit);
                if (!fit.IsSuccess)
                {
                    failed++;
                    continue;
                }

                IExpectedResponseModel model = fit.AsT0.Model;
                nominal = model.Coverage;
                for (int i = 0; i < episodes.Length; i++)
                {
                    Episode episode = episodes[i];
                    if (fold[i] != k || episode.Count < 3 || episode.Scores[0].Occasion.SessionNumber != 1)
                    {
                        continue;
                    }

                    judged++;
                    double change = (double)(episode.Scores[episode.Count - 1].Value - episode.Scores[0].Value);
                    bool poor = (model.HigherIsBetter ? change : -change) < thresholds[i]!.Value;
                    positives += poor ? 1 : 0;
                    bool standing = false;
                    for (int s = 1; s < episode.Count - 1; s++)
                    {
                        ExpectedScore expected = model.Expect(episode, episode.Scores[s].Occasion.SessionNumber);
                        double value = (double)episode.Scores[s].Value;
                        bool off = model.HigherIsBetter ? value < expected.Bound : value > expected.Bound;
                        assessments++;
                        notOnTrack += off ? 1 : 0;
                        standing = off;
                        if (!poor)
                        {
                            onTrack++;
                            inside += off ? 0 : 1;
                        }
                    }

                    flagged += standing ? 1 : 0;
                    truePositives += standing && poor ? 1 : 0;
                }
            }

            rows.Add(new ExpectedResponseValidationRow(factory.Kind, factory.Description, judged, positives, flagged, truePositives, assessments, notOnTrack, onTrack, inside, failed, nominal));
        }

        return new ExpectedResponseValidationResult(rows.ToImmutable(), options.Folds, FlagBudget);
    }

    /// <summary>The episode's reliable-change value, by the rule of <see cref="ReliableChangeOptions"/>: from its reference norm and reliability, else the instrument's published value (the ORS's 5 points).</summary>
    private static double? Threshold(Episode episode) =>
        episode.Reference is { } norm && episode.Reliability is { } reliability && reliability is > 0.0 and < 1.0
            ? ReliableChange.ReliableChangeValue(norm.ReliableChangeStandardDeviation, reliability)
            : episode.Metric == ScoreMetric.Sum && ReliableChangeOptions.DefaultPublishedValues.TryGetValue(episode.InstrumentId, out double published) ? published : null;
}

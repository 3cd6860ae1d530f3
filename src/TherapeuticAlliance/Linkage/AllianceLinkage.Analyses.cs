using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using Ardalis.GuardClauses;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using TherapeuticAlliance.Multilevel;
using TherapeuticAlliance.Service;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.Linkage;

/// <content>The analyses of paired series: decomposition, repeated-measures correlation, the lagged within-person model and Baldwin's disaggregation.</content>
public static partial class AllianceLinkage
{
    /// <summary>
    /// Splits the paired alliance into its within-client and between-client parts (person-mean centring, Enders and
    /// Tofighi 2007; Curran and Bauer 2011) and, when the series carry therapists, the between-client part further into
    /// clients of one therapist and therapists (<see cref="Centring.Nested"/>); and says how each measure's variance
    /// divides within and between clients and therapists.
    /// </summary>
    /// <param name="paired">The paired series (<see cref="Pair"/>).</param>
    /// <returns>The parts, one value per pair, and the variance shares of both measures. Client means are over all the client's ratings, paired or not.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="paired"/> is <see langword="null"/>.</exception>
    public static LinkageDecomposition Decompose(PairedSeries paired)
    {
        Guard.Against.Null(paired);
        int clients = paired.ClientIds.Length;
        Nesting nesting = Nesting.Of(paired);
        Levels alliance = Levels.Of(paired.AllianceRows, clients, nesting);
        int n = paired.PairRows.Length;
        var within = new double[n];
        var between = new double[n];
        var betweenClients = new double[n];
        var betweenTherapists = new double[n];
        for (int i = 0; i < n; i++)
        {
            RatingRow row = paired.AllianceRows[paired.PairRows[i]];
            int c = row.Client, t = nesting.TherapistOf[c];
            within[i] = row.Value - alliance.ClientMean[c];
            between[i] = alliance.ClientMean[c] - alliance.MeanOfClientMeans;
            betweenClients[i] = t < 0 ? double.NaN : alliance.ClientMean[c] - alliance.TherapistMean[t];
            betweenTherapists[i] = t < 0 ? double.NaN : alliance.TherapistMean[t] - alliance.GrandMean;
        }

        return new LinkageDecomposition(ImmutableCollectionsMarshal.AsImmutableArray(within), ImmutableCollectionsMarshal.AsImmutableArray(between), ImmutableCollectionsMarshal.AsImmutableArray(betweenClients), ImmutableCollectionsMarshal.AsImmutableArray(betweenTherapists), alliance.Parts(paired.AllianceRows, nesting), Levels.Of(paired.OutcomeRows, clients, nesting).Parts(paired.OutcomeRows, nesting));
    }

    /// <summary>
    /// The repeated-measures correlation of the paired alliance and outcome within clients (Bakdash and Marusich 2017;
    /// rmcorr's <c>rmcorr(client, alliance, outcome, pairs)</c>): alliance at the session, outcome at the paired session.
    /// </summary>
    /// <param name="paired">The paired series (<see cref="Pair"/>).</param>
    /// <param name="level">The interval's confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <returns>The correlation, its common slope (outcome points per alliance point), p-value and interval.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="paired"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static RepeatedMeasuresCorrelation Correlate(PairedSeries paired, double level = 0.95)
    {
        Guard.Against.Null(paired);
        Guard.Against.InvalidInput(level, nameof(level), l => l > 0 && l < 1, "The level must be strictly between 0 and 1.");
        int n = paired.PairRows.Length;
        var x = new double[n];
        var y = new double[n];
        var subjects = new int[n];
        for (int i = 0; i < n; i++)
        {
            RatingRow row = paired.AllianceRows[paired.PairRows[i]];
            x[i] = row.Value;
            y[i] = paired.OutcomeRows[paired.PairOutcome[i]].Value;
            subjects[i] = row.Client;
        }

        return RepeatedMeasuresCorrelation.Compute(x, y, subjects, paired.ClientIds.Length, level);
    }

    /// <summary>
    /// Fits the lagged within-person model (<see cref="LaggedWithinPersonModel"/>) on the pairs whose outcome was also
    /// given at the alliance's session: <c>outcome_next ~ outcome + alliance_within + alliance_between + (1 | client)</c>,
    /// with <c>+ session</c> when detrended and <c>+ (1 | therapist)</c> when asked, on the multilevel engine (lme4's
    /// REML criterion, lmerTest's Satterthwaite degrees of freedom).
    /// </summary>
    /// <param name="paired">The paired series (<see cref="Pair"/>); usually lag 1.</param>
    /// <param name="options">The options; <see langword="null"/> for <see cref="LaggedModelOptions.Default"/>.</param>
    /// <returns>The model, or an <see cref="InvalidMixedModel"/> when it cannot be fitted (no pairs with the current outcome, one client, no variation).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="paired"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static LaggedModelResult FitLaggedModel(PairedSeries paired, LaggedModelOptions? options = null)
    {
        Guard.Against.Null(paired);
        options ??= LaggedModelOptions.Default;
        options.Validate(nameof(options));
        ImmutableArray<RatingRow> rows = paired.AllianceRows;
        int clientCount = paired.ClientIds.Length;
        Nesting nesting = Nesting.Of(paired);
        if (paired.Options.Lag == 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Formula, "The lagged model needs a lag of at least 1: at lag 0 the paired outcome is the outcome at the alliance's session, which the model also holds as its autoregressive term.");
        }

        if (options.TherapistIntercept && nesting.Therapists.Length == 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Groups, "The series name no therapist, so the model can have no therapist intercept; leave it out, or give the therapist of each session.");
        }

        Levels alliance = Levels.Of(rows, clientCount, nesting);
        double[]? detrended = options.Detrend ? Detrended(rows) : null;
        int n = 0;
        foreach (int now in paired.PairOutcomeNow)
        {
            n += now >= 0 ? 1 : 0;
        }

        // Only the columns the formula uses: on a large caseload every column is tens of megabytes.
        var next = new double[n];
        var current = new double[n];
        var within = new double[n];
        var between = new double[n];
        double[]? session = options.Detrend ? new double[n] : null;
        var client = new string?[n];
        string?[]? therapist = options.TherapistIntercept ? new string?[n] : null;
        var nextSums = new double[clientCount];
        var nextCounts = new int[clientCount];
        for (int i = 0, k = 0; i < paired.PairRows.Length; i++)
        {
            if (paired.PairOutcomeNow[i] < 0)
            {
                continue;
            }

            int r = paired.PairRows[i];
            int c = rows[r].Client;
            next[k] = paired.OutcomeRows[paired.PairOutcome[i]].Value;
            current[k] = paired.OutcomeRows[paired.PairOutcomeNow[i]].Value;
            within[k] = detrended is null ? rows[r].Value - alliance.ClientMean[c] : detrended[r];
            between[k] = alliance.ClientMean[c] - alliance.MeanOfClientMeans;
            if (session is not null)
            {
                session[k] = rows[r].Session;
            }

            client[k] = paired.ClientIds[c];
            if (therapist is not null)
            {
                therapist[k] = nesting.TherapistOf[c] is int t and >= 0 ? nesting.Therapists[t] : null;
            }

            nextSums[c] += next[k];
            nextCounts[c]++;
            k++;
        }

        int modelClients = nextCounts.Count(c => c > 0), fixedEffects = options.Detrend ? 5 : 4;
        if (modelClients < 2 || n <= modelClients + fixedEffects)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Groups, string.Format(System.Globalization.CultureInfo.InvariantCulture, "Too few pairs for the lagged model: {0} pairs with the outcome also given at the alliance's session, from {1} clients; it needs at least two clients and more pairs than clients plus its {2} fixed effects.", n, modelClients, fixedEffects));
        }

        var numeric = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            ["outcome_next"] = next,
            ["outcome"] = current,
            ["alliance_within"] = within,
            ["alliance_between"] = between,
        };
        var factors = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal) { ["client"] = client };
        if (session is not null)
        {
            numeric["session"] = session;
        }

        if (therapist is not null)
        {
            factors["therapist"] = therapist;
        }

        string formula = "outcome_next ~ outcome + alliance_within + alliance_between" + (options.Detrend ? " + session" : string.Empty) + " + (1 | client)" + (options.TherapistIntercept ? " + (1 | therapist)" : string.Empty);
        MixedModelResult result = LinearMixedModel.Fit(formula, new ModelFrame(numeric, factors), options.Reml);
        if (!result.IsT0)
        {
            return result.AsT1;
        }

        // The scales: the outcome's within-client SD over the alliance's, and the outcome's SD over the client means'.
        double nextWithinSquares = 0;
        for (int i = 0, k = 0; i < paired.PairRows.Length; i++)
        {
            if (paired.PairOutcomeNow[i] >= 0)
            {
                int c = rows[paired.PairRows[i]].Client;
                double d = next[k++] - (nextSums[c] / nextCounts[c]);
                nextWithinSquares += d * d;
            }
        }

        double nextWithinSd = n < 2 ? double.NaN : Math.Sqrt(nextWithinSquares / (n - 1));
        MixedModelFit fit = result.AsT0;
        return new LaggedWithinPersonModel(fit, Effect(fit, "alliance_within", options.Level, nextWithinSd / Sd(within)), Effect(fit, "alliance_between", options.Level, Sd(next) / Sd(between)), options, nextCounts.Count(c => c > 0));
    }

    /// <summary>
    /// Baldwin, Wampold and Imel's (2007) disaggregation of the alliance at the episode level: each episode's mean alliance
    /// split into its therapist's mean (centred on the grand mean over episodes) and the client's deviation from it, and
    /// the final outcome modelled on the intake and both parts with a random intercept per therapist, as lme4's
    /// <c>lmer(final ~ intake + alliance_between + alliance_within + (1 | therapist))</c>. A therapist effect larger than the
    /// client effect says that therapists who form better alliances have better outcomes, beyond the clients' part.
    /// </summary>
    /// <param name="episodes">The episodes (<see cref="ServiceEpisodes"/>); those without an intake, a final score, an alliance mean or a therapist are left out and counted.</param>
    /// <param name="level">The intervals' confidence level, strictly between 0 and 1; 0.95 by default.</param>
    /// <returns>The disaggregation, or an <see cref="InvalidMixedModel"/> when the model cannot be fitted (fewer than two therapists, no variation).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="level"/> is not strictly between 0 and 1.</exception>
    public static AllianceDisaggregationResult Disaggregate(IEnumerable<ServiceEpisode> episodes, double level = 0.95)
    {
        Guard.Against.Null(episodes);
        Guard.Against.InvalidInput(level, nameof(level), l => l > 0 && l < 1, "The level must be strictly between 0 and 1.");
        var all = episodes.ToList();
        Guard.Against.InvalidInput(all, nameof(episodes), e => e.TrueForAll(x => x is not null), "The episodes hold a null.");
        var used = all.Where(e => e.Intake is not null && e.Final is not null && e.AllianceMean is not null && e.Therapist is not null).ToList();
        double[] alliance = used.Select(e => e.AllianceMean!.Value).ToArray();
        string?[] therapists = used.Select(e => e.Therapist).ToArray();
        CentredParts parts = Centring.GroupMean(alliance, therapists);
        var numeric = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
        {
            ["final"] = used.Select(e => e.Final!.Value).ToArray(),
            ["intake"] = used.Select(e => e.Intake!.Value).ToArray(),
            ["alliance_between"] = parts.Between.ToArray(),
            ["alliance_within"] = parts.Within.ToArray(),
        };
        var factors = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal) { ["therapist"] = therapists };
        MixedModelResult result = LinearMixedModel.Fit("final ~ intake + alliance_between + alliance_within + (1 | therapist)", new ModelFrame(numeric, factors));
        if (!result.IsT0)
        {
            return result.AsT1;
        }

        MixedModelFit fit = result.AsT0;
        double sdFinal = Sd(numeric["final"]);
        return new AllianceDisaggregation(fit, Effect(fit, "alliance_between", level, sdFinal / Sd(numeric["alliance_between"])), Effect(fit, "alliance_within", level, sdFinal / Sd(numeric["alliance_within"])), all.Count - used.Count);
    }

    /// <summary>
    /// The alliance around each sudden gain or loss on the outcome (suddengains' <c>extract_values</c>; Tang and DeRubeis
    /// 1999): for each client, the outcome series is run through <paramref name="detector"/>, and for every finding that
    /// is a sudden change (<see cref="ISuddenChangeEvidence"/>: the built-in <see cref="SuddenGainsAndLossesDetector"/> or a
    /// site's own) the alliance at the three sessions up to it and the three from it is taken. To look at the outcome
    /// around sudden changes in the alliance, swap the instruments in <paramref name="options"/>.
    /// </summary>
    /// <param name="series">Clients' series, as for <see cref="Pair"/>.</param>
    /// <param name="detector">The detector of sudden changes, configured for the outcome instrument (its direction and criterion 1).</param>
    /// <param name="options">Which instruments (the lag and rule are not used); <see langword="null"/> for <see cref="LinkageOptions.Default"/>.</param>
    /// <returns>One window per sudden change, by client in the order their alliance series first appear, then by session. Clients without both series give none.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules, or a client has two client-rated series of one instrument.</exception>
    public static ImmutableArray<SuddenChangeWindow> AroundSuddenChanges(IEnumerable<Episode> series, ITrendDetector detector, LinkageOptions? options = null)
    {
        Guard.Against.Null(detector);
        PairedSeries paired = Pair(series, (options ?? LinkageOptions.Default) with { Lag = 0, Rule = PairingRule.SessionNumber });
        var alliance = paired.AllianceRows.GroupBy(r => paired.ClientIds[r.Client], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Session, r => r.Value), StringComparer.Ordinal);
        var windows = ImmutableArray.CreateBuilder<SuddenChangeWindow>();
        foreach (Episode outcome in paired.OutcomeSeries)
        {
            Dictionary<int, double> values = alliance[outcome.Id];
            double? At(int session) => values.TryGetValue(session, out double v) ? v : null;
            foreach (ISuddenChangeEvidence change in detector.Detect(outcome).Findings.OfType<ISuddenChangeEvidence>().OrderBy(c => c.PreSession))
            {
                int pre = change.PreSession, post = change.PostSession;
                windows.Add(new SuddenChangeWindow(outcome.Id, change.Kind, pre, post, ImmutableArray.Create(At(pre - 2), At(pre - 1), At(pre)), ImmutableArray.Create(At(post), At(post + 1), At(post + 2))));
            }
        }

        return windows.ToImmutable();
    }

    private static LinkageEffect Effect(MixedModelFit fit, string term, double level, double scale)
    {
        FixedEffect effect = fit.FixedEffects.First(f => string.Equals(f.Term, term, StringComparison.Ordinal));
        double half = double.IsNaN(effect.DegreesOfFreedom) || effect.DegreesOfFreedom <= 0 ? double.NaN : StudentT.InvCDF(0, 1, effect.DegreesOfFreedom, (1 + level) / 2) * effect.StandardError;
        return new LinkageEffect(term, effect.Estimate, effect.StandardError, effect.DegreesOfFreedom, effect.PValue, effect.Estimate - half, effect.Estimate + half, level, scale);
    }

    /// <summary>The sample SD (n − 1), NaN for fewer than two values: MathNet's.</summary>
    private static double Sd(IReadOnlyList<double> values) => values.StandardDeviation();

    /// <summary>Each client's alliance less their own straight line on session number (less their mean when they have one session); rows are contiguous per client.</summary>
    private static double[] Detrended(ImmutableArray<RatingRow> rows)
    {
        var result = new double[rows.Length];
        for (int start = 0, end; start < rows.Length; start = end)
        {
            end = start;
            double ms = 0, mv = 0;
            while (end < rows.Length && rows[end].Client == rows[start].Client)
            {
                ms += rows[end].Session;
                mv += rows[end].Value;
                end++;
            }

            ms /= end - start;
            mv /= end - start;
            double sxx = 0, sxy = 0;
            for (int i = start; i < end; i++)
            {
                sxx += (rows[i].Session - ms) * (rows[i].Session - ms);
                sxy += (rows[i].Session - ms) * (rows[i].Value - mv);
            }

            double slope = sxx > 0 ? sxy / sxx : 0;
            for (int i = start; i < end; i++)
            {
                result[i] = rows[i].Value - mv - (slope * (rows[i].Session - ms));
            }
        }

        return result;
    }
}

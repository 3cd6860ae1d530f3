using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The dependability (generalizability coefficient) of alliance scores, from the variance components of
/// <c>alliance ~ 1 + (1 | therapist / client)</c> fitted on session ratings: how dependable a client's mean over k
/// sessions and a therapist's mean over n clients are, and how many sessions and clients a dependability of 0.80 or
/// 0.90 needs (Crits-Christoph et al. 2011, JCCP 79:267; Baldwin et al. 2012, JCCP 80:947).
/// </summary>
/// <remarks>
/// <para>
/// With therapist variance σ²<sub>t</sub>, client-within-therapist variance σ²<sub>c</sub> and session (residual)
/// variance σ²<sub>e</sub>, the relative G coefficients of the nested design (sessions in clients in therapists;
/// Brennan 2001) are: a client's mean over k sessions, (σ²<sub>t</sub> + σ²<sub>c</sub>) / (σ²<sub>t</sub> +
/// σ²<sub>c</sub> + σ²<sub>e</sub>/k), clients compared across the whole caseload; a therapist's mean over n clients of
/// k sessions each, σ²<sub>t</sub> / (σ²<sub>t</sub> + σ²<sub>c</sub>/n + σ²<sub>e</sub>/(n k)). The papers were read at
/// abstract level: their published values (4 or more sessions for a client-level coefficient above .90; about 60
/// clients per therapist for a dependable therapist-level score) are given beside these for comparison, not
/// reproduced from their data.
/// </para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class AllianceDependability
{
    /// <summary>Crits-Christoph et al. 2011: a client-level coefficient above .90 was reached by aggregating 4 or more sessions.</summary>
    public const int PublishedSessionsForVeryGood = 4;

    /// <summary>Crits-Christoph et al. 2011: about 60 clients per therapist were needed for a dependable therapist-level alliance.</summary>
    public const int PublishedClientsPerTherapist = 60;

    private AllianceDependability(double therapist, double client, double residual, double sessionsPerClient, double clientsPerTherapist, string? formula, double criterion, ImmutableArray<string> notes)
    {
        TherapistVariance = therapist;
        ClientVariance = client;
        ResidualVariance = residual;
        SessionsPerClient = sessionsPerClient;
        ClientsPerTherapist = clientsPerTherapist;
        Formula = formula;
        RemlCriterion = criterion;
        Notes = notes;
    }

    /// <summary>Gets the therapist variance σ²<sub>t</sub>, or NaN when therapists were too few to estimate it (the client variance then holds both).</summary>
    public double TherapistVariance { get; }

    /// <summary>Gets the variance of clients within therapists, σ²<sub>c</sub>.</summary>
    public double ClientVariance { get; }

    /// <summary>Gets the session-to-session (residual) variance, σ²<sub>e</sub>.</summary>
    public double ResidualVariance { get; }

    /// <summary>Gets the mean number of rated sessions per client in the data.</summary>
    public double SessionsPerClient { get; }

    /// <summary>Gets the mean number of clients per therapist in the data, or NaN without therapists.</summary>
    public double ClientsPerTherapist { get; }

    /// <summary>Gets the model fitted, in lme4's syntax (<c>alliance ~ 1 + (1 | therapist/client)</c>, or <c>alliance ~ 1 + (1 | client)</c> with too few therapists), or <see langword="null"/> for <see cref="FromVarianceComponents"/>.</summary>
    public string? Formula { get; }

    /// <summary>Gets the REML criterion at the optimum (lme4's <c>REMLcrit</c> of the same model on the sessions), or NaN for <see cref="FromVarianceComponents"/>.</summary>
    public double RemlCriterion { get; }

    /// <summary>Gets what a reader must know (too few therapists, coefficients below 0.80). Never an identifier.</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>Gets the client-level coefficient at the data's mean number of sessions per client.</summary>
    public double ClientCoefficient => ClientCoefficientAt(SessionsPerClient);

    /// <summary>Gets the therapist-level coefficient at the data's mean numbers of clients per therapist and sessions per client (NaN without a therapist variance).</summary>
    public double TherapistCoefficient => TherapistCoefficientAt(ClientsPerTherapist, SessionsPerClient);

    /// <summary>
    /// Gets every figure under its name, as the <c>service-dependability</c> table writes them: <c>therapist_variance</c>,
    /// <c>client_variance</c>, <c>residual_variance</c>, <c>sessions_per_client</c>, <c>clients_per_therapist</c>,
    /// <c>client_g</c>, <c>therapist_g</c>, <c>sessions_for_g_0.80</c>, <c>sessions_for_g_0.90</c>,
    /// <c>clients_for_g_0.80</c>, <c>clients_for_g_0.90</c> (the last two at the data's sessions per client).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, double>> Statistics => new KeyValuePair<string, double>[]
    {
        new("therapist_variance", TherapistVariance),
        new("client_variance", ClientVariance),
        new("residual_variance", ResidualVariance),
        new("sessions_per_client", SessionsPerClient),
        new("clients_per_therapist", ClientsPerTherapist),
        new("client_g", ClientCoefficient),
        new("therapist_g", TherapistCoefficient),
        new("sessions_for_g_0.80", SessionsNeeded(0.80)),
        new("sessions_for_g_0.90", SessionsNeeded(0.90)),
        new("clients_for_g_0.80", ClientsNeeded(0.80, SessionsPerClient)),
        new("clients_for_g_0.90", ClientsNeeded(0.90, SessionsPerClient)),
    };

    /// <summary>Builds the figures from variance components estimated elsewhere (lme4's <c>VarCorr</c> of <c>alliance ~ 1 + (1 | therapist/client)</c>).</summary>
    /// <param name="therapistVariance">σ²<sub>t</sub>, 0 or more (NaN when not estimated).</param>
    /// <param name="clientVariance">σ²<sub>c</sub>, 0 or more.</param>
    /// <param name="residualVariance">σ²<sub>e</sub>, more than 0.</param>
    /// <param name="sessionsPerClient">The mean number of rated sessions per client, 1 or more.</param>
    /// <param name="clientsPerTherapist">The mean number of clients per therapist, 1 or more (NaN when not known).</param>
    /// <returns>The figures.</returns>
    /// <exception cref="ArgumentException">Thrown when a variance is negative or not finite, the residual variance is not positive, or a count is below 1.</exception>
    public static AllianceDependability FromVarianceComponents(double therapistVariance, double clientVariance, double residualVariance, double sessionsPerClient, double clientsPerTherapist)
    {
        Guard.Against.InvalidInput(therapistVariance, nameof(therapistVariance), v => double.IsNaN(v) || (v >= 0 && !double.IsInfinity(v)), "A variance is finite and 0 or more.");
        Guard.Against.InvalidInput(clientVariance, nameof(clientVariance), v => v >= 0 && !double.IsInfinity(v), "A variance is finite and 0 or more.");
        Guard.Against.InvalidInput(residualVariance, nameof(residualVariance), v => v > 0 && !double.IsInfinity(v), "The residual variance is finite and more than 0.");
        Guard.Against.InvalidInput(sessionsPerClient, nameof(sessionsPerClient), v => v >= 1 && !double.IsInfinity(v), "Sessions per client: 1 or more.");
        Guard.Against.InvalidInput(clientsPerTherapist, nameof(clientsPerTherapist), v => double.IsNaN(v) || (v >= 1 && !double.IsInfinity(v)), "Clients per therapist: 1 or more.");
        var built = new AllianceDependability(therapistVariance, clientVariance, residualVariance, sessionsPerClient, clientsPerTherapist, null, double.NaN, ImmutableArray<string>.Empty);
        return new AllianceDependability(therapistVariance, clientVariance, residualVariance, sessionsPerClient, clientsPerTherapist, null, double.NaN, built.Warnings());
    }

    /// <summary>Estimates the variance components from the episodes' alliance ratings (<see cref="ServiceEpisode.AllianceSessions"/>, mean and sum of squares: sufficient statistics for this model, so the fit equals lme4's on the sessions).</summary>
    /// <param name="episodes">The episodes.</param>
    /// <param name="options">The options (the fewest therapists for a therapist variance); <see langword="null"/> for the defaults.</param>
    /// <returns>The figures, or a <see cref="ServiceError"/>: <see cref="ServiceErrorKind.NoData"/> when no client has two or more ratings; <see cref="ServiceErrorKind.ModelFailed"/> with the model's reason. With fewer therapists than <see cref="ServiceOptions.MinimumTherapists"/>, <c>alliance ~ 1 + (1 | client)</c> is fitted instead and the therapist figures are NaN (a note says why).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="episodes"/> is <see langword="null"/> or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="options"/> break their rules.</exception>
    public static DependabilityResult Estimate(IEnumerable<ServiceEpisode> episodes, ServiceOptions? options = null)
    {
        Guard.Against.Null(episodes);
        options ??= ServiceOptions.Default;
        options.Validate(nameof(options));
        return FromSums(DependabilitySums.From(episodes.Select(e => Guard.Against.Null(e, nameof(episodes)))), options);
    }

    /// <summary>The estimate from the rated clients' sums (a caseload's, or sites' merged).</summary>
    internal static DependabilityResult FromSums(DependabilitySums sums, ServiceOptions options)
    {
        if (!sums.Repeated)
        {
            return new ServiceError(ServiceErrorKind.NoData, "No client has two or more alliance ratings, so session-to-session variance cannot be told from differences between clients.");
        }

        bool therapists = sums.Unassigned.Count == 0 && sums.ByTherapist.Count(t => t.Value.Values.Sum(c => c.Count) >= 2) >= options.MinimumTherapists;
        string formula = therapists ? "alliance ~ 1 + (1 | therapist/client)" : "alliance ~ 1 + (1 | client)";
        var reml = new NestedReml(sums, therapists);
        double[]? theta = reml.Optimise(therapists);
        if (theta is null)
        {
            return new ServiceError(ServiceErrorKind.ModelFailed, "The model " + formula + " could not be fitted: its REML criterion did not converge to a finite minimum.");
        }

        double sigma2 = reml.Sigma2(theta);
        double tau = therapists ? theta[0] * theta[0] * sigma2 : double.NaN;
        double clientVariance = theta[1] * theta[1] * sigma2;
        double perClient = reml.Ratings / (double)sums.Clients;
        double perTherapist = therapists ? sums.Clients / (double)reml.Groups : double.NaN;
        var estimate = new AllianceDependability(tau, clientVariance, sigma2, perClient, perTherapist, formula, reml.Criterion(theta), ImmutableArray<string>.Empty);
        ImmutableArray<string> notes = estimate.Warnings();
        if (!therapists)
        {
            notes = notes.Insert(0, string.Format(CultureInfo.InvariantCulture, "Fewer than {0} therapists with two or more rated clients: no therapist variance is estimated, and the client variance holds any therapist differences.", options.MinimumTherapists));
        }

        return new AllianceDependability(tau, clientVariance, sigma2, perClient, perTherapist, formula, estimate.RemlCriterion, notes);
    }

    /// <summary>The client-level coefficient of a mean over <paramref name="sessions"/> sessions.</summary>
    /// <param name="sessions">Sessions aggregated, more than 0.</param>
    /// <returns>(σ²<sub>t</sub> + σ²<sub>c</sub>) / (σ²<sub>t</sub> + σ²<sub>c</sub> + σ²<sub>e</sub>/k), 0 to 1 (σ²<sub>t</sub> counted as 0 when not estimated).</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="sessions"/> is not positive.</exception>
    public double ClientCoefficientAt(double sessions)
    {
        Guard.Against.NegativeOrZero(sessions);
        double universe = Between;
        return universe / (universe + (ResidualVariance / sessions));
    }

    /// <summary>The therapist-level coefficient of a mean over <paramref name="clients"/> clients with <paramref name="sessions"/> sessions each.</summary>
    /// <param name="clients">Clients per therapist, more than 0.</param>
    /// <param name="sessions">Sessions per client, more than 0.</param>
    /// <returns>σ²<sub>t</sub> / (σ²<sub>t</sub> + σ²<sub>c</sub>/n + σ²<sub>e</sub>/(n k)), 0 to 1; NaN without a therapist variance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when a count is not positive.</exception>
    public double TherapistCoefficientAt(double clients, double sessions)
    {
        if (double.IsNaN(clients))
        {
            return double.NaN;
        }

        Guard.Against.NegativeOrZero(clients);
        Guard.Against.NegativeOrZero(sessions);
        return TherapistVariance / (TherapistVariance + (ClientVariance / clients) + (ResidualVariance / (clients * sessions)));
    }

    /// <summary>The fewest sessions whose mean reaches a client-level coefficient.</summary>
    /// <param name="coefficient">The coefficient wanted, strictly between 0 and 1.</param>
    /// <returns>⌈G σ²<sub>e</sub> / ((1 − G)(σ²<sub>t</sub> + σ²<sub>c</sub>))⌉, at least 1; +∞ when clients do not differ.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="coefficient"/> is not strictly between 0 and 1.</exception>
    public double SessionsNeeded(double coefficient)
    {
        Guard.Against.OutOfRange(coefficient, nameof(coefficient), double.Epsilon, 1 - 1e-12);
        return Between > 0 ? Math.Max(1, Math.Ceiling((coefficient * ResidualVariance / ((1 - coefficient) * Between)) - 1e-9)) : double.PositiveInfinity;
    }

    /// <summary>The fewest clients per therapist whose mean reaches a therapist-level coefficient, each client rated over <paramref name="sessions"/> sessions.</summary>
    /// <param name="coefficient">The coefficient wanted, strictly between 0 and 1.</param>
    /// <param name="sessions">Sessions per client, more than 0.</param>
    /// <returns>⌈G (σ²<sub>c</sub> + σ²<sub>e</sub>/k) / ((1 − G) σ²<sub>t</sub>)⌉, at least 1; +∞ when therapists do not differ, NaN without a therapist variance.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when an argument is out of range.</exception>
    public double ClientsNeeded(double coefficient, double sessions)
    {
        Guard.Against.OutOfRange(coefficient, nameof(coefficient), double.Epsilon, 1 - 1e-12);
        Guard.Against.NegativeOrZero(sessions);
        if (double.IsNaN(TherapistVariance))
        {
            return double.NaN;
        }

        return TherapistVariance > 0 ? Math.Max(1, Math.Ceiling((coefficient * (ClientVariance + (ResidualVariance / sessions)) / ((1 - coefficient) * TherapistVariance)) - 1e-9)) : double.PositiveInfinity;
    }

    /// <summary>Returns the coefficients at the data's counts, without any identifier.</summary>
    /// <returns>Text such as <c>alliance dependability: client 0.93 over 12.0 sessions, therapist 0.71 over 25.3 clients</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "alliance dependability: client {0:0.00} over {1:0.0} sessions, therapist {2:0.00} over {3:0.0} clients", ClientCoefficient, SessionsPerClient, TherapistCoefficient, ClientsPerTherapist);

    private double Between => (double.IsNaN(TherapistVariance) ? 0 : TherapistVariance) + ClientVariance;

    private ImmutableArray<string> Warnings()
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        if (ClientCoefficient < 0.80)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "A client's mean alliance over {0:0.#} sessions has a dependability of {1:0.00}, below 0.80: aggregate at least {2:0} sessions (Crits-Christoph et al. 2011 needed {3} for above 0.90).", SessionsPerClient, ClientCoefficient, SessionsNeeded(0.80), PublishedSessionsForVeryGood));
        }

        if (TherapistCoefficient < 0.80)
        {
            notes.Add(string.Format(CultureInfo.InvariantCulture, "A therapist's mean alliance over {0:0.#} clients has a dependability of {1:0.00}, below 0.80: about {2:0} clients per therapist are needed (Crits-Christoph et al. 2011: about {3}); do not compare therapists' mean alliance on these data.", ClientsPerTherapist, TherapistCoefficient, ClientsNeeded(0.80, SessionsPerClient), PublishedClientsPerTherapist));
        }

        return notes.ToImmutable();
    }
}

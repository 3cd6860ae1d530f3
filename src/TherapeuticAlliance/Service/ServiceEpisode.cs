using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Service;

/// <summary>
/// One client's episode of care as the service view sees it: who treated the client and where, the outcome measure at
/// intake and at the last administration, when the episode closed, the client's alliance ratings summarised, whether
/// the expected-response target was reached, and any case-mix covariates. Small (a few numbers and three keys), so
/// a million episodes fit in memory; <see cref="ServiceEpisodes.FromEpisodes"/> builds it from a client's series.
/// </summary>
/// <remarks>
/// <para>
/// The library has no episode end type yet: an episode counts as closed at its last recorded outcome administration.
/// Pass only episodes that have ended when the figures are to describe closed episodes.
/// </para>
/// <para>The client, therapist and site keys are opaque and never written into a message or <see cref="ToString"/>.
/// Immutable and thread-safe.</para>
/// </remarks>
public sealed class ServiceEpisode
{
    /// <summary>Initialises an episode.</summary>
    /// <param name="client">The client's (episode's) identifier; unique within its therapist.</param>
    /// <param name="therapist">The therapist (the one of the latest session), or <see langword="null"/> when not recorded.</param>
    /// <param name="site">The site, or <see langword="null"/> when not recorded.</param>
    /// <param name="intake">The outcome measure's first score, in its points; <see langword="null"/> when the outcome measure was never given.</param>
    /// <param name="final">The outcome measure's last score when it was given at least twice, else <see langword="null"/>.</param>
    /// <param name="outcomeAdministrations">How many times the outcome measure was given; 0 or more.</param>
    /// <param name="closed">When the last outcome administration was recorded, or <see langword="null"/>.</param>
    /// <param name="allianceSessions">How many sessions have an alliance rating; 0 or more.</param>
    /// <param name="allianceMean">The mean of those ratings, in the alliance measure's points; given exactly when <paramref name="allianceSessions"/> is above 0.</param>
    /// <param name="allianceSumOfSquares">The sum of squared deviations of those ratings from their mean (0 for one rating); 0 or more.</param>
    /// <param name="reachedTarget">Whether the last outcome score reached the expected-response target for its session, or <see langword="null"/> when there is no model or no pair.</param>
    /// <param name="caseMix">Case-mix covariates by name (finite numbers), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="client"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when a number is not finite, a count is negative, <paramref name="allianceMean"/> is given without ratings or missing with them, <paramref name="final"/> is given with fewer than two administrations, or a covariate's name is empty or its value not finite. No value is quoted.</exception>
    public ServiceEpisode(string client, string? therapist, string? site, double? intake, double? final, int outcomeAdministrations, DateTimeOffset? closed, int allianceSessions = 0, double? allianceMean = null, double allianceSumOfSquares = 0, bool? reachedTarget = null, IReadOnlyDictionary<string, double>? caseMix = null)
    {
        Client = Guard.Against.Null(client);
        Guard.Against.Negative(outcomeAdministrations);
        Guard.Against.Negative(allianceSessions);
        Guard.Against.InvalidInput(intake, nameof(intake), v => v is null || Finite(v.Value), "The intake score must be finite.");
        Guard.Against.InvalidInput(final, nameof(final), v => v is null || (Finite(v.Value) && outcomeAdministrations >= 2 && intake is not null), "A final score needs an intake score and two or more administrations, and must be finite.");
        Guard.Against.InvalidInput(allianceMean, nameof(allianceMean), v => (v is null) == (allianceSessions == 0) && (v is null || Finite(v.Value)), "Give the alliance mean exactly when there are alliance ratings, as a finite number.");
        Guard.Against.InvalidInput(allianceSumOfSquares, nameof(allianceSumOfSquares), v => Finite(v) && v >= 0 && (allianceSessions > 1 || v == 0), "The sum of squares is finite, 0 or more, and 0 for fewer than two ratings.");
        ImmutableSortedDictionary<string, double> mix = (caseMix ?? ImmutableDictionary<string, double>.Empty).ToImmutableSortedDictionary(StringComparer.Ordinal);
        Guard.Against.InvalidInput(mix, nameof(caseMix), m => m.All(p => p.Key.Length > 0 && Finite(p.Value)), "Each covariate has a name and a finite value.");
        Therapist = therapist;
        Site = site;
        Intake = intake;
        Final = final;
        OutcomeAdministrations = outcomeAdministrations;
        Closed = closed;
        AllianceSessions = allianceSessions;
        AllianceMean = allianceMean;
        AllianceSumOfSquares = allianceSumOfSquares;
        ReachedTarget = final is null ? null : reachedTarget;
        CaseMix = mix;
    }

    /// <summary>Gets the client's (episode's) identifier.</summary>
    public string Client { get; }

    /// <summary>Gets the therapist, or <see langword="null"/>.</summary>
    public string? Therapist { get; }

    /// <summary>Gets the site, or <see langword="null"/>.</summary>
    public string? Site { get; }

    /// <summary>Gets the outcome measure's first score, or <see langword="null"/>.</summary>
    public double? Intake { get; }

    /// <summary>Gets the outcome measure's last score (two or more administrations), or <see langword="null"/>.</summary>
    public double? Final { get; }

    /// <summary>Gets whether the episode has an intake and a final outcome score (a pre–post pair).</summary>
    public bool IsPaired => Final is not null;

    /// <summary>Gets the change from intake to the last score (final − intake), or <see langword="null"/> without a pair.</summary>
    public double? Change => Final - Intake;

    /// <summary>Gets how many times the outcome measure was given.</summary>
    public int OutcomeAdministrations { get; }

    /// <summary>Gets when the last outcome administration was recorded, or <see langword="null"/>.</summary>
    public DateTimeOffset? Closed { get; }

    /// <summary>Gets how many sessions have an alliance rating.</summary>
    public int AllianceSessions { get; }

    /// <summary>Gets the mean alliance rating, or <see langword="null"/> without ratings.</summary>
    public double? AllianceMean { get; }

    /// <summary>Gets the sum of squared deviations of the alliance ratings from their mean.</summary>
    public double AllianceSumOfSquares { get; }

    /// <summary>Gets whether the last outcome score reached the expected-response target, or <see langword="null"/>.</summary>
    public bool? ReachedTarget { get; }

    /// <summary>Gets the case-mix covariates, by name (ordinal order).</summary>
    public ImmutableSortedDictionary<string, double> CaseMix { get; }

    /// <summary>Returns a summary without any identifier.</summary>
    /// <returns>Text such as <c>service episode: 12 outcome administrations, paired, 12 alliance ratings</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "service episode: {0} outcome administrations, {1}, {2} alliance ratings", OutcomeAdministrations, IsPaired ? "paired" : "not paired", AllianceSessions);

    private static bool Finite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}

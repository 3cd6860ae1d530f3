using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.ExpectedResponse;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Service;

/// <summary>
/// What the service view measures and how: the outcome and alliance instruments, the outcome's reliable-change value
/// and clinical cutoff (Jacobson &amp; Truax 1991 categories), case-mix covariates, the interval level, the fewest
/// therapists a therapist variance is estimated over, the disclosure policy, an expected-response model for the
/// "reached target" share, and the published benchmarks to compare with.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="Validate"/> checks the rules.</remarks>
public sealed record ServiceOptions
{
    /// <summary>The fewest therapists a therapist variance is estimated over by default: 5 ("a large sample of therapists (at least five, preferably more)" for a random-effects analysis of therapists: PMC3561761, on therapist effects in small randomised trials).</summary>
    public const int DefaultMinimumTherapists = 5;

    /// <summary>Gets the options the library uses when none are given: the ORS as outcome, the SRS as alliance measure.</summary>
    public static ServiceOptions Default { get; } = new();

    /// <summary>Gets the outcome instrument's identifier; <c>ors</c> by default. Its client-rated series give intake and final scores.</summary>
    public string OutcomeInstrument { get; init; } = "ors";

    /// <summary>Gets the alliance instrument's identifier; <c>srs</c> by default. Its client-rated series give the alliance figures.</summary>
    public string AllianceInstrument { get; init; } = "srs";

    /// <summary>Gets whether a higher outcome score is better; <see langword="true"/> by default (the ORS). Set <see langword="false"/> for symptom measures such as the PHQ-9.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Gets the reliable-change value of the outcome measure, in its points: a change at least this large in the better direction is reliable improvement, in the worse direction reliable deterioration. 5 by default (<see cref="OrsNorms.AdultReliableChange"/>, the commonly cited adult ORS value, marked unverified there: give your instrument's).</summary>
    public double ReliableChange { get; init; } = (double)OrsNorms.AdultReliableChange;

    /// <summary>Gets the outcome measure's clinical cutoff, in its points: an intake on the worse side is a clinical case; recovery is ending on the other side (NHS Talking Therapies' definition: a case at the start and not at the end). 25 by default (<see cref="OrsNorms.AdultClinicalCutoff"/>, unverified there: give your instrument's). A score equal to the cutoff is not a case (the ORS flags totals below 25).</summary>
    public double ClinicalCutoff { get; init; } = (double)OrsNorms.AdultClinicalCutoff;

    /// <summary>Gets the names of the case-mix covariates (keys of <see cref="ServiceEpisode.CaseMix"/>) added to the models and to the severity adjustment; empty by default (intake only). An episode without one of them is left out of the models and counted.</summary>
    public ImmutableArray<string> CaseMix { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>Gets the confidence level of every interval; 0.95 by default. Strictly between 0.5 and 1.</summary>
    public double Level { get; init; } = 0.95;

    /// <summary>Gets the fewest therapists with two or more clients that a therapist variance is estimated over; <see cref="DefaultMinimumTherapists"/> by default; 2 or more.</summary>
    public int MinimumTherapists { get; init; } = DefaultMinimumTherapists;

    /// <summary>Gets the reliability a therapist's mean should reach for its effect to be read alone; 0.80 by default (the convention Crits-Christoph et al. 2011 use for a dependable score). The analysis says how many clients per therapist that needs.</summary>
    public double TargetReliability { get; init; } = 0.80;

    /// <summary>Gets the disclosure policy every figure is under; <see cref="DisclosurePolicy.Default"/> by default.</summary>
    public DisclosurePolicy Policy { get; init; } = DisclosurePolicy.Default;

    /// <summary>Gets the expected-response model of the outcome measure the "reached target" share uses (the last score at or beyond the model's expected score for its session from the intake alone, <see cref="IExpectedResponseModel.Expect(double, int)"/>, as OpenFIT's green zone), or <see langword="null"/> (the default) for none.</summary>
    public IExpectedResponseModel? ExpectedResponse { get; init; }

    /// <summary>Gets the published benchmarks the service is compared with; <see cref="PublishedBenchmarks.All"/> by default.</summary>
    public ImmutableArray<PublishedBenchmark> Compare { get; init; } = PublishedBenchmarks.All;

    /// <summary>Returns these options with the expected-response model of <see cref="OutcomeInstrument"/> among <paramref name="models"/> (the first whose instrument it is, ordinal case-insensitive), or none.</summary>
    /// <param name="models">The models at hand (those an analyzer's not-on-track detectors hold, say).</param>
    /// <returns>The options, with <see cref="ExpectedResponse"/> set.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="models"/> is <see langword="null"/>.</exception>
    public ServiceOptions WithExpectedResponseFrom(System.Collections.Generic.IEnumerable<IExpectedResponseModel> models) =>
        this with { ExpectedResponse = Guard.Against.Null(models).FirstOrDefault(m => string.Equals(m.InstrumentId, OutcomeInstrument, System.StringComparison.OrdinalIgnoreCase)) };

    /// <summary>Checks the options (the caller's programmer mistakes).</summary>
    /// <param name="parameterName">The argument's name, for the exception.</param>
    /// <exception cref="System.ArgumentException">Thrown, listing every broken rule, when a rule is broken.</exception>
    public void Validate(string parameterName = "options")
    {
        Policy?.Validate(parameterName);
        new OptionsCheck<ServiceOptions>(this)
            .Require(o => !string.IsNullOrEmpty(o.OutcomeInstrument) && !string.IsNullOrEmpty(o.AllianceInstrument), "OutcomeInstrument and AllianceInstrument must be given.")
            .Require(o => o.ReliableChange > 0 && !double.IsInfinity(o.ReliableChange), "ReliableChange must be a positive finite number of points.")
            .Require(o => !double.IsNaN(o.ClinicalCutoff) && !double.IsInfinity(o.ClinicalCutoff), "ClinicalCutoff must be finite.")
            .Require(o => !o.CaseMix.IsDefault && o.CaseMix.All(IsCovariateName) && o.CaseMix.Distinct().Count() == o.CaseMix.Length, "CaseMix names must be distinct, and each " + CovariateNameRule + ".")
            .Require(o => o.Level is > 0.5 and < 1, "Level must be strictly between 0.5 and 1.")
            .Require(o => o.MinimumTherapists >= 2, "MinimumTherapists must be 2 or more.")
            .Require(o => o.TargetReliability is > 0 and < 1, "TargetReliability must be strictly between 0 and 1.")
            .Require(o => o.Policy is not null, "Policy must be given.")
            .Require(o => !o.Compare.IsDefault, "Compare must be an initialised array (empty for none).")
            .ThrowIfInvalid(parameterName);
    }

    /// <summary>The rule a case-mix covariate's name follows, as messages state it.</summary>
    public const string CovariateNameRule = "a covariate's name has letters, digits, '_' and '.', does not start with a digit, and is not final, intake, alliance, therapist, site or client (names the service models use)";

    /// <summary>Returns whether a name can be a case-mix covariate (<see cref="CovariateNameRule"/>): letters, digits, <c>_</c> and <c>.</c> (ASCII), not starting with a digit, and not a name the service models use (<c>final</c>, <c>intake</c>, <c>alliance</c>, <c>therapist</c>, <c>site</c>, <c>client</c>).</summary>
    /// <param name="name">The name.</param>
    /// <returns><see langword="true"/> when it can.</returns>
    public static bool IsCovariateName(string? name) =>
        !string.IsNullOrEmpty(name) && !char.IsDigit(name![0]) && name.All(c => c is '_' or '.' || (c < 128 && char.IsLetterOrDigit(c))) && !ReservedNames.Contains(name);

    private static readonly string[] ReservedNames = { "final", "intake", "alliance", "therapist", "site", "client" };
}

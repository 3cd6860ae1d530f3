using Ardalis.GuardClauses;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Linkage;

/// <summary>Which alliance and outcome series are linked, and how (<see cref="AllianceLinkage.Pair"/>). Immutable and thread-safe.</summary>
public sealed record LinkageOptions
{
    /// <summary>Gets the defaults: client-rated SRS with client-rated ORS, the next session's outcome, by session number.</summary>
    public static LinkageOptions Default { get; } = new();

    /// <summary>Gets the alliance instrument's identifier (its client-rated series). <c>srs</c> by default.</summary>
    public string AllianceInstrument { get; init; } = "srs";

    /// <summary>Gets the outcome instrument's identifier (its client-rated series). <c>ors</c> by default.</summary>
    public string OutcomeInstrument { get; init; } = "ors";

    /// <summary>Gets the lag, in sessions (or, under <see cref="PairingRule.NextAdministration"/>, in outcome administrations): 0 pairs a session's alliance with the same session's outcome, 1 (the default) with the next. 0 to 20.</summary>
    public int Lag { get; init; } = 1;

    /// <summary>Gets the pairing rule. <see cref="PairingRule.SessionNumber"/> by default.</summary>
    public PairingRule Rule { get; init; } = PairingRule.SessionNumber;

    /// <summary>Gets, under <see cref="PairingRule.NextAdministration"/>, the most sessions an outcome score may lie after the alliance rating it is paired with. 1 to 100; 4 by default.</summary>
    public int MaximumGap { get; init; } = 4;

    /// <summary>Checks the options' rules.</summary>
    /// <param name="parameterName">The argument's name, for the exception.</param>
    /// <exception cref="System.ArgumentException">Thrown when an option breaks its rule, listing every problem.</exception>
    public void Validate(string parameterName = "options") => new OptionsCheck<LinkageOptions>(this)
        .Require(o => !string.IsNullOrWhiteSpace(o.AllianceInstrument) && !string.IsNullOrWhiteSpace(o.OutcomeInstrument), "AllianceInstrument and OutcomeInstrument must be instrument identifiers.")
        .Require(o => !string.Equals(o.AllianceInstrument, o.OutcomeInstrument, System.StringComparison.OrdinalIgnoreCase), "AllianceInstrument and OutcomeInstrument must name two different instruments.")
        .Require(o => o.Lag is >= 0 and <= 20, "Lag must be 0 to 20.")
        .Require(o => o.Rule is PairingRule.SessionNumber or PairingRule.NextAdministration, "Rule must be a defined pairing rule.")
        .Require(o => o.MaximumGap is >= 1 and <= 100, "MaximumGap must be 1 to 100 sessions.")
        .ThrowIfInvalid(parameterName);
}

namespace TherapeuticAlliance.Multilevel;

/// <summary>One conditional mode of a random effect (lme4's <c>ranef(fit, condVar = TRUE)</c>): a therapist's or client's predicted deviation, with its conditional SD.</summary>
/// <param name="Group">The grouping factor.</param>
/// <param name="Level">The level's label (the caller's own identifier).</param>
/// <param name="Term">The term (<c>(Intercept)</c> or a slope's column).</param>
/// <param name="Mode">The conditional mode, in the response's units.</param>
/// <param name="ConditionalSd">Its conditional standard deviation given the estimates (lme4's <c>condVar</c>).</param>
/// <remarks>Immutable and thread-safe. <see cref="object.ToString"/> is overridden and never shows the level.</remarks>
public sealed record ConditionalMode(string Group, string Level, string Term, double Mode, double ConditionalSd)
{
    /// <summary>Returns the group, term and mode, never the level.</summary>
    /// <returns>Text such as <c>therapist (Intercept): 1.77 (SD 0.98)</c>.</returns>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1}: {2:0.###} (SD {3:0.###})", Group, Term, Mode, ConditionalSd);
}

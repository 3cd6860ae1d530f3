using System;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>What a <see cref="MixedExpectedResponseModel"/> was fitted on, and how the fit ended; no client data.</summary>
/// <param name="Episodes">The episodes used.</param>
/// <param name="Scores">The scores (sessions 2 and later) the model was fitted on.</param>
/// <param name="FirstRecorded">The earliest recorded date of the history's scores, if any were dated.</param>
/// <param name="LastRecorded">The latest recorded date, if any.</param>
/// <param name="MinimumIntake">The lowest intake score; predictions below it extrapolate.</param>
/// <param name="MaximumIntake">The highest intake score; predictions above it extrapolate.</param>
/// <param name="MaximumSession">The highest session number; predictions beyond it extrapolate.</param>
/// <param name="RemlCriterion">The REML criterion at convergence (lme4's <c>REMLcrit</c>).</param>
/// <param name="IsSingular">Whether a variance or correlation is at its boundary (lme4's <c>isSingular</c>).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record MixedModelHistory(int Episodes, int Scores, DateTimeOffset? FirstRecorded, DateTimeOffset? LastRecorded, double MinimumIntake, double MaximumIntake, int MaximumSession, double RemlCriterion, bool IsSingular);

using System.Collections.Immutable;

namespace TherapeuticAlliance.Schema;

/// <summary>
/// The one list of statistic and scope names the library's statistics rows use (<see cref="RowSchemas.Statistics"/>):
/// R's names where R has them (<c>psych::alpha</c>'s <c>raw_alpha</c> and <c>std.alpha</c>, <c>psych::ICC</c>'s
/// <c>ICC2</c>, <c>ICC3</c>), so a table joins R output without renaming.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class StatisticNames
{
    /// <summary>Cronbach's alpha from the covariances: <c>raw_alpha</c> (<c>psych::alpha</c>).</summary>
    public const string RawAlpha = "raw_alpha";

    /// <summary>Alpha from the correlations: <c>std.alpha</c> (<c>psych::alpha</c>).</summary>
    public const string StandardizedAlpha = "std.alpha";

    /// <summary>Two-way random, absolute agreement, single rater: <c>ICC2</c> (<c>psych::ICC</c>).</summary>
    public const string Icc2 = "ICC2";

    /// <summary>Two-way mixed, consistency, single rater: <c>ICC3</c> (<c>psych::ICC</c>).</summary>
    public const string Icc3 = "ICC3";

    /// <summary>Pearson's correlation: <c>r</c> (<c>stats::cor</c>).</summary>
    public const string PearsonR = "r";

    /// <summary>The Bland–Altman bias, the mean difference first minus second: <c>bias</c>.</summary>
    public const string Bias = "bias";

    /// <summary>A mean: <c>mean</c>.</summary>
    public const string Mean = "mean";

    /// <summary>A sample standard deviation (n − 1): <c>sd</c>.</summary>
    public const string StandardDeviation = "sd";

    /// <summary>A caseload norm's SD of intake scores: <c>baseline_sd</c>.</summary>
    public const string BaselineStandardDeviation = "baseline_sd";

    /// <summary>A caseload norm's robust SD of change: <c>change_sd</c>.</summary>
    public const string ChangeStandardDeviation = "change_sd";

    /// <summary>The scope of an instrument's total: <c>total</c>.</summary>
    public const string TotalScope = "total";

    /// <summary>The scope of client–therapist agreement on totals: <c>client-therapist</c>.</summary>
    public const string ClientTherapistScope = "client-therapist";

    /// <summary>The prefix of a score summary's scope, followed by the score column (<c>scores/total</c>).</summary>
    public const string ScoresScopePrefix = "scores/";

    /// <summary>The prefix of a caseload norm's scope, followed by perspective (or <c>all</c>) and metric (<c>norm/client/sum</c>).</summary>
    public const string NormScopePrefix = "norm/";

    /// <summary>The perspective part of a norm's scope that pools every perspective: <c>all</c>.</summary>
    public const string AllPerspectives = "all";

    /// <summary>Gets every statistic name above.</summary>
    public static ImmutableArray<string> All { get; } = ImmutableArray.Create(RawAlpha, StandardizedAlpha, Icc2, Icc3, PearsonR, Bias, Mean, StandardDeviation, BaselineStandardDeviation, ChangeStandardDeviation);

    /// <summary>Returns a norm's scope.</summary>
    /// <param name="perspective">The perspective, or <see langword="null"/> for every perspective.</param>
    /// <param name="metric">The metric.</param>
    /// <returns>Text such as <c>norm/client/sum</c>.</returns>
    public static string NormScope(Perspective? perspective, ScoreMetric metric) =>
        NormScopePrefix + (perspective is { } p ? AllianceCodes.ToCode(p) : AllPerspectives) + "/" + AllianceCodes.ToCode(metric);
}

using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Schema;

namespace TherapeuticAlliance.Service;

/// <summary>
/// The published service benchmarks the library ships (sources in <c>REFERENCE-service.md</c>, read at abstract level
/// or from the publisher's summary, as each entry's <see cref="PublishedBenchmark.Source"/> says). Select one or more
/// with <see cref="Find"/> and pass them as <see cref="ServiceOptions.Compare"/>.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public static class PublishedBenchmarks
{
    /// <summary>Gaskell et al. 2022: pre–post effect size in routine practice, depression measures, 0.96.</summary>
    public static PublishedBenchmark GaskellDepression { get; } = new("gaskell-2022-depression", RowSchemas.EffectSize, 0.96, null, null, "routine-practice psychological therapy, depression measures (252 studies, meta-analysis)", "Gaskell et al. 2022, Adm Policy Ment Health, doi 10.1007/s10488-022-01225-y (abstract)");

    /// <summary>Gaskell et al. 2022: pre–post effect size in routine practice, anxiety measures, 0.80.</summary>
    public static PublishedBenchmark GaskellAnxiety { get; } = new("gaskell-2022-anxiety", RowSchemas.EffectSize, 0.80, null, null, "routine-practice psychological therapy, anxiety measures (meta-analysis)", "Gaskell et al. 2022, Adm Policy Ment Health, doi 10.1007/s10488-022-01225-y (abstract)");

    /// <summary>Gaskell et al. 2022: pre–post effect size in routine practice, other outcome measures, 1.01.</summary>
    public static PublishedBenchmark GaskellOther { get; } = new("gaskell-2022-other", RowSchemas.EffectSize, 1.01, null, null, "routine-practice psychological therapy, other outcome measures (meta-analysis)", "Gaskell et al. 2022, Adm Policy Ment Health, doi 10.1007/s10488-022-01225-y (abstract)");

    /// <summary>NHS Talking Therapies, England, April 2025: 26,457 of 54,672 cases reliably recovered (48.4 %).</summary>
    public static PublishedBenchmark NhsTalkingTherapiesApril2025 { get; } = new("nhs-tt-2025-04", RowSchemas.ReliableRecovery, 26457.0 / 54672.0, null, null, "NHS Talking Therapies, England, courses finished in April 2025 (PHQ-9 and GAD-7 caseness)", "NHS England monthly statistics, performance April 2025");

    /// <summary>NHS Talking Therapies, England, 2023/24: reliable recovery 47 %.</summary>
    public static PublishedBenchmark NhsTalkingTherapies2023 { get; } = new("nhs-tt-2023-24", RowSchemas.ReliableRecovery, 0.47, null, null, "NHS Talking Therapies, England, 2023/24 (PHQ-9 and GAD-7 caseness)", "psyreflect.com summary of NHS England data (secondary)");

    /// <summary>NHS Talking Therapies' target for 2026/27: reliable improvement 69 %.</summary>
    public static PublishedBenchmark NhsTalkingTherapiesImprovementTarget { get; } = new("nhs-tt-2026-27-target-improvement", RowSchemas.ReliableImprovement, 0.69, null, null, "NHS Talking Therapies, England, national target for 2026/27", "psyreflect.com summary of NHS England data (secondary)");

    /// <summary>Polaris (Lucet) dashboard: severity-adjusted effect size "typically runs about 0.5" in outpatient behavioural health.</summary>
    public static PublishedBenchmark PolarisSaes { get; } = new("polaris-saes-outpatient", RowSchemas.Saes, 0.5, null, null, "outpatient behavioural health, Polaris Mental Health Analytics Dashboard", "polarishealth.atlassian.net, \"What does Patient Change mean\" (vendor page)");

    /// <summary>OpenFIT: 64 % to 74 % of closed cases ending in the green (target) zone is the normal range.</summary>
    public static PublishedBenchmark OpenFitTarget { get; } = new("openfit-target-range", RowSchemas.ReachedTarget, null, 0.64, 0.74, "ORS services using OpenFIT's expected treatment response", "OpenFIT knowledge base KA-01029/KA-01030 (vendor)");

    /// <summary>Gets every benchmark above, in this order.</summary>
    public static ImmutableArray<PublishedBenchmark> All { get; } = ImmutableArray.Create(GaskellDepression, GaskellAnxiety, GaskellOther, NhsTalkingTherapiesApril2025, NhsTalkingTherapies2023, NhsTalkingTherapiesImprovementTarget, PolarisSaes, OpenFitTarget);

    /// <summary>Finds a benchmark by its <see cref="PublishedBenchmark.Id"/> (ordinal, case-insensitive).</summary>
    /// <param name="id">The identifier.</param>
    /// <returns>The benchmark, or <see langword="null"/> when none has that identifier.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="id"/> is <see langword="null"/>.</exception>
    public static PublishedBenchmark? Find(string id)
    {
        Guard.Against.Null(id);
        return All.FirstOrDefault(b => string.Equals(b.Id, id, StringComparison.OrdinalIgnoreCase));
    }
}

using System;
using System.Collections.Immutable;
using MathNet.Numerics.Distributions;

namespace TherapeuticAlliance.Service;

/// <summary>
/// One group's sums for its benchmark row (<see cref="ServiceBenchmarks"/>): counts, the intake and final scores'
/// means and co-moments (Welford's updates, merged by Chan et al.'s formulas, so a merged group's figures equal the
/// pooled group's to rounding), and the sums the severity adjustment needs. What a site's partial
/// (<see cref="ServicePartial"/>) carries per group; no row of an episode.
/// </summary>
internal sealed class BenchmarkSums
{
    private const double Tolerance = 1e-9;   // a change equal to the reliable-change value is reliable, whatever binary rounding does to it

    internal BenchmarkSums(int covariates) => SumX = new double[covariates];

    internal int Episodes { get; set; }

    internal int Paired { get; set; }

    internal int Alliances { get; set; }

    internal int Improved { get; set; }

    internal int Deteriorated { get; set; }

    internal int Cases { get; set; }

    internal int Recovered { get; set; }

    internal int ReliablyRecovered { get; set; }

    internal int Targets { get; set; }

    internal int Reached { get; set; }

    internal int Adjusted { get; set; }

    internal double SumAlliance { get; set; }

    internal double SumChange { get; set; }

    internal double MeanIntake { get; set; }

    internal double MeanFinal { get; set; }

    internal double M2Intake { get; set; }

    internal double M2Final { get; set; }

    internal double CoMoment { get; set; }

    /// <summary>Gets the sum of the signed change over the adjusted episodes (those with every case-mix covariate).</summary>
    internal double SumY { get; set; }

    /// <summary>Gets the sums of the regressors (intake, then the case mix) over the adjusted episodes.</summary>
    internal double[] SumX { get; }

    /// <summary>Adds an episode.</summary>
    internal void Add(ServiceEpisode e, ServiceOptions options, bool adjusted, double[] x)
    {
        Episodes++;
        if (e.AllianceMean is { } alliance)
        {
            Alliances++;
            SumAlliance += alliance;
        }

        if (!e.IsPaired)
        {
            return;
        }

        double sign = options.HigherIsBetter ? 1 : -1;
        double intake = e.Intake!.Value, final = e.Final!.Value, change = sign * (final - intake);
        Paired++;
        double di = intake - MeanIntake, df = final - MeanFinal;
        MeanIntake += di / Paired;
        MeanFinal += df / Paired;
        M2Intake += di * (intake - MeanIntake);
        M2Final += df * (final - MeanFinal);
        CoMoment += di * (final - MeanFinal);
        SumChange += change;
        bool better = change >= options.ReliableChange - Tolerance;
        Improved += better ? 1 : 0;
        Deteriorated += change <= -options.ReliableChange + Tolerance ? 1 : 0;
        if (Case(intake, options))
        {
            Cases++;
            Recovered += Case(final, options) ? 0 : 1;
            ReliablyRecovered += !Case(final, options) && better ? 1 : 0;
        }

        if (e.ReachedTarget is { } target)
        {
            Targets++;
            Reached += target ? 1 : 0;
        }

        if (adjusted)
        {
            Adjusted++;
            SumY += change;
            for (int a = 0; a < SumX.Length; a++)
            {
                SumX[a] += x[a];
            }
        }
    }

    /// <summary>Adds another group's sums (disjoint episodes): Chan et al.'s (1979) pairwise update of the means and co-moments.</summary>
    internal void Merge(BenchmarkSums other)
    {
        int n = Paired + other.Paired;
        if (n > 0 && other.Paired > 0)
        {
            double di = other.MeanIntake - MeanIntake, df = other.MeanFinal - MeanFinal, w = Paired * (double)other.Paired / n;
            M2Intake += other.M2Intake + (di * di * w);
            M2Final += other.M2Final + (df * df * w);
            CoMoment += other.CoMoment + (di * df * w);
            MeanIntake += di * other.Paired / n;
            MeanFinal += df * other.Paired / n;
        }

        Episodes += other.Episodes;
        Paired = n;
        Alliances += other.Alliances;
        Improved += other.Improved;
        Deteriorated += other.Deteriorated;
        Cases += other.Cases;
        Recovered += other.Recovered;
        ReliablyRecovered += other.ReliablyRecovered;
        Targets += other.Targets;
        Reached += other.Reached;
        Adjusted += other.Adjusted;
        SumAlliance += other.SumAlliance;
        SumChange += other.SumChange;
        SumY += other.SumY;
        for (int a = 0; a < SumX.Length; a++)
        {
            SumX[a] += other.SumX[a];
        }
    }

    /// <summary>The group's benchmark row under the options' disclosure policy.</summary>
    /// <param name="grouping">The grouping.</param>
    /// <param name="name">The group.</param>
    /// <param name="options">The options.</param>
    /// <param name="severity">The caseload's severity regression (null when it could not be fitted).</param>
    internal ServiceBenchmark ToRow(ServiceGrouping grouping, string name, ServiceOptions options, SeverityRegression? severity)
    {
        DisclosurePolicy policy = options.Policy;
        int n = Paired;
        int? episodes = policy.Count(Episodes), pairs = policy.Count(n);
        if (!policy.Allows(n))
        {
            return new ServiceBenchmark(grouping, name, episodes, pairs, true, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        double sdIntake = n >= 2 ? Math.Sqrt(M2Intake / (n - 1)) : double.NaN;
        double? d = null, low = null, high = null;
        if (n >= 2 && sdIntake > 0)
        {
            double effect = SumChange / n / sdIntake;
            double r = CoMoment / Math.Sqrt(M2Intake * M2Final);
            double se = Math.Sqrt((2 * (1 - r) / n) + (effect * effect / (2 * n)));
            double z = Normal.InvCDF(0, 1, (1 + options.Level) / 2);
            (d, low, high) = (effect, double.IsNaN(se) ? null : effect - (z * se), double.IsNaN(se) ? null : effect + (z * se));
        }

        return new ServiceBenchmark(
            grouping,
            name,
            episodes,
            pairs,
            false,
            MeanIntake,
            MeanFinal,
            d,
            low,
            high,
            Adjusted > 0 && severity is not null ? severity.AdjustedEffectSize(this) : null,
            Improved / (double)n,
            Deteriorated / (double)n,
            policy.Count(Cases),
            Cases == 0 ? null : Recovered / (double)Cases,
            Cases == 0 ? null : ReliablyRecovered / (double)Cases,
            Targets == 0 ? null : Reached / (double)Targets,
            policy.Allows(Alliances) ? SumAlliance / Alliances : null,
            n / (double)Episodes);
    }

    /// <summary>A copy, for merging into without changing a partial.</summary>
    internal BenchmarkSums Copy()
    {
        var copy = new BenchmarkSums(SumX.Length);
        copy.Merge(this);
        return copy;
    }

    private static bool Case(double score, ServiceOptions options) => options.HigherIsBetter ? score < options.ClinicalCutoff : score > options.ClinicalCutoff;
}

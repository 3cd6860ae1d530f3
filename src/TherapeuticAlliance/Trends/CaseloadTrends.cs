using System;
using System.Collections.Immutable;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>
/// The caseload path in columnar form: the trajectory's slope, reliable change, drops from the previous session and
/// sudden gains and losses over a whole caseload held as <see cref="EpisodeColumns"/>, with no object per episode and
/// findings made only where found. The rules are the object path's own: the same OLS fit as
/// <see cref="TrajectoryDetector"/>, the same reliable change as <see cref="ReliableChangeDetector"/>, the same drop
/// rule as <see cref="FeedbackRulesDetector"/> (in decimal, as it compares), and the same three criteria as
/// <see cref="SuddenGainsAndLossesDetector"/>; a property test checks that both paths give the same results.
/// </summary>
/// <remarks>
/// Use it where a caseload's trends are screened or researched in bulk (10⁵ episodes and more); use
/// <see cref="Reports.EpisodeAnalyzer"/> for reports, alerts and guidance, which need the episodes' objects. All members
/// are thread-safe.
/// </remarks>
internal static class CaseloadTrends
{
    /// <summary>Scans a caseload.</summary>
    /// <param name="caseload">The episodes as score columns.</param>
    /// <param name="reliableChange">The reliable change rule; its <see cref="ReliableChangeOptions.StandardDeviation"/> and <see cref="ReliableChangeOptions.Reliability"/> are required here (the columns carry no norms or instrument), and its <see cref="ReliableChangeOptions.Measure"/> and <see cref="ReliableChangeOptions.ClinicalCutoff"/> are not used.</param>
    /// <param name="suddenGainsAndLosses">The sudden gains and losses rule, or <see langword="null"/> to skip it.</param>
    /// <param name="dropThreshold">The drop from the previous session, in points, that is a finding (for the SRS, 1: Miller, Duncan &amp; Hubble's rule); <see langword="null"/> to skip it.</param>
    /// <returns>The scan.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="caseload"/> or <paramref name="reliableChange"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an option is invalid (as the detectors' constructors check them), the reliable change options lack an SD or a reliability, or <paramref name="dropThreshold"/> is not positive.</exception>
    public static CaseloadTrendScan Scan(EpisodeColumns caseload, ReliableChangeOptions reliableChange, SuddenGainsAndLossesOptions? suddenGainsAndLosses = null, decimal? dropThreshold = null)
    {
        Guard.Against.Null(caseload);
        Guard.Against.Null(reliableChange);
        _ = new ReliableChangeDetector(reliableChange);
        if (reliableChange.StandardDeviation is not { } sd || reliableChange.Reliability is not { } reliability)
        {
            throw new ArgumentException("Give the reliable change options a StandardDeviation and a Reliability: a caseload's columns carry no norms or instrument.", nameof(reliableChange));
        }

        Guard.Against.InvalidInput(dropThreshold, nameof(dropThreshold), static d => d is null or > 0m, "The drop threshold must be positive when given.");
        double? absolute = null;
        if (suddenGainsAndLosses is not null)
        {
            _ = new SuddenGainsAndLossesDetector(suddenGainsAndLosses);
            absolute = suddenGainsAndLosses.AbsoluteChange ?? ReliableChange.ReliableChangeValue(suddenGainsAndLosses.StandardDeviation!.Value, suddenGainsAndLosses.Reliability!.Value, suddenGainsAndLosses.Z);
        }

        double z = reliableChange.Z ?? ReliableChange.Z95;
        int count = caseload.EpisodeCount;
        var slopes = new double[count];
        var intercepts = new double[count];
        var indexes = new double[count];
        var directions = new ChangeDirection[count];
        ImmutableArray<CaseloadFinding>.Builder findings = ImmutableArray.CreateBuilder<CaseloadFinding>();
        for (int e = 0; e < count; e++)
        {
            ReadOnlySpan<double> t = caseload.GetSessions(e);
            ReadOnlySpan<double> y = caseload.GetValues(e);
            int n = y.Length;
            if (n < 2)
            {
                slopes[e] = intercepts[e] = indexes[e] = double.NaN;
                directions[e] = ChangeDirection.Unchanged;
                continue;
            }

            Line line = Line.Fit(t, y);
            slopes[e] = line.Slope;
            intercepts[e] = line.Intercept;
            (_, _, indexes[e], directions[e]) = ReliableChange.Classify(y[0], y[n - 1], sd, reliability, z, reliableChange.HigherIsBetter);
            if (dropThreshold is { } threshold)
            {
                Drops(findings, e, t, y, threshold);
            }

            if (suddenGainsAndLosses is not null && n >= 4)
            {
                SuddenChanges(findings, e, t, y, absolute, suddenGainsAndLosses);
            }
        }

        return new CaseloadTrendScan(slopes, intercepts, indexes, directions, findings.ToImmutable());
    }

    /// <summary>Every drop of at least the threshold, compared in decimal as <see cref="FeedbackRulesDetector"/> compares scores.</summary>
    private static void Drops(ImmutableArray<CaseloadFinding>.Builder findings, int episode, ReadOnlySpan<double> t, ReadOnlySpan<double> y, decimal threshold)
    {
        // A cheap test in doubles first, so only near-threshold drops pay for the decimal comparison.
        double near = ((double)threshold) - 1e-6;
        for (int i = 1; i < y.Length; i++)
        {
            if (y[i - 1] - y[i] >= near)
            {
                decimal drop = (decimal)y[i - 1] - (decimal)y[i];
                if (drop >= threshold)
                {
                    findings.Add(new CaseloadFinding(episode, CaseloadFindingKind.DropFromPrevious, (int)t[i], (double)drop));
                }
            }
        }
    }

    /// <summary>
    /// Every interval the three criteria accept, with the windows <see cref="SuddenGainsAndLossesDetector"/> lays out
    /// over the series with missing sessions as NaN (up to three sessions either side, clipped at the first and last
    /// session), built from the scores around each pair of consecutive sessions, so a gap costs nothing.
    /// </summary>
    private static void SuddenChanges(ImmutableArray<CaseloadFinding>.Builder findings, int episode, ReadOnlySpan<double> t, ReadOnlySpan<double> y, double? absolute, SuddenGainsAndLossesOptions options)
    {
        Span<double> pre = stackalloc double[3];
        Span<double> post = stackalloc double[3];
        long first = (long)t[0];
        long last = (long)t[y.Length - 1];

        // Only a pair of consecutive sessions, both scored, can be a sudden change; the first session cannot be N.
        for (int i = 1; i < y.Length - 1; i++)
        {
            long session = (long)t[i];
            if ((long)t[i + 1] != session + 1)
            {
                continue;
            }

            long preStart = Math.Max(first, session - 2);
            long postEnd = Math.Min(last, session + 3);
            Span<double> before = pre.Slice(0, (int)(session - preStart + 1));
            Span<double> after = post.Slice(0, (int)(postEnd - session));
            before.Fill(double.NaN);
            after.Fill(double.NaN);
            for (int j = i; j >= 0 && (long)t[j] >= preStart; j--)
            {
                before[(int)((long)t[j] - preStart)] = y[j];
            }

            for (int j = i + 1; j < y.Length && (long)t[j] <= postEnd; j++)
            {
                after[(int)((long)t[j] - session - 1)] = y[j];
            }

            if (SuddenGainsAndLossesCriteria.Core(before, after, absolute, options.RelativeChange, options.Alpha, options.HigherIsBetter) is { IsSuddenGainOrLoss: true } change)
            {
                findings.Add(new CaseloadFinding(episode, change.Kind == SuddenChangeKind.Gain ? CaseloadFindingKind.SuddenGain : CaseloadFindingKind.SuddenLoss, (int)session, change.Change));
            }
        }
    }
}

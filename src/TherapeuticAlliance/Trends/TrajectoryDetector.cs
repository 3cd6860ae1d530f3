using System;
using System.Collections.Immutable;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Describes the course of an episode: ordinary least-squares slope and intercept over session number, the slope's standard error, the early alliance and ceiling statistics.</summary>
/// <remarks>
/// <para>Slope <c>b = Σ(tᵢ − t̄)(yᵢ − ȳ) / Σ(tᵢ − t̄)²</c>, intercept <c>a = ȳ − b·t̄</c> (R: <c>lm(score ~ session)</c>);
/// slope standard error <c>√(Σ residual² / (n − 2) / Σ(tᵢ − t̄)²)</c> (NaN with two sessions). The early alliance is
/// the mean over the sessions in a window, by default sessions 3–5: the WAI was designed for use after the third
/// interview (Horvath 1981), WAI and WAI-S were studied after session 4 (Busseri &amp; Tyler 2003), and session-3
/// SRS predicted outcome (She et al. 2023). Ceiling statistics: the share of sessions at the scale maximum and the
/// first session that drops from it. Needs at least two sessions. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class TrajectoryDetector : ITrendDetector
{
    /// <summary>The default name, <c>trajectory</c>.</summary>
    public const string DefaultName = "trajectory";

    private readonly int _first;
    private readonly int _last;

    /// <summary>Initializes a new instance of the <see cref="TrajectoryDetector"/> class with default options.</summary>
    public TrajectoryDetector()
        : this(new TrajectoryOptions())
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TrajectoryDetector"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the window is empty or the name is invalid.</exception>
    public TrajectoryDetector(TrajectoryOptions options)
    {
        Guard.Against.Null(options);
        new OptionsCheck<TrajectoryOptions>(options)
            .Require(o => o.EarlyWindowFirstSession >= 1 && o.EarlyWindowLastSession >= o.EarlyWindowFirstSession, "EarlyWindowFirstSession must be at least 1 and EarlyWindowLastSession at least EarlyWindowFirstSession.")
            .ThrowIfInvalid(nameof(options));
        Name = StrategyNames.Validate(options.Name, DefaultName, nameof(options));
        _first = options.EarlyWindowFirstSession;
        _last = options.EarlyWindowLastSession;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string Version => "1.0";

    /// <inheritdoc/>
    public DetectionResult Detect(Episode episode)
    {
        Guard.Against.Null(episode);
        if (episode.Count < 2)
        {
            return new NotApplicable(Name, "A trajectory needs at least two sessions.");
        }

        ReadOnlySpan<double> t = episode.Sessions;
        ReadOnlySpan<double> y = episode.Values;
        Line line = Line.Fit(t, y);

        double earlySum = 0.0;
        int earlyCount = 0;
        int atCeiling = 0;
        int? firstDrop = null;
        for (int i = 0; i < episode.Count; i++)
        {
            AllianceScore score = episode.Scores[i];
            int session = score.Occasion.SessionNumber;
            if (session >= _first && session <= _last)
            {
                earlySum += y[i];
                earlyCount++;
            }

            if (score.Value == episode.Maximum)
            {
                atCeiling++;
            }
            else if (firstDrop is null && i > 0 && episode.Scores[i - 1].Value == episode.Maximum)
            {
                firstDrop = session;
            }
        }

        var finding = new TrajectoryFinding(
            Name,
            episode.Scores.Select(s => s.Occasion.SessionNumber),
            _first,
            _last,
            line.Slope,
            line.Intercept,
            line.SlopeStandardError,
            line.MeanY,
            line.StandardDeviationY,
            earlyCount > 0 ? earlySum / earlyCount : double.NaN,
            (double)atCeiling / episode.Count,
            firstDrop,
            episode.Measure);
        return new Detection(Name, Version, ImmutableArray.Create<TrendFinding>(finding));
    }
}

/// <summary>Ordinary least squares of y on t, with the slope's standard error.</summary>
internal readonly struct Line
{
    private Line(double slope, double intercept, double slopeStandardError, double meanY, double standardDeviationY)
    {
        Slope = slope;
        Intercept = intercept;
        SlopeStandardError = slopeStandardError;
        MeanY = meanY;
        StandardDeviationY = standardDeviationY;
    }

    internal double Slope { get; }

    internal double Intercept { get; }

    internal double SlopeStandardError { get; }

    internal double MeanY { get; }

    internal double StandardDeviationY { get; }

    internal static Line Fit(ReadOnlySpan<double> t, ReadOnlySpan<double> y)
    {
        int n = t.Length;
        double mt = 0.0;
        double my = 0.0;
        for (int i = 0; i < n; i++)
        {
            mt += t[i];
            my += y[i];
        }

        mt /= n;
        my /= n;
        double stt = 0.0;
        double sty = 0.0;
        double syy = 0.0;
        for (int i = 0; i < n; i++)
        {
            double dt = t[i] - mt;
            double dy = y[i] - my;
            stt += dt * dt;
            sty += dt * dy;
            syy += dy * dy;
        }

        double slope = sty / stt;
        double intercept = my - (slope * mt);
        double residual = 0.0;
        for (int i = 0; i < n; i++)
        {
            double e = y[i] - (intercept + (slope * t[i]));
            residual += e * e;
        }

        double se = n > 2 ? Math.Sqrt(residual / (n - 2) / stt) : double.NaN;
        return new Line(slope, intercept, se, my, Math.Sqrt(syy / (n - 1)));
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Trends;

/// <summary>Represents one client's scores of one instrument from one perspective, in session order: the input of every trend detector.</summary>
/// <remarks>
/// <para>Create episodes with <see cref="Create"/> or group many scores at once with <see cref="Episodes"/>. An
/// episode always has at least one score, strictly increasing session numbers, timestamps (where given) that
/// never go back in time, and a single instrument, perspective and metric.</para>
/// <para><see cref="Id"/> is opaque to the library and never appears in <see cref="ToString"/> or any message. This
/// type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Episode
{
    private readonly double[] _sessions;
    private readonly double[] _values;

    private Episode(string id, ImmutableArray<AllianceScore> scores, ScoreCutoff? cutoff, ImmutableArray<EpisodeProblem> excluded, ReferenceNorm? reference = null, ImmutableArray<CareKeys> care = default)
    {
        Id = id;
        Care = care.IsDefault ? ImmutableArray.CreateRange(scores, _ => CareKeys.None) : care;
        Reference = reference;
        Scores = scores;
        Cutoff = cutoff;
        ExcludedSessions = excluded;
        AllianceScore first = scores[0];
        InstrumentId = first.Provenance.InstrumentId;
        Perspective = first.Perspective;
        Metric = first.Metric;
        Minimum = first.Minimum;
        Maximum = first.Maximum;
        Measure = first.Measure;
        Reliability = first.Reliability;
        _sessions = scores.Select(s => (double)s.Occasion.SessionNumber).ToArray();
        _values = scores.Select(s => (double)s.Value).ToArray();
    }

    /// <summary>Gets the caller's episode identifier (opaque to the library).</summary>
    public string Id { get; }

    /// <summary>Gets the identifier of the instrument scored.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets who rated.</summary>
    public Perspective Perspective { get; }

    /// <summary>Gets the metric of the scores.</summary>
    public ScoreMetric Metric { get; }

    /// <summary>Gets the lowest possible score.</summary>
    public decimal Minimum { get; }

    /// <summary>Gets the highest possible score (the ceiling).</summary>
    public decimal Maximum { get; }

    /// <summary>Gets the cutoff that applies to the scores, if any (for the SRS: sum below 36).</summary>
    public ScoreCutoff? Cutoff { get; }

    /// <summary>Gets what the instrument measures (from the scores): alliance detectors, alerts, wording and guidance apply to <see cref="MeasureKind.Alliance"/> only; outcome measures get outcome findings.</summary>
    public MeasureKind Measure { get; }

    /// <summary>Gets the reliability coefficient of the scores' total (from the scores; see <see cref="Instrument.Reliability"/>), or <see langword="null"/> when none is known.</summary>
    public double? Reliability { get; }

    /// <summary>
    /// Gets the reference group the episode is judged against: a norm the caller supplies or the caseload being
    /// analysed (see <see cref="ReferenceNorms"/>); <see langword="null"/> when there is none. The rupture rule takes
    /// the stricter of this SD and the client's own (Gumz et al. 2012), and reliable change uses it when no SD is
    /// configured.
    /// </summary>
    public ReferenceNorm? Reference { get; }

    /// <summary>Returns a copy of this episode judged against another reference group.</summary>
    /// <param name="reference">The reference norm, in the episode's metric; <see langword="null"/> for none.</param>
    /// <returns>The copy (the same scores and exclusions).</returns>
    public Episode WithReference(ReferenceNorm? reference) => new(Id, Scores, Cutoff, ExcludedSessions, reference, Care);

    /// <summary>
    /// Gets who treated the client and where at each session, parallel to <see cref="Scores"/>
    /// (<see cref="CareKeys.None"/> where nothing is recorded). A change of therapist within the episode shows here;
    /// <see cref="EpisodeCare"/> summarises it (the current therapist and site, every therapist in order).
    /// </summary>
    public ImmutableArray<CareKeys> Care { get; }

    /// <summary>Returns a copy of this episode with who treated and where at each session.</summary>
    /// <param name="bySession">The keys of each session number; sessions the episode does not hold are ignored, and sessions it holds that are missing get <see cref="CareKeys.None"/>.</param>
    /// <returns>The copy (the same scores, exclusions and reference).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="bySession"/> is <see langword="null"/> or holds a <see langword="null"/> value.</exception>
    public Episode WithCare(IReadOnlyDictionary<int, CareKeys> bySession)
    {
        Guard.Against.Null(bySession);
        return new(Id, Scores, Cutoff, ExcludedSessions, Reference, Scores.Select(s => bySession.TryGetValue(s.Occasion.SessionNumber, out CareKeys? keys) ? Guard.Against.Null(keys, nameof(bySession)) : CareKeys.None).ToImmutableArray());
    }

    /// <summary>Gets the scores in session order.</summary>
    public ImmutableArray<AllianceScore> Scores { get; }

    /// <summary>Gets the number of sessions scored.</summary>
    public int Count => Scores.Length;

    /// <summary>
    /// Gets the sessions left out of <see cref="Scores"/> under <see cref="InconsistentSessionHandling.ExcludeSession"/>,
    /// one problem per score left out (kind <see cref="EpisodeProblemKind.DuplicateSession"/>,
    /// <see cref="EpisodeProblemKind.OutOfOrder"/> or <see cref="EpisodeProblemKind.UnscorableSession"/>), in session
    /// order; empty when every score was used.
    /// </summary>
    public ImmutableArray<EpisodeProblem> ExcludedSessions { get; }

    /// <summary>
    /// Gets the index of the first score of the run of flagged sessions that ends with the latest score (a state's
    /// "since session n"), never below <paramref name="floor"/>; the latest score's index when only it is flagged.
    /// </summary>
    /// <param name="isFlagged">Whether a session number is flagged; the latest session must be.</param>
    /// <param name="floor">The lowest index the run may reach back to.</param>
    internal int LatestRunStart(Func<int, bool> isFlagged, int floor = 0)
    {
        int first = Count - 1;
        while (first > floor && isFlagged(Scores[first - 1].Occasion.SessionNumber))
        {
            first--;
        }

        return first;
    }

    /// <summary>Gets the session numbers as doubles, in order, without allocating.</summary>
    internal ReadOnlySpan<double> Sessions => _sessions;

    /// <summary>Gets the score values as doubles, in session order, without allocating.</summary>
    internal ReadOnlySpan<double> Values => _values;

    /// <summary>Creates an episode from scores in any order.</summary>
    /// <param name="id">The caller's episode identifier; opaque to the library.</param>
    /// <param name="scores">The scores; they are sorted by session number.</param>
    /// <param name="cutoff">The cutoff that applies; <see langword="null"/> for the one the scores carry (<see cref="AllianceScore.Cutoff"/> of the first score), which is the instrument's when the scores are in its metric.</param>
    /// <param name="handling">
    /// What a duplicated or out-of-order session does: <see cref="InconsistentSessionHandling.RejectEpisode"/> (the
    /// default) makes the whole episode an <see cref="InvalidEpisode"/>; <see cref="InconsistentSessionHandling.ExcludeSession"/>
    /// leaves those sessions out, keeps the rest and lists what it left out in <see cref="ExcludedSessions"/>.
    /// </param>
    /// <returns>
    /// The episode, or <see cref="InvalidEpisode"/> listing every problem: no scores (or none left), mixed instruments,
    /// perspectives or metrics (always), and under <see cref="InconsistentSessionHandling.RejectEpisode"/> a duplicated
    /// session or timestamps out of order.
    /// </returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="id"/> or <paramref name="scores"/> is or contains <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="handling"/> is not a defined value.</exception>
    /// <remarks>
    /// Under <see cref="InconsistentSessionHandling.ExcludeSession"/> every score of a duplicated session is left out
    /// (nothing tells which one is right), and of the dated sessions the longest run in session order whose dates never
    /// go back is kept (of equally long runs, the one spanning the shortest time): a year typo in one session's date
    /// leaves out that session alone, wherever it stands. This is a design choice, not a published rule: it keeps a
    /// client's series, and every session it leaves out is reported.
    /// </remarks>
    public static EpisodeResult Create(string id, IEnumerable<AllianceScore> scores, ScoreCutoff? cutoff = null, InconsistentSessionHandling handling = InconsistentSessionHandling.RejectEpisode)
    {
        Guard.Against.Null(id);
        Guard.Against.Null(scores);
        Episodes.CheckHandling(handling);
        return CreateCore(id, scores.Select(s => Guard.Against.Null(s, nameof(scores))).ToArray(), cutoff, handling, ImmutableArray<EpisodeProblem>.Empty);
    }

    /// <summary>Creates an episode from checked arguments; <paramref name="alreadyExcluded"/> lists sessions the caller left out.</summary>
    internal static EpisodeResult CreateCore(string id, AllianceScore[] sorted, ScoreCutoff? cutoff, InconsistentSessionHandling handling, ImmutableArray<EpisodeProblem> alreadyExcluded)
    {
        Array.Sort(sorted, (a, b) => a.Occasion.CompareTo(b.Occasion));
        var problems = ImmutableArray.CreateBuilder<EpisodeProblem>();
        if (sorted.Length == 0)
        {
            problems.AddRange(alreadyExcluded);
            problems.Add(new EpisodeProblem(EpisodeProblemKind.Empty, null, "The episode has no scores."));
            return new InvalidEpisode(problems.ToImmutable());
        }

        AllianceScore first = sorted[0];
        if (sorted.Any(s => s.Provenance.InstrumentId != first.Provenance.InstrumentId))
        {
            problems.Add(new EpisodeProblem(EpisodeProblemKind.MixedInstruments, null, "The scores come from more than one instrument. Build one episode per instrument."));
        }

        if (sorted.Any(s => s.Perspective != first.Perspective))
        {
            problems.Add(new EpisodeProblem(EpisodeProblemKind.MixedPerspectives, null, "The scores come from more than one perspective. Build one episode per perspective."));
        }

        if (sorted.Any(s => s.Metric != first.Metric || s.Minimum != first.Minimum || s.Maximum != first.Maximum))
        {
            problems.Add(new EpisodeProblem(EpisodeProblemKind.MixedMetrics, null, "The scores are in more than one metric or range. Score every session with the same strategy."));
        }

        if (problems.Count > 0)
        {
            return new InvalidEpisode(problems.ToImmutable());
        }

        cutoff ??= first.Cutoff;
        return handling == InconsistentSessionHandling.RejectEpisode
            ? CreateStrict(id, sorted, cutoff)
            : CreateExcluding(id, sorted, cutoff, alreadyExcluded);
    }

    /// <summary>Builds the episode, or rejects it whole when a session is duplicated or dated out of order.</summary>
    private static EpisodeResult CreateStrict(string id, AllianceScore[] sorted, ScoreCutoff? cutoff)
    {
        var problems = ImmutableArray.CreateBuilder<EpisodeProblem>();
        DateTimeOffset? latest = null;
        for (int i = 0; i < sorted.Length; i++)
        {
            Occasion occasion = sorted[i].Occasion;
            if (i > 0 && occasion.SessionNumber == sorted[i - 1].Occasion.SessionNumber)
            {
                problems.Add(Duplicate(occasion.SessionNumber));
            }

            if (occasion.RecordedAt is { } at)
            {
                if (latest is { } previous && at < previous)
                {
                    problems.Add(new EpisodeProblem(
                        EpisodeProblemKind.OutOfOrder,
                        occasion.SessionNumber,
                        string.Format(CultureInfo.InvariantCulture, "Session {0} is dated before an earlier session. Check the session numbers and dates.", occasion.SessionNumber)));
                }

                latest = latest is { } l && l > at ? l : at;
            }
        }

        return problems.Count > 0
            ? new InvalidEpisode(problems.ToImmutable())
            : new Episode(id, ImmutableArray.Create(sorted), cutoff, ImmutableArray<EpisodeProblem>.Empty);
    }

    /// <summary>
    /// Builds the episode from the consistent sessions: every score of a duplicated session is left out, then the
    /// dated scores outside the longest chain of non-decreasing dates (in session order).
    /// </summary>
    private static EpisodeResult CreateExcluding(string id, AllianceScore[] sorted, ScoreCutoff? cutoff, ImmutableArray<EpisodeProblem> alreadyExcluded)
    {
        var excluded = new List<EpisodeProblem>(alreadyExcluded);
        var unique = new List<AllianceScore>(sorted.Length);
        for (int i = 0; i < sorted.Length;)
        {
            int j = i + 1;
            while (j < sorted.Length && sorted[j].Occasion.SessionNumber == sorted[i].Occasion.SessionNumber)
            {
                j++;
            }

            if (j - i == 1)
            {
                unique.Add(sorted[i]);
            }
            else
            {
                for (int k = i; k < j; k++)
                {
                    excluded.Add(Duplicate(sorted[i].Occasion.SessionNumber, leftOut: true));
                }
            }

            i = j;
        }

        bool[] keep = LongestChainOfDates(unique);
        var kept = ImmutableArray.CreateBuilder<AllianceScore>(unique.Count);
        for (int i = 0; i < unique.Count; i++)
        {
            if (keep[i])
            {
                kept.Add(unique[i]);
                continue;
            }

            int session = unique[i].Occasion.SessionNumber;
            excluded.Add(new EpisodeProblem(
                EpisodeProblemKind.OutOfOrder,
                session,
                string.Format(CultureInfo.InvariantCulture, "Session {0} is dated out of order with the other sessions and was left out. Check its session number and date.", session)));
        }

        excluded.Sort(static (a, b) => Nullable.Compare(a.Session, b.Session));
        if (kept.Count == 0)
        {
            excluded.Add(new EpisodeProblem(EpisodeProblemKind.Empty, null, "No session of the episode is left to analyse."));
            return new InvalidEpisode(excluded.ToImmutableArray());
        }

        return new Episode(id, kept.ToImmutable(), cutoff, excluded.ToImmutableArray());
    }

    /// <summary>
    /// Marks the scores to keep: every undated score, and of the dated ones the longest subsequence (in session order)
    /// whose dates never decrease. Among equally long chains the one spanning the shortest time is kept, because a
    /// mistyped date lies far from the others: with session 2 typed a year early, keeping session 1 spans weeks and
    /// keeping session 2 spans a year. Found by dynamic programming in O(n²) over the dated sessions (episodes are short).
    /// </summary>
    private static bool[] LongestChainOfDates(List<AllianceScore> scores)
    {
        var keep = new bool[scores.Count];
        var dated = new List<int>(scores.Count);
        for (int i = 0; i < scores.Count; i++)
        {
            if (scores[i].Occasion.RecordedAt is null)
            {
                keep[i] = true;
            }
            else
            {
                dated.Add(i);
            }
        }

        int n = dated.Count;
        if (n == 0)
        {
            return keep;
        }

        // For each dated score d: the length of the longest chain ending at d, the latest possible first date of such
        // a chain (the latest start gives the shortest span), and the previous score on it.
        var length = new int[n];
        var first = new DateTimeOffset[n];
        var previous = new int[n];
        int best = 0;
        for (int d = 0; d < n; d++)
        {
            DateTimeOffset at = scores[dated[d]].Occasion.RecordedAt!.Value;
            (length[d], first[d], previous[d]) = (1, at, -1);
            for (int e = 0; e < d; e++)
            {
                if (scores[dated[e]].Occasion.RecordedAt!.Value <= at
                    && (length[e] + 1 > length[d] || (length[e] + 1 == length[d] && first[e] > first[d])))
                {
                    (length[d], first[d], previous[d]) = (length[e] + 1, first[e], e);
                }
            }

            TimeSpan span = at - first[d];
            TimeSpan bestSpan = scores[dated[best]].Occasion.RecordedAt!.Value - first[best];
            if (length[d] > length[best] || (length[d] == length[best] && span < bestSpan))
            {
                best = d;
            }
        }

        for (int d = best; d >= 0; d = previous[d])
        {
            keep[dated[d]] = true;
        }

        return keep;
    }

    private static EpisodeProblem Duplicate(int session, bool leftOut = false) => new(
        EpisodeProblemKind.DuplicateSession,
        session,
        string.Format(
            CultureInfo.InvariantCulture,
            leftOut ? "Session {0} is scored more than once; every score of it was left out. Keep one score per session." : "Session {0} is scored more than once. Keep one score per session.",
            session));

    /// <summary>Returns a description without the identifier, such as <c>srs, Client, 12 sessions</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}, {1}, {2} sessions", InstrumentId, Perspective, Count);
}

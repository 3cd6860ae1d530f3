using System;
using System.Collections.Generic;
using System.Linq;

namespace TherapeuticAlliance.Service;

/// <summary>
/// What the dependability's REML criterion (<see cref="NestedReml"/>) needs of the rated clients, which is less than
/// their rows: per therapist and number of rated sessions n, how many clients have it, the mean of their mean ratings
/// and the sum of squared deviations of those means from it (Welford's updates, merged by Chan et al.'s formulas);
/// the within-client sum of squares and the number of ratings over all. A site's partial carries these cells, and
/// merged cells give the pooled fit.
/// </summary>
internal sealed class DependabilitySums
{
    /// <summary>Gets the cells of each therapist, by number of rated sessions.</summary>
    internal Dictionary<string, Dictionary<int, Cell>> ByTherapist { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the cells of clients without a therapist, by number of rated sessions.</summary>
    internal Dictionary<int, Cell> Unassigned { get; } = new();

    /// <summary>Gets the within-client sum of squares of all ratings.</summary>
    internal double Within { get; set; }

    /// <summary>Gets the number of ratings.</summary>
    internal long Ratings { get; set; }

    /// <summary>Gets the number of rated clients.</summary>
    internal int Clients { get; set; }

    /// <summary>Gets whether some client has two or more ratings (else session variance cannot be told from client variance).</summary>
    internal bool Repeated { get; set; }

    /// <summary>The sums of the episodes' alliance ratings (clients without ratings are skipped).</summary>
    internal static DependabilitySums From(IEnumerable<ServiceEpisode> episodes)
    {
        var sums = new DependabilitySums();
        foreach (ServiceEpisode e in episodes)
        {
            if (e.AllianceSessions == 0)
            {
                continue;
            }

            sums.Clients++;
            sums.Ratings += e.AllianceSessions;
            sums.Within += e.AllianceSumOfSquares;
            sums.Repeated |= e.AllianceSessions > 1;
            Dictionary<int, Cell> cells = e.Therapist is { } therapist ? sums.CellsOf(therapist) : sums.Unassigned;
            if (!cells.TryGetValue(e.AllianceSessions, out Cell? cell))
            {
                cells[e.AllianceSessions] = cell = new Cell();
            }

            cell.Add(e.AllianceMean!.Value);
        }

        return sums;
    }

    /// <summary>Adds another set of sums (of other clients) into this one.</summary>
    internal void Merge(DependabilitySums other)
    {
        Clients += other.Clients;
        Ratings += other.Ratings;
        Within += other.Within;
        Repeated |= other.Repeated;
        foreach (KeyValuePair<string, Dictionary<int, Cell>> therapist in other.ByTherapist)
        {
            MergeCells(CellsOf(therapist.Key), therapist.Value);
        }

        MergeCells(Unassigned, other.Unassigned);
    }

    /// <summary>A copy, for merging into without changing a partial.</summary>
    internal DependabilitySums Copy()
    {
        var copy = new DependabilitySums();
        copy.Merge(this);
        return copy;
    }

    internal Dictionary<int, Cell> CellsOf(string therapist)
    {
        if (!ByTherapist.TryGetValue(therapist, out Dictionary<int, Cell>? cells))
        {
            ByTherapist[therapist] = cells = new Dictionary<int, Cell>();
        }

        return cells;
    }

    private static void MergeCells(Dictionary<int, Cell> into, Dictionary<int, Cell> from)
    {
        foreach (KeyValuePair<int, Cell> cell in from)
        {
            if (!into.TryGetValue(cell.Key, out Cell? sum))
            {
                into[cell.Key] = sum = new Cell();
            }

            sum.Merge(cell.Value);
        }
    }

    /// <summary>The clients of one therapist with one number of rated sessions: their count, the mean of their means, and the sum of squared deviations of their means from it.</summary>
    internal sealed class Cell
    {
        internal int Count { get; set; }

        internal double Mean { get; set; }

        internal double Spread { get; set; }

        internal void Add(double mean)
        {
            Count++;
            double delta = mean - Mean;
            Mean += delta / Count;
            Spread += delta * (mean - Mean);
        }

        internal void Merge(Cell other)
        {
            int n = Count + other.Count;
            if (other.Count == 0)
            {
                return;
            }

            double delta = other.Mean - Mean;
            Spread += other.Spread + (delta * delta * Count * other.Count / n);
            Mean += delta * other.Count / n;
            Count = n;
        }
    }
}

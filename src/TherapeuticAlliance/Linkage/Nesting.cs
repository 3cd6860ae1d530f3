using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TherapeuticAlliance.Linkage;

/// <summary>Each client's therapist (the one on most of their alliance ratings, the first of those on a tie), by client index.</summary>
internal sealed class Nesting
{
    private Nesting(int[] therapistOf, string[] therapists)
    {
        TherapistOf = therapistOf;
        Therapists = therapists;
    }

    /// <summary>Gets each client's therapist index, −1 when none is recorded.</summary>
    public int[] TherapistOf { get; }

    /// <summary>Gets the therapists' keys, by index.</summary>
    public string[] Therapists { get; }

    /// <summary>Gets a value indicating whether every client has a therapist.</summary>
    public bool Complete => Array.IndexOf(TherapistOf, -1) < 0;

    public static Nesting Of(PairedSeries paired)
    {
        ImmutableArray<RatingRow> rows = paired.AllianceRows;
        var therapistOf = new int[paired.ClientIds.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int start = 0, end; start < rows.Length; start = end)
        {
            // Rows are contiguous per client; most clients have one therapist throughout.
            end = start + 1;
            bool one = true;
            while (end < rows.Length && rows[end].Client == rows[start].Client)
            {
                one &= string.Equals(rows[end].Therapist, rows[start].Therapist, StringComparison.Ordinal);
                end++;
            }

            string? main = rows[start].Therapist;
            if (!one)
            {
                // The therapist on most of the client's ratings, the first seen of those on a tie (as Centring.Nested).
                counts.Clear();
                var seen = new List<string>();
                for (int i = start; i < end; i++)
                {
                    if (rows[i].Therapist is { } t)
                    {
                        if (!counts.TryGetValue(t, out int k))
                        {
                            seen.Add(t);
                        }

                        counts[t] = k + 1;
                    }
                }

                main = null;
                foreach (string t in seen)
                {
                    main = main is null || counts[t] > counts[main] ? t : main;
                }
            }

            if (main is null)
            {
                therapistOf[rows[start].Client] = -1;
                continue;
            }

            if (!index.TryGetValue(main, out int at))
            {
                index[main] = at = names.Count;
                names.Add(main);
            }

            therapistOf[rows[start].Client] = at;
        }

        return new Nesting(therapistOf, names.ToArray());
    }
}

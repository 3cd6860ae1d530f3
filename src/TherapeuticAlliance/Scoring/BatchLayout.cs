using System;
using System.Collections.Immutable;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
#endif

namespace TherapeuticAlliance.Scoring;

/// <summary>How an instrument's items feed its units: items grouped by the set of subscales they belong to, so every unit is a union of whole groups.</summary>
internal sealed class BatchLayout
{
    /// <summary>The instruments' batch layouts, computed once per instrument (thread-safe; entries go with their instrument).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Instrument, BatchLayout> Layouts = new();

    /// <summary>Gets the layout of an instrument, computing it on first use.</summary>
    internal static BatchLayout Of(Instrument instrument) => Layouts.GetValue(instrument, static i => new BatchLayout(i));

    private BatchLayout(Instrument instrument)
    {
        Grid = new BatchUnitGrid(instrument.Scale);
        Reversed = instrument.Reversed.ToArray();
        ImmutableArray<ScoringUnit> subscales = instrument.SubscaleUnits;
        int itemCount = instrument.Items.Length;
        var signatures = new string[itemCount];
        for (int item = 0; item < itemCount; item++)
        {
            signatures[item] = string.Join(",", Enumerable.Range(0, subscales.Length).Where(u => subscales[u].ItemIndices.Contains(item)));
        }

        string[] distinct = signatures.Distinct(StringComparer.Ordinal).ToArray();
        GroupItems = distinct.Select(sig => Enumerable.Range(0, itemCount).Where(i => signatures[i] == sig).ToArray()).ToArray();
        GroupPlain = GroupItems.Select(items => items.Where(i => !Reversed[i]).ToArray()).ToArray();
        GroupReversed = GroupItems.Select(items => items.Where(i => Reversed[i]).ToArray()).ToArray();
        int unitCount = subscales.Length + 1;
        UnitGroups = new int[unitCount][];
        UnitGroups[0] = Enumerable.Range(0, GroupItems.Length).ToArray();
        UnitItems = new double[unitCount];
        UnitItems[0] = itemCount;
        for (int u = 0; u < subscales.Length; u++)
        {
            ImmutableArray<int> items = subscales[u].ItemIndices;
            UnitGroups[u + 1] = Enumerable.Range(0, GroupItems.Length).Where(g => items.Contains(GroupItems[g][0])).ToArray();
            UnitItems[u + 1] = items.Length;
        }
    }

    internal BatchUnitGrid Grid { get; }

    internal bool[] Reversed { get; }

    internal int[][] GroupItems { get; }

    internal int[][] GroupPlain { get; }

    internal int[][] GroupReversed { get; }

    internal int[][] UnitGroups { get; }

    internal double[] UnitItems { get; }
}

/// <summary>The scale as whole multiples of its finest decimal unit, so sums are exact in double.</summary>
internal readonly struct BatchUnitGrid
{
    internal BatchUnitGrid(RatingScale scale)
    {
        decimal factor = 1m;
        while (!(IsWhole(scale.Minimum * factor) && IsWhole(scale.Maximum * factor) && IsWhole(scale.Step * factor)))
        {
            factor *= 10m;
        }

        Factor = (double)factor;
        MinimumUnits = (double)(scale.Minimum * factor);
        MaximumUnits = (double)(scale.Maximum * factor);
        StepUnits = (double)(scale.Step * factor);
    }

    internal double Factor { get; }

    internal double MinimumUnits { get; }

    internal double MaximumUnits { get; }

    internal double StepUnits { get; }

    /// <summary>Gets a value indicating whether the valid values are exactly the whole numbers from the minimum to the maximum.</summary>
    internal bool IsWholeNumbers => Factor == 1.0 && StepUnits == 1.0;

    internal bool TryToUnits(double value, out double units)
    {
        double scaled = value * Factor;
        units = Math.Round(scaled);
        return Math.Abs(scaled - units) <= 1e-7 * Math.Max(1.0, Math.Abs(scaled))
            && units >= MinimumUnits
            && units <= MaximumUnits
            && (StepUnits == 1.0 || Math.IEEERemainder(units - MinimumUnits, StepUnits) == 0.0);
    }

    private static bool IsWhole(decimal value) => decimal.Truncate(value) == value;
}

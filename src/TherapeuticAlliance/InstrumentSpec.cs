using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace TherapeuticAlliance;

internal sealed class ItemSpec
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    public bool Reversed { get; set; }
}

internal sealed class SubscaleSpec
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<string>? Items { get; set; }

    public List<string>? MapsTo { get; set; }
}

/// <summary>The mutable, unvalidated description of an instrument shared by the builder and the JSON reader.</summary>
internal sealed class InstrumentSpec
{
    internal const int MaximumItems = 1000;

    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public MeasureKind Measure { get; set; } = MeasureKind.Alliance;

    public double? Reliability { get; set; }

    public bool HasPublishedValidation { get; set; } = true;

    public decimal? ScaleMinimum { get; set; }

    public decimal? ScaleMaximum { get; set; }

    public decimal? ScaleStep { get; set; }

    public List<ItemSpec> Items { get; } = new();

    public List<SubscaleSpec> Subscales { get; } = new();

    public List<Perspective> Perspectives { get; } = new();

    public ScoreCutoff? Cutoff { get; set; }

    public MissingDataPolicy MissingData { get; set; } = MissingDataPolicy.CompleteOnly;

    /// <summary>Validates the spec; on success returns the instrument, otherwise the list of problems (never both).</summary>
    internal Instrument? TryBuild(out ImmutableArray<string> problems)
    {
        var found = new List<string>();
        if (!Identifiers.IsValid(Id))
        {
            found.Add("id: " + Identifiers.Rule);
        }

        if (string.IsNullOrWhiteSpace(Version) || Version!.Length > 32 || Version.Any(c => !(char.IsLetterOrDigit(c) || c is '.' or '-' or '+')))
        {
            found.Add("version: give 1 to 32 characters of letters, digits, '.', '-' or '+', for example 1.0.");
        }

        if (string.IsNullOrWhiteSpace(Name) || Name!.Length > 200)
        {
            found.Add("name: give a display name of 1 to 200 characters.");
        }

        if (Reliability is { } reliability && !(reliability > 0.0 && reliability < 1.0))
        {
            found.Add("reliability: give a coefficient between 0 and 1 (exclusive), such as 0.85.");
        }

        if (Measure is not (MeasureKind.Alliance or MeasureKind.Outcome))
        {
            found.Add("measure: use 'alliance' or 'outcome'.");
        }

        RatingScale? scale = null;
        if (ScaleMinimum is not { } min || ScaleMaximum is not { } max || ScaleStep is not { } step)
        {
            found.Add("scale: give minimum, maximum and step.");
        }
        else if (Math.Abs(min) > RatingScale.MaximumMagnitude || Math.Abs(max) > RatingScale.MaximumMagnitude)
        {
            found.Add("scale: the minimum and maximum must lie between -1,000,000 and 1,000,000.");
        }
        else if (step <= 0m || max <= min || step < (max - min) / 1_000_000m || (max - min) % step != 0m)
        {
            found.Add("scale: the step must be positive, the maximum above the minimum, and the range a whole number of steps (at most 1,000,000).");
        }
        else
        {
            scale = new RatingScale(min, max, step);
        }

        if (Items.Count is 0 or > MaximumItems)
        {
            found.Add("items: define 1 to 1000 items.");
        }

        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Items.Count; i++)
        {
            ItemSpec item = Items[i];
            string where = string.Format(CultureInfo.InvariantCulture, "items[{0}]", i);
            if (!Identifiers.IsValidItem(item.Id))
            {
                found.Add(where + ": " + Identifiers.ItemRule);
            }
            else if (!itemIds.Add(item.Id!))
            {
                found.Add(where + ": the item identifier is used by an earlier item too.");
            }

            if (item.Label is { Length: > 200 })
            {
                found.Add(where + ": labels have at most 200 characters.");
            }
        }

        var subscaleIds = new HashSet<string>(StringComparer.Ordinal);
        for (int s = 0; s < Subscales.Count; s++)
        {
            SubscaleSpec subscale = Subscales[s];
            string where = string.Format(CultureInfo.InvariantCulture, "subscales[{0}]", s);
            if (!Identifiers.IsValid(subscale.Id))
            {
                found.Add(where + ": " + Identifiers.Rule);
            }
            else if (!subscaleIds.Add(subscale.Id!))
            {
                found.Add(where + ": the subscale identifier is used by an earlier subscale too.");
            }

            if (AllianceDimension.FindModelDimension(subscale.Id ?? string.Empty) is null && string.IsNullOrWhiteSpace(subscale.Name))
            {
                found.Add(where + ": give the subscale a name.");
            }

            if (subscale.Items is null || subscale.Items.Count == 0)
            {
                found.Add(where + ": list at least one item.");
            }
            else
            {
                var inSubscale = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < subscale.Items.Count; i++)
                {
                    string? itemId = subscale.Items[i];
                    if (itemId is null || !itemIds.Contains(itemId))
                    {
                        found.Add(string.Format(CultureInfo.InvariantCulture, "{0}.items[{1}]: the item is not defined in items.", where, i));
                    }
                    else if (!inSubscale.Add(itemId))
                    {
                        found.Add(string.Format(CultureInfo.InvariantCulture, "{0}.items[{1}]: the item is listed twice.", where, i));
                    }
                }
            }

            List<string> mapsTo = subscale.MapsTo ?? new List<string>();
            for (int m = 0; m < mapsTo.Count; m++)
            {
                if (mapsTo[m] is not { } dimensionId || AllianceDimension.FindModelDimension(dimensionId) is null)
                {
                    found.Add(string.Format(CultureInfo.InvariantCulture, "{0}.mapsTo[{1}]: not a model dimension (see AllianceDimension.ModelDimensions).", where, m));
                }
            }
        }

        if (Perspectives.Count == 0)
        {
            found.Add("perspectives: list at least one of client, therapist, observer, collateral.");
        }
        else if (Perspectives.Any(p => !AllianceCodes.IsDefined(p)))
        {
            found.Add("perspectives: use client, therapist, observer or collateral.");
        }
        else if (Perspectives.Distinct().Count() != Perspectives.Count)
        {
            found.Add("perspectives: each perspective may be listed once.");
        }

        if (found.Count > 0 || scale is null)
        {
            problems = found.ToImmutableArray();
            return null;
        }

        problems = ImmutableArray<string>.Empty;
        ImmutableArray<InstrumentItem> items = Items
            .Select((item, i) => new InstrumentItem(
                item.Id!,
                i + 1,
                string.IsNullOrWhiteSpace(item.Label) ? string.Format(CultureInfo.InvariantCulture, "Item {0}", i + 1) : item.Label!,
                item.Reversed))
            .ToImmutableArray();
        var order = items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        ImmutableArray<Subscale> subscales = Subscales
            .Select(s => new Subscale(
                AllianceDimension.FindModelDimension(s.Id!) ?? AllianceDimension.Subscale(s.Id!, s.Name!, s.Description),
                s.Items!.OrderBy(itemId => order[itemId]).ToImmutableArray(),
                (s.MapsTo ?? new List<string>())
                    .Select(dimensionId => AllianceDimension.FindModelDimension(dimensionId)!)
                    .Distinct()
                    .OrderBy(dimension => AllianceDimension.ModelDimensions.IndexOf(dimension))
                    .ToImmutableArray()))
            .ToImmutableArray();
        return new Instrument(
            Id!,
            Version!,
            Name!,
            Measure,
            scale,
            items,
            subscales,
            Perspectives.OrderBy(p => p).ToImmutableArray(),
            Cutoff,
            MissingData,
            Reliability,
            HasPublishedValidation);
    }
}

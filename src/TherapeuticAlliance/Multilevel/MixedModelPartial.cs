using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Utilities;

namespace TherapeuticAlliance.Multilevel;

/// <summary>
/// A site's partial of a linear mixed model (<see cref="LinearMixedModel.Partial"/>): the model's cross-products over
/// the site's rows, per level of each grouping factor (X'X, X'y, y'y; Z'Z, Z'X, Z'y), and no row. Partials of sites
/// merge (<see cref="Merge"/>) into the partial of the pooled rows, which <see cref="LinearMixedModel.FitPartial"/>
/// fits to the pooled fit's values (to rounding: the sums are added in another order).
/// </summary>
/// <remarks>
/// <para>
/// What leaves a site: per level of every grouping factor (therapist, client) its number of rows, and the sums of its
/// rows' fixed-effects columns, responses and their products; and the level's label, so that a factor crossed
/// between sites (or a therapist working at two) merges. Every level must summarise at least the disclosure policy's
/// minimum number of rows. Replace labels with agreed pseudonyms before, where the labels themselves must not leave.
/// </para>
/// <para>Immutable and thread-safe. <see cref="ToString"/> shows the shape, never a label.</para>
/// </remarks>
public sealed class MixedModelPartial
{
    internal MixedModelPartial(LmmCrossProducts products) => Products = products;

    internal LmmCrossProducts Products { get; }

    /// <summary>Gets the formula the partial is of.</summary>
    public string Formula => Products.Formula;

    /// <summary>Gets the number of rows summarised.</summary>
    public int Observations => Products.N;

    /// <summary>Gets the number of levels of each grouping factor, in the formula's order (lme4's names: <c>therapist:site</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Groups => Products.Terms.Select(t => new KeyValuePair<string, int>(t.Group, t.Levels.Count)).ToArray();

    /// <summary>Merges partials of disjoint sets of rows (sites) into the partial of their union.</summary>
    /// <param name="partials">The partials, one or more, all of one formula.</param>
    /// <returns>The merged partial, or an <see cref="InvalidMixedModel"/> (<see cref="MixedModelErrorKind.Disclosure"/>) when they are of other models.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="partials"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when <paramref name="partials"/> is empty.</exception>
    public static MixedModelPartialResult Merge(IEnumerable<MixedModelPartial> partials)
    {
        Guard.Against.Null(partials);
        MixedModelPartial[] all = partials.Select(p => Guard.Against.Null(p, nameof(partials))).ToArray();
        Guard.Against.InvalidInput(all, nameof(partials), a => a.Length > 0, "Give at least one partial.");
        if (all.Sum(p => (long)p.Observations) > int.MaxValue)
        {
            return new InvalidMixedModel(MixedModelErrorKind.TooLarge, "The partials hold more than 2,147,483,647 rows together; merge fewer of them.");
        }

        int other = Array.FindIndex(all, p => !p.Products.SameModel(all[0].Products));
        if (other >= 0)
        {
            return new InvalidMixedModel(MixedModelErrorKind.Disclosure, string.Format(CultureInfo.InvariantCulture, "Partial {0} is of another model (its formula, fixed effects or grouping factors differ from the first's); every site must compute its partial from the same formula.", other + 1));
        }

        return new MixedModelPartial(LmmCrossProducts.Merge(all.Select(p => p.Products).ToArray()));
    }

    /// <summary>A partial of cross-products read from a file form nested in another partial (the service view's).</summary>
    internal static MixedModelPartial FromProducts(LmmCrossProducts products) => new(products);

    /// <summary>The partial without a grouping factor (its position in the formula), under the formula that leaves it out.</summary>
    internal MixedModelPartial WithoutFactor(int index, string formula) => new(Products.WithoutFactor(index, formula));

    /// <summary>Gets the file form's <c>kind</c>: <c>mixed-model-partial</c>.</summary>
    public const string Kind = MixedModelPartialFile.Kind;

    /// <summary>Gets the file form's schema version this library writes and reads: <c>1.0</c>.</summary>
    public const string CurrentSchemaVersion = MixedModelPartialFile.SchemaVersion;

    /// <summary>
    /// Writes the partial's file form, for sending to the site that merges: indented UTF-8 JSON in the envelope every
    /// partial shares (<c>kind</c> <c>mixed-model-partial</c>, <c>schemaVersion</c> 1.0), then the formula, the fixed
    /// effects' names, the rows, X'X, X'y and y'y, per grouping factor its terms and per level its label, rows and
    /// sums (Z'Z, Z'X, Z'y), and the Z'Z blocks of levels of two factors that share rows. Each sum is written with its
    /// compensation (the rounding error Neumaier's summation kept), so <see cref="FromJson(string)"/> gives back a partial
    /// that merges and fits to the same bits. The labels leave the site (see the remarks); no row does.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => MixedModelPartialFile.Write(Products);

    /// <summary>
    /// Reads a partial's file form (<see cref="ToJson"/>). Checks, before anything is used: the size (at most 16 MiB
    /// of text), a field given twice, the nesting, the kind and schema version; then every field's shape and count,
    /// that every number is finite, that each factor's levels' rows add up to the partial's rows, and that the sums
    /// are possible (no negative sum of squares, no sum of products above the Cauchy–Schwarz bound its sums of squares
    /// set). Whether partials are of one model is checked by <see cref="Merge"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The partial, or an <see cref="InvalidMixedModel"/> (<see cref="MixedModelErrorKind.Unreadable"/>) whose message names factors and levels by position and quotes nothing of the file.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static MixedModelPartialResult FromJson(string json)
    {
        Guard.Against.Null(json);
        (LmmCrossProducts? products, string? problem) = MixedModelPartialFile.Read(json);
        return products is null ? new InvalidMixedModel(MixedModelErrorKind.Unreadable, problem!) : new MixedModelPartial(products);
    }

    /// <summary>Reads a partial's file form from UTF-8 bytes, at most 16 MiB of them (<see cref="FromJson(string)"/>'s checks).</summary>
    /// <param name="utf8">The stream, read to its end or to the limit; the caller disposes it.</param>
    /// <returns>The partial, or an <see cref="InvalidMixedModel"/> (<see cref="MixedModelErrorKind.Unreadable"/>).</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="utf8"/> is <see langword="null"/>.</exception>
    public static MixedModelPartialResult FromJson(Stream utf8)
    {
        Guard.Against.Null(utf8);
        return PartialEnvelope.ReadBounded(utf8) is { } text ? FromJson(text) : new InvalidMixedModel(MixedModelErrorKind.Unreadable, PartialEnvelope.TooLong);
    }

    /// <summary>Returns the partial's shape, never a label.</summary>
    /// <returns>Text such as <c>mixed-model partial: 1521 observations, therapist 48 levels</c>.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "mixed-model partial: {0} observations, {1}", Observations, string.Join(", ", Groups.Select(g => g.Key + " " + g.Value.ToString(CultureInfo.InvariantCulture) + " levels")));
}

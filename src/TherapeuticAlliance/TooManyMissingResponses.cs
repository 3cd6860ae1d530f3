using System.Globalization;

namespace TherapeuticAlliance;

/// <summary>A scoring unit (the whole instrument, a subscale or a model dimension) has more unanswered items than the missing-data policy allows.</summary>
/// <param name="Dimension">The dimension whose items are missing, or <see langword="null"/> for the instrument as a whole.</param>
/// <param name="ItemCount">The number of items in the unit.</param>
/// <param name="Missing">The number of those items not answered.</param>
/// <param name="AllowedMissing">The number the policy allows.</param>
/// <param name="Policy">The policy applied.</param>
public sealed record TooManyMissingResponses(AllianceDimension? Dimension, int ItemCount, int Missing, int AllowedMissing, MissingDataPolicy Policy) : IAllianceError
{
    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "too-many-missing-responses";
#pragma warning restore CA1822

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message => string.Format(
        CultureInfo.InvariantCulture,
        "{0} of the {1} items of {2} are not answered; the missing-data policy '{3}' allows {4}. Collect the missing responses or choose a policy that allows more missing items.",
        Missing,
        ItemCount,
        Dimension is null ? "the instrument" : Dimension.IsModelDimension ? "the model dimension '" + Dimension.Id + "'" : "a subscale",
        Policy.Name,
        AllowedMissing);

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

namespace TherapeuticAlliance.Multilevel;

/// <summary>The error case of <see cref="MixedModelResult"/>: what is wrong and what to do, naming columns and terms of the formula, never a value.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class InvalidMixedModel : IAllianceError
{
    internal InvalidMixedModel(MixedModelErrorKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets the kind of problem.</summary>
    public MixedModelErrorKind Kind { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-mixed-model";
#pragma warning restore CA1822

    /// <inheritdoc/>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

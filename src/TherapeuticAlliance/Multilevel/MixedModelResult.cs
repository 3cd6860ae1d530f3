using OneOf;

namespace TherapeuticAlliance.Multilevel;

/// <summary>The outcome of fitting a mixed model: a <see cref="MixedModelFit"/> or an <see cref="InvalidMixedModel"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class MixedModelResult : AllianceResult<MixedModelFit, InvalidMixedModel>
{
    private MixedModelResult(OneOf<MixedModelFit, InvalidMixedModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a fit.</summary>
    /// <param name="fit">The fit.</param>
    public static implicit operator MixedModelResult(MixedModelFit fit) => new(fit);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator MixedModelResult(InvalidMixedModel error) => new(error);
}

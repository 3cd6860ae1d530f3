using OneOf;

namespace TherapeuticAlliance.Multilevel;

/// <summary>The outcome of making or merging a mixed-model partial: a <see cref="MixedModelPartial"/> or an <see cref="InvalidMixedModel"/>.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class MixedModelPartialResult : AllianceResult<MixedModelPartial, InvalidMixedModel>
{
    private MixedModelPartialResult(OneOf<MixedModelPartial, InvalidMixedModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a partial.</summary>
    /// <param name="partial">The partial.</param>
    public static implicit operator MixedModelPartialResult(MixedModelPartial partial) => new(partial);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator MixedModelPartialResult(InvalidMixedModel error) => new(error);
}

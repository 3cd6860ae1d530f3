using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Linkage;

/// <summary>The result of <see cref="AllianceLinkage.FitLaggedModel"/>: the model, or an <see cref="InvalidMixedModel"/> saying why it could not be fitted (too few pairs, no within-client variation, no convergence).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class LaggedModelResult : AllianceResult<LaggedWithinPersonModel, InvalidMixedModel>
{
    private LaggedModelResult(OneOf.OneOf<LaggedWithinPersonModel, InvalidMixedModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a model.</summary>
    /// <param name="model">The model.</param>
    public static implicit operator LaggedModelResult(LaggedWithinPersonModel model) => new(model);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator LaggedModelResult(InvalidMixedModel error) => new(error);
}

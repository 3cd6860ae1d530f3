using TherapeuticAlliance.Multilevel;

namespace TherapeuticAlliance.Linkage;

/// <summary>The result of <see cref="AllianceLinkage.Disaggregate"/>: the disaggregation, or an <see cref="InvalidMixedModel"/> saying why it could not be fitted.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class AllianceDisaggregationResult : AllianceResult<AllianceDisaggregation, InvalidMixedModel>
{
    private AllianceDisaggregationResult(OneOf.OneOf<AllianceDisaggregation, InvalidMixedModel> value)
        : base(value)
    {
    }

    /// <summary>Wraps a disaggregation.</summary>
    /// <param name="model">The disaggregation.</param>
    public static implicit operator AllianceDisaggregationResult(AllianceDisaggregation model) => new(model);

    /// <summary>Wraps an error.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator AllianceDisaggregationResult(InvalidMixedModel error) => new(error);
}

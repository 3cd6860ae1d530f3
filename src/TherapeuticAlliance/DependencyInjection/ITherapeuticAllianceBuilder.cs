using Microsoft.Extensions.DependencyInjection;

namespace TherapeuticAlliance;

/// <summary>Configures TherapeuticAlliance services after <c>AddTherapeuticAlliance</c>; features are extension methods in <see cref="TherapeuticAllianceBuilderExtensions"/>.</summary>
public interface ITherapeuticAllianceBuilder
{
    /// <summary>Gets the service collection being configured.</summary>
    IServiceCollection Services { get; }
}

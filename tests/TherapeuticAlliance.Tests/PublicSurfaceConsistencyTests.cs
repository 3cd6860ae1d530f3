using System.Reflection;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests;

/// <summary>Reflection checks over the whole public surface, NodaTime-style.</summary>
public class PublicSurfaceConsistencyTests
{
    private static readonly Type[] PublicTypes = typeof(Assessment).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicClass_IsSealedAbstractOrStatic() =>
        Assert.All(PublicTypes.Where(t => t.IsClass), t => Assert.True(t.IsSealed || t.IsAbstract, t.FullName));

    [Fact]
    public void EveryEquatableType_HasEqualityOperators() =>
        Assert.All(
            PublicTypes.Where(t => t.IsClass && !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEquatable<>))
                && !IsRecord(t) && t.BaseType == typeof(object)),
            t => Assert.NotNull(t.GetMethod("op_Equality", BindingFlags.Public | BindingFlags.Static)));

    [Fact]
    public void ModelTypes_HaveNoPublicSetters()
    {
        Type[] options = { typeof(TherapeuticAllianceOptions) };
        Assert.All(
            PublicTypes.Where(t => !options.Contains(t) && !t.Name.EndsWith("Builder", StringComparison.Ordinal)),
            t => Assert.DoesNotContain(t.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)));
    }

    [Fact]
    public void EnumsReject_ZeroAsNotAValue()
    {
        Assert.False(Enum.IsDefined(typeof(Perspective), 0));
        Assert.False(Enum.IsDefined(typeof(ScoreMetric), 0));
        Assert.False(Enum.IsDefined(typeof(CutoffOperator), 0));
        Assert.False(Enum.IsDefined(typeof(MeasureKind), 0));
        Assert.False(Enum.IsDefined(typeof(MissingDataRule), 0));
    }

    [Fact]
    public void WellKnownStrategies_AreSealed() =>
        Assert.All(new[] { typeof(SumScoringStrategy), typeof(MeanScoringStrategy), typeof(PompScoringStrategy), typeof(WeightedScoringStrategy), typeof(WeakestLinkScoringStrategy) }, t => Assert.True(t.IsSealed));

    private static bool IsRecord(Type t) => t.GetMethod("<Clone>$") is not null;

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
}

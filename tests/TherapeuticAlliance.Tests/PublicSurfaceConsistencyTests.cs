using System.Reflection;
using TherapeuticAlliance.Scoring;

namespace TherapeuticAlliance.Tests;

/// <summary>Reflection checks over the whole public surface, NodaTime-style.</summary>
public class PublicSurfaceConsistencyTests
{
    private static readonly Type[] PublicTypes = typeof(Assessment).Assembly.GetExportedTypes();

    [Fact]
    public void EveryPublicType_HasAFileOfItsOwn_InTheFolderOfItsNamespace()
    {
        // One public type per file, named after it, in the folder its namespace names (folder = namespace), except
        // the registration types in DependencyInjection/, which keep the root namespace.
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TherapeuticAlliance.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        string source = Path.Combine(root, "src", "TherapeuticAlliance");
        foreach (Type type in PublicTypes.Where(t => !t.IsNested))
        {
            string name = type.Name.Split('`')[0];
            string folder = Path.Combine(new[] { source }.Concat(type.Namespace!.Split('.').Skip(1)).ToArray());
            string file = Path.Combine(folder, name + ".cs");

            // The registration (DependencyInjection/) keeps the root namespace, as Polly's does: the one exception.
            string registration = Path.Combine(source, "DependencyInjection", name + ".cs");
            Assert.True(File.Exists(file) || (type.Namespace == "TherapeuticAlliance" && File.Exists(registration)), $"{type.FullName} is not in {Path.GetRelativePath(root, file)}");
        }

        // The generic arities of one name (AllianceResult<T, TError>, <T, TError1, TError2>, ...) count as one type.
        var declaration = new System.Text.RegularExpressions.Regex(@"^public (?:sealed |static |abstract |readonly |partial )*(?:class|record|enum|interface|struct) (\w+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        foreach (string file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            int names = declaration.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count();
            Assert.True(names <= 1, $"{Path.GetRelativePath(root, file)} declares more than one public type");
        }
    }

    [Fact]
    public void EveryResult_HasTheSameShape_AndEveryErrorCaseIsAnAllianceError()
    {
        // One shape for every result: IAllianceResult<T> over the success case, IAllianceError for every other case,
        // and one mechanism: every concrete result derives from AllianceResult (no OneOfBase of its own, issue 25).
        Type[] unions = PublicTypes.Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true }).ToArray();
        Assert.Empty(unions.Where(t => t.BaseType!.GetGenericTypeDefinition().FullName!.StartsWith("OneOf.OneOfBase`", StringComparison.Ordinal)).Select(t => t.Name));
        Type[] results = unions.Where(t => t.BaseType!.GetGenericTypeDefinition().FullName!.StartsWith("TherapeuticAlliance.AllianceResult`", StringComparison.Ordinal)).ToArray();
        Assert.True(results.Length >= 14, "the result types were not found");
        foreach (Type result in results)
        {
            Type[] cases = result.BaseType!.GetGenericArguments();
            Type contract = typeof(IAllianceResult<>).MakeGenericType(cases[0]);
            Assert.True(contract.IsAssignableFrom(result), $"{result.Name} is not an {contract.Name}");
            Assert.All(cases.Skip(1), c => Assert.True(typeof(IAllianceError).IsAssignableFrom(c), $"{result.Name}: {c.Name} is not an IAllianceError"));
            Assert.EndsWith("Result", result.Name.Split('`')[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorCodes_AreLowerCaseHyphenated_AndNoTwoErrorTypesShareOne()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TherapeuticAlliance.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        var code = new System.Text.RegularExpressions.Regex(@"public string Code => ""([^""]*)""|StatisticsErrorKind\.\w+ => ""([^""]*)""");
        var codes = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => code.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value))
            .ToList();
        Assert.True(codes.Count >= 17, $"only {codes.Count} error codes were found");
        Assert.All(codes, c => Assert.Matches("^[a-z]+(-[a-z]+)*$", c));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

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
            PublicTypes.Where(t => !options.Contains(t) && !t.Name.EndsWith("Builder", StringComparison.Ordinal) && !typeof(Exception).IsAssignableFrom(t)),
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

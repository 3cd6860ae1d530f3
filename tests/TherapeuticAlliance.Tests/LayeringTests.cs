using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit.Abstractions;

namespace TherapeuticAlliance.Tests;

/// <summary>
/// The rooms of the core package (docs/architecture.md): which namespace may use which, read from the compiled
/// IL with Mono.Cecil (signatures, attributes and method bodies), so a dependency hidden in a method body counts.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "root";
    private const string DependencyInjection = "DependencyInjection";

    /// <summary>The internal helpers (Polly's Utils/, NodaTime's Utility/): every room may use them; they use no room, so no cycle can pass through them.</summary>
    private const string Utilities = "Utilities";

    /// <summary>The rooms each room may use (docs/architecture.md); every room may use itself.</summary>
    internal static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Utilities] = Array.Empty<string>(),
        [Root] = new[] { Utilities },
        ["Instruments"] = new[] { Root, Utilities },
        ["Statistics"] = new[] { Root, Utilities },
        ["Scoring"] = new[] { Root, Utilities, "Instruments", "Statistics" },
        ["Trends"] = new[] { Root, Utilities },
        ["Guidance"] = new[] { Root, Utilities, "Trends" },
        ["Reports"] = new[] { Root, Utilities, "Instruments", "Trends", "Guidance", "ExpectedResponse", "Charts", "Service" },   // Instruments since issue 26: the analyzer reads published validation from the catalog
        ["ExpectedResponse"] = new[] { Root, Utilities, "Trends", "Charts", "Multilevel" },   // issue 32: the mixed model on the multilevel engine
        ["Charts"] = new[] { Root, Utilities },
        ["Schema"] = new[] { Root, Utilities },
        ["Consortium"] = new[] { Root, Utilities, "Schema", "Statistics", "Scoring", "Trends" },
        ["Multilevel"] = new[] { Root, Utilities, "Charts" },   // issue 29: linear mixed models, on MathNet's dense algebra; Charts for the caterpillar's axis
        ["Service"] = new[] { Root, Utilities, "Trends", "Multilevel", "ExpectedResponse", "Instruments", "Charts", "Schema" },   // issue 30: therapist effects, benchmarks, dependability
        ["Linkage"] = new[] { Root, Utilities, "Trends", "Multilevel", "Service" },   // issue 31: alliance and outcome linked session by session
        [DependencyInjection] = new[] { Root, Utilities, "Instruments", "Statistics", "Scoring", "Trends", "Guidance", "Reports", "ExpectedResponse", "Charts" },
    };

    private readonly ITestOutputHelper output;

    public LayeringTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public void EveryRoom_UsesOnlyTheRoomsItIsAllowed_AndNoNamespaceCycleExists()
    {
        Dictionary<(string From, string To), SortedSet<string>> graph = Graph();
        foreach (var edge in graph.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            output.WriteLine($"{edge.Key.From} -> {edge.Key.To}: {string.Join(", ", edge.Value)}");
        }

        Assert.Empty(Violations(graph, Allowed));
        Assert.Empty(Cycles(graph.Keys));
    }

    [Fact]
    public void TheChecks_FindAForbiddenDependencyAndACycle()
    {
        // The checks themselves, on a graph with a cycle (Guidance -> Reports -> Guidance) and an unknown room.
        var graph = new Dictionary<(string From, string To), SortedSet<string>>
        {
            [("Guidance", "Reports")] = new(StringComparer.Ordinal) { "FocusArea->AllianceReport" },
            [("Reports", "Guidance")] = new(StringComparer.Ordinal) { "AllianceReport->FocusArea" },
            [("Internal", Root)] = new(StringComparer.Ordinal) { "Helper->Assessment" },
        };
        Assert.Equal(
            new[] { "Guidance -> Reports (FocusArea->AllianceReport)", "Internal is not a room of docs/architecture.md" },
            Violations(graph, Allowed));
        Assert.Equal(new[] { "Guidance -> Reports -> Guidance" }, Cycles(graph.Keys));
    }

    [Fact]
    public void EveryRoom_IsAFolderOfTheCorePackage_AndNoOtherFolderHoldsCode()
    {
        string source = Path.Combine(RepositoryRoot(), "src", "TherapeuticAlliance");
        string[] folders = Directory.EnumerateDirectories(source)
            .Where(d => Directory.EnumerateFiles(d, "*.cs").Any())
            .Select(Path.GetFileName)
            .Select(name => name!)
            .Where(name => name is not "obj" and not "bin")
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(Allowed.Keys.Where(room => room != Root).OrderBy(room => room, StringComparer.Ordinal), folders);
    }

    /// <summary>Each edge that the table does not allow, with the types that make it.</summary>
    internal static List<string> Violations(Dictionary<(string From, string To), SortedSet<string>> graph, IReadOnlyDictionary<string, string[]> allowed)
    {
        var problems = new List<string>();
        foreach (var edge in graph.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal))
        {
            if (!allowed.TryGetValue(edge.Key.From, out string[]? may))
            {
                problems.Add($"{edge.Key.From} is not a room of docs/architecture.md");
            }
            else if (!may.Contains(edge.Key.To, StringComparer.Ordinal))
            {
                problems.Add($"{edge.Key.From} -> {edge.Key.To} ({string.Join(", ", edge.Value)})");
            }
        }

        return problems;
    }

    /// <summary>Every elementary cycle found by a depth-first search, each written from its smallest room.</summary>
    internal static List<string> Cycles(IEnumerable<(string From, string To)> edges)
    {
        ILookup<string, string> next = edges.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var cycles = new SortedSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string room)
        {
            int at = path.IndexOf(room);
            if (at >= 0)
            {
                List<string> cycle = path.Skip(at).ToList();
                int start = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
                List<string> rotated = cycle.Skip(start).Concat(cycle.Take(start)).ToList();
                rotated.Add(rotated[0]);
                cycles.Add(string.Join(" -> ", rotated));
                return;
            }

            path.Add(room);
            foreach (string to in next[room].OrderBy(r => r, StringComparer.Ordinal))
            {
                Visit(to);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (string room in next.Select(g => g.Key).OrderBy(r => r, StringComparer.Ordinal).ToList())
        {
            Visit(room);
        }

        return cycles.ToList();
    }

    private static string RepositoryRoot()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "TherapeuticAlliance.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The repository root was not found.");
        }

        return root;
    }

    internal static Dictionary<(string From, string To), SortedSet<string>> Graph()
    {
        string assembly = typeof(Assessment).Assembly.Location;
        using ModuleDefinition module = ModuleDefinition.ReadModule(assembly);
        HashSet<string> registration = DependencyInjectionTypes();
        var edges = new Dictionary<(string, string), SortedSet<string>>();
        foreach (TypeDefinition type in module.GetTypes())
        {
            string? from = Room(type, registration);
            if (from is null)
            {
                continue;
            }

            foreach (TypeReference reference in References(type))
            {
                foreach (TypeDefinition used in Flatten(reference))
                {
                    string? to = Room(used, registration);
                    if (to is not null && to != from)
                    {
                        if (!edges.TryGetValue((from, to), out SortedSet<string>? why))
                        {
                            edges[(from, to)] = why = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        why.Add($"{Outermost(type).Name}->{Outermost(used).Name}");
                    }
                }
            }
        }

        return edges;
    }

    private static HashSet<string> DependencyInjectionTypes()
    {
        string root = RepositoryRoot();

        // The types declared in DependencyInjection/ keep the root namespace (as Polly's registration does), so
        // the folder, not the namespace, says which room they are in.
        string folder = Path.Combine(root, "src", "TherapeuticAlliance", DependencyInjection);
        return new HashSet<string>(
            Directory.EnumerateFiles(folder, "*.cs")
                .SelectMany(file => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot()
                    .DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>()
                    .Where(t => t.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)
                    .Select(t => t.Identifier.ValueText)),
            StringComparer.Ordinal);
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string? Room(TypeDefinition type, HashSet<string> registration)
    {
        TypeDefinition outer = Outermost(type);
        string ns = outer.Namespace;
        if (ns == "TherapeuticAlliance")
        {
            return registration.Contains(outer.Name.Split('`')[0]) ? DependencyInjection : Root;
        }

        return ns.StartsWith("TherapeuticAlliance.", StringComparison.Ordinal) ? ns["TherapeuticAlliance.".Length..] : null;
    }

    private static IEnumerable<TypeDefinition> Flatten(TypeReference? reference)
    {
        switch (reference)
        {
            case null or GenericParameter:
                yield break;
            case GenericInstanceType generic:
                foreach (TypeDefinition t in Flatten(generic.ElementType))
                {
                    yield return t;
                }

                foreach (TypeReference argument in generic.GenericArguments)
                {
                    foreach (TypeDefinition t in Flatten(argument))
                    {
                        yield return t;
                    }
                }

                yield break;
            case TypeSpecification specification:
                foreach (TypeDefinition t in Flatten(specification.ElementType))
                {
                    yield return t;
                }

                yield break;
        }

        if (reference is TypeDefinition own)
        {
            yield return own;
        }
        else if (reference.Scope is ModuleDefinition)
        {
            TypeDefinition? definition = reference.Resolve();
            if (definition is not null)
            {
                yield return definition;
            }
        }
    }

    private static IEnumerable<TypeReference> References(TypeDefinition type)
    {
        yield return type.BaseType;
        foreach (InterfaceImplementation i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }

        foreach (TypeReference t in Attributes(type.CustomAttributes))
        {
            yield return t;
        }

        foreach (GenericParameter p in type.GenericParameters)
        {
            foreach (GenericParameterConstraint c in p.Constraints)
            {
                yield return c.ConstraintType;
            }
        }

        foreach (FieldDefinition field in type.Fields)
        {
            yield return field.FieldType;
            foreach (TypeReference t in Attributes(field.CustomAttributes))
            {
                yield return t;
            }
        }

        foreach (PropertyDefinition property in type.Properties)
        {
            yield return property.PropertyType;
            foreach (TypeReference t in Attributes(property.CustomAttributes))
            {
                yield return t;
            }
        }

        foreach (MethodDefinition method in type.Methods)
        {
            foreach (TypeReference t in Method(method))
            {
                yield return t;
            }

            foreach (TypeReference t in Attributes(method.CustomAttributes))
            {
                yield return t;
            }

            if (!method.HasBody)
            {
                continue;
            }

            foreach (VariableDefinition variable in method.Body.Variables)
            {
                yield return variable.VariableType;
            }

            foreach (ExceptionHandler handler in method.Body.ExceptionHandlers)
            {
                yield return handler.CatchType;
            }

            foreach (Instruction instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference m:
                        foreach (TypeReference t in Method(m))
                        {
                            yield return t;
                        }

                        break;
                    case FieldReference f:
                        yield return f.DeclaringType;
                        yield return f.FieldType;
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Method(MethodReference method)
    {
        yield return method.DeclaringType;
        yield return method.ReturnType;
        foreach (ParameterDefinition p in method.Parameters)
        {
            yield return p.ParameterType;
        }

        if (method is GenericInstanceMethod generic)
        {
            foreach (TypeReference argument in generic.GenericArguments)
            {
                yield return argument;
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes)
    {
        foreach (CustomAttribute attribute in attributes)
        {
            yield return attribute.AttributeType;
            foreach (CustomAttributeArgument argument in attribute.ConstructorArguments)
            {
                if (argument.Value is TypeReference t)
                {
                    yield return t;
                }
            }
        }
    }
}

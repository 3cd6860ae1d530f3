using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using Ardalis.GuardClauses;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// The expected-response models a host can fit and read, by kind: the built-ins (<c>intake-log-session</c>, the
/// regression; <c>mixed-log-session</c>, the mixed model) and any a host registered. Registered as a singleton by
/// <c>AddTherapeuticAlliance()</c>, filled by <c>AddExpectedResponseModel</c> (the built-ins go through the same call);
/// <see cref="Default"/> holds the built-ins for code without a container.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ExpectedResponseModels
{
    /// <summary>The longest model file <see cref="Read"/> looks into: 1,000,000 characters.</summary>
    public const int MaximumFileLength = 1_000_000;

    private readonly ImmutableDictionary<string, IExpectedResponseModelFactory> _factories;

    /// <summary>Initializes a new instance of the <see cref="ExpectedResponseModels"/> class.</summary>
    /// <param name="factories">The factories, at most one per kind (a later one of a kind replaces an earlier one).</param>
    /// <param name="defaultKind">The kind fitted when none is chosen (the CLI's <c>--model</c> default); <see langword="null"/> for <see cref="BuiltInDefaultKind"/> when registered, else the first factory's.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factories"/> is or holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there is no factory, a kind is not a valid name, or <paramref name="defaultKind"/> is not registered.</exception>
    public ExpectedResponseModels(IEnumerable<IExpectedResponseModelFactory> factories, string? defaultKind = null)
    {
        IExpectedResponseModelFactory[] all = Guard.Against.Null(factories).Select(f => Guard.Against.Null(f, nameof(factories))).ToArray();
        Guard.Against.InvalidInput(all, nameof(factories), static a => a.Length > 0, "Give at least one factory.");
        Guard.Against.InvalidInput(all, nameof(factories), static a => a.All(f => Identifiers.IsValid(f.Kind)), "Kind: " + Identifiers.Rule);
        var builder = ImmutableDictionary.CreateBuilder<string, IExpectedResponseModelFactory>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (IExpectedResponseModelFactory factory in all)
        {
            if (!builder.ContainsKey(factory.Kind))
            {
                order.Add(factory.Kind);
            }

            builder[factory.Kind] = factory;
        }

        _factories = builder.ToImmutable();
        Kinds = order.ToImmutableArray();
        DefaultKind = defaultKind ?? (_factories.ContainsKey(BuiltInDefaultKind) ? BuiltInDefaultKind : Kinds[0]);
        Guard.Against.InvalidInput(DefaultKind, nameof(defaultKind), _factories.ContainsKey, "The default kind must be one of the factories' kinds.");
    }

    /// <summary>The kind fitted by default: <c>intake-log-session</c>, the regression, which did best on the generator's grid (higher recall than the mixed model at the same precision and flag rate; docs/expected-response.md).</summary>
    public const string BuiltInDefaultKind = ExpectedResponseModel.Kind;

    /// <summary>Gets the built-ins: <see cref="ExpectedResponseModel.Factory"/> and <see cref="MixedExpectedResponseModel.Factory"/>.</summary>
    public static ExpectedResponseModels Default { get; } = new(new[] { ExpectedResponseModel.Factory, MixedExpectedResponseModel.Factory });

    /// <summary>Gets the registered kinds, in registration order.</summary>
    public ImmutableArray<string> Kinds { get; }

    /// <summary>Gets the kind fitted when none is named.</summary>
    public string DefaultKind { get; }

    /// <summary>Gets the factories, in registration order.</summary>
    public IEnumerable<IExpectedResponseModelFactory> Factories => Kinds.Select(k => _factories[k]);

    /// <summary>Returns these models with a factory added, or in the place of the one of its kind.</summary>
    /// <param name="factory">The factory.</param>
    /// <returns>The new set; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="factory"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when its kind is not a valid name.</exception>
    public ExpectedResponseModels With(IExpectedResponseModelFactory factory) => new(Factories.Append(Guard.Against.Null(factory)), DefaultKind);

    /// <summary>Gets the factory of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="factory">The factory, when registered.</param>
    /// <returns>Whether the kind is registered.</returns>
    public bool TryGet(string? kind, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IExpectedResponseModelFactory? factory)
    {
        factory = null;
        return kind is not null && _factories.TryGetValue(kind, out factory);
    }

    /// <summary>Fits a model of a registered kind.</summary>
    /// <param name="kind">The kind, one of <see cref="Kinds"/>.</param>
    /// <param name="history">The historical episodes of one outcome instrument.</param>
    /// <param name="options">The options; <see langword="null"/> for the defaults.</param>
    /// <returns>The fit, or an error saying what to do.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument is <see langword="null"/> or <paramref name="history"/> holds <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when the kind is not registered or an option is out of range.</exception>
    public FittedExpectedResponseResult Fit(string kind, IReadOnlyList<Episode> history, ExpectedResponseOptions? options = null)
    {
        Guard.Against.Null(kind);
        Guard.Against.Null(history);
        Guard.Against.InvalidInput(kind, nameof(kind), _factories.ContainsKey, "The kind is not registered; the registered kinds are " + string.Join(", ", Kinds) + ".");
        var watch = Stopwatch.StartNew();
        FittedExpectedResponseResult fitted = _factories[kind].Fit(history, options ?? new ExpectedResponseOptions());
        AllianceTelemetry.RecordFit(kind, fitted.IsSuccess ? "fitted" : fitted.Error!.Code, watch.Elapsed);
        return fitted;
    }

    /// <summary>Reads a model file of any registered kind: its <c>kind</c> property picks the factory (a file without one is read as <c>intake-log-session</c>, as 0.2.0 files are).</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or an <see cref="InvalidExpectedResponseModel"/> (too long, malformed, a kind not registered: the message lists the registered kinds, never the file's value); never throws on bad input.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public ExpectedResponseReadResult Read(string json)
    {
        Guard.Against.Null(json);
        if (json.Length > MaximumFileLength)
        {
            return new InvalidExpectedResponseModel("The model file is longer than 1,000,000 characters; it is not a model.");
        }

        string? kind;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new InvalidExpectedResponseModel("The model file is not a JSON object.");
            }

            kind = document.RootElement.TryGetProperty("kind", out JsonElement element)
                ? element.ValueKind == JsonValueKind.String ? element.GetString() : null
                : ExpectedResponseModel.Kind;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            return new InvalidExpectedResponseModel("The model file is not well-formed JSON (or holds a string no text can carry).");
        }

        return TryGet(kind, out IExpectedResponseModelFactory? factory)
            ? factory.Read(json)
            : new InvalidExpectedResponseModel("The model file's kind is not registered here; the registered kinds are " + string.Join(", ", Kinds) + ".");
    }

    /// <summary>Returns the kinds.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "expected-response models: " + string.Join(", ", Kinds) + " (default " + DefaultKind + ")";
}

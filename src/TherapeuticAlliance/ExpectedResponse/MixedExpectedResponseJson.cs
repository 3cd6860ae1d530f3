using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The mixed model's file (kind <c>mixed-log-session</c>, schema 1.0): no client or therapist data; doubles written shortest-round-trip so a model reads back bit for bit.</summary>
internal static class MixedExpectedResponseJson
{
    private const int MaximumLength = 100_000;

    internal static string Write(MixedExpectedResponseModel model) => JsonSerializer.Serialize(
        new MixedDto
        {
            SchemaVersion = MixedExpectedResponseModel.CurrentSchemaVersion,
            Kind = MixedExpectedResponseModel.KindName,
            InstrumentId = model.InstrumentId,
            Metric = AllianceCodes.ToCode(model.Metric),
            HigherIsBetter = model.HigherIsBetter,
            Coverage = model.Coverage,
            FixedEffects = model.FixedEffects.ToList(),
            ClientCovariance = model.ClientCovariance.ToList(),
            TherapistCovariance = model.TherapistCovariance.ToList(),
            ResidualVariance = model.ResidualVariance,
            Update = ExpectedResponseCodes.ToCode(model.Update),
            History = new MixedHistoryDto
            {
                Episodes = model.History.Episodes,
                Scores = model.History.Scores,
                FirstRecorded = model.History.FirstRecorded,
                LastRecorded = model.History.LastRecorded,
                MinimumIntake = model.History.MinimumIntake,
                MaximumIntake = model.History.MaximumIntake,
                MaximumSession = model.History.MaximumSession,
                RemlCriterion = model.History.RemlCriterion,
                IsSingular = model.History.IsSingular,
            },
        },
        MixedJsonContext.Default.MixedDto);

    internal static ExpectedResponseReadResult Read(string json)
    {
        if (json.Length > MaximumLength)
        {
            return Invalid("The model file is longer than 100,000 characters; it is not a model.");
        }

        switch (JsonDuplicates.Scan(json, 8))
        {
            case JsonScan.Duplicate:
                return Invalid("The model file gives a property twice in one object.");
            case JsonScan.Unreadable:
                return Invalid("The model file holds a string with an unpaired surrogate (raw or escaped); no text can carry it.");
        }

        MixedDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, MixedJsonContext.Default.MixedDto);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            return Invalid("The model file is malformed or has an unexpected property or value type.");
        }

        if (dto is null || dto.SchemaVersion != MixedExpectedResponseModel.CurrentSchemaVersion)
        {
            return Invalid("The model file is not of schema version " + MixedExpectedResponseModel.CurrentSchemaVersion + "; write it again with this version of the library.");
        }

        if (dto.Kind != MixedExpectedResponseModel.KindName)
        {
            return Invalid("The model file is not a mixed-log-session model.");
        }

        if (dto.InstrumentId is not { Length: > 0 } instrument || !AllianceCodes.TryParse(dto.Metric, out ScoreMetric metric)
            || dto.HigherIsBetter is not { } higher || dto.Coverage is not { } coverage || dto.ResidualVariance is not { } sigma2
            || !ExpectedResponseCodes.TryParse(dto.Update, out EmpiricalBayesUpdate updates)
            || dto.FixedEffects is not { Count: 3 } beta || dto.ClientCovariance is not { Count: 3 } client || dto.TherapistCovariance is not { Count: 3 } therapist
            || dto.History is not { Episodes: { } episodes, Scores: { } scores, MinimumIntake: { } low, MaximumIntake: { } high, MaximumSession: { } maximumSession, RemlCriterion: { } criterion, IsSingular: { } singular } history)
        {
            return Invalid("The model file is incomplete: a required property is missing or not one of its values.");
        }

        static bool Finite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);
        static bool Covariance(List<double> c) => c.All(Finite) && c[0] >= 0.0 && c[2] >= 0.0 && (c[1] * c[1]) <= (c[0] * c[2] * (1.0 + 1e-9)) + 1e-300;
        static bool Bounded(double x, double limit) => Finite(x) && Math.Abs(x) <= limit;
        if (!beta.All(b => Bounded(b, 1e9)) || !Covariance(client) || !Covariance(therapist) || client.Concat(therapist).Any(c => !Bounded(c, 1e12)) || !Bounded(sigma2, 1e12) || !(sigma2 > 1e-12)
            || !(coverage > 0.0 && coverage < 1.0) || episodes < 0 || scores < 0 || maximumSession is < 0 or > 1_000_000 || !Bounded(low, 1e9) || !Bounded(high, 1e9) || low > high || !Finite(criterion))
        {
            return Invalid("The model file has a value out of range: coefficients within ±1e9 points, covariances positive semi-definite and at most 1e12, the residual variance between 1e-12 and 1e12, the coverage between 0 and 1, the intake range in order.");
        }

        return ExpectedResponseReadResult.From(new MixedExpectedResponseModel(
            instrument,
            metric,
            higher,
            coverage,
            beta.ToImmutableArray(),
            client.ToImmutableArray(),
            therapist.ToImmutableArray(),
            sigma2,
            updates,
            new MixedModelHistory(episodes, scores, history.FirstRecorded, history.LastRecorded, low, high, maximumSession, criterion, singular)));
    }

    private static InvalidExpectedResponseModel Invalid(string message) => new(message);
}

internal sealed class MixedDto
{
    public string? SchemaVersion { get; set; }

    public string? Kind { get; set; }

    public string? InstrumentId { get; set; }

    public string? Metric { get; set; }

    public bool? HigherIsBetter { get; set; }

    public double? Coverage { get; set; }

    public List<double>? FixedEffects { get; set; }

    public List<double>? ClientCovariance { get; set; }

    public List<double>? TherapistCovariance { get; set; }

    public double? ResidualVariance { get; set; }

    public string? Update { get; set; }

    public MixedHistoryDto? History { get; set; }
}

internal sealed class MixedHistoryDto
{
    public int? Episodes { get; set; }

    public int? Scores { get; set; }

    public DateTimeOffset? FirstRecorded { get; set; }

    public DateTimeOffset? LastRecorded { get; set; }

    public double? MinimumIntake { get; set; }

    public double? MaximumIntake { get; set; }

    public int? MaximumSession { get; set; }

    public double? RemlCriterion { get; set; }

    public bool? IsSingular { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(MixedDto))]
internal sealed partial class MixedJsonContext : JsonSerializerContext
{
}

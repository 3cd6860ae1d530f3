using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The model file's JSON contract (schema 1.0): no client data, doubles written shortest-round-trip so a model reads back bit for bit.</summary>
internal static class ExpectedResponseJson
{
    /// <summary>The longest model file read: 100,000 characters (a model is about 1,000).</summary>
    private const int MaximumLength = 100_000;

    private const string BaseSchemaVersion = ExpectedResponseModel.CurrentSchemaVersion;

    internal static string Write(ExpectedResponseModel model) => JsonSerializer.Serialize(
        new ExpectedResponseDto
        {
            SchemaVersion = model.LevelWindow > 1 ? ExpectedResponseModel.LevelSchemaVersion : ExpectedResponseModel.CurrentSchemaVersion,
            Kind = ExpectedResponseModel.Kind,
            InstrumentId = model.InstrumentId,
            Metric = AllianceCodes.ToCode(model.Metric),
            HigherIsBetter = model.HigherIsBetter,
            Coefficients = new CoefficientsDto { Intercept = model.Intercept, Intake = model.IntakeCoefficient, LogSession = model.LogSessionCoefficient },
            ResidualVariance = model.ResidualVariance,
            DegreesOfFreedom = model.DegreesOfFreedom,
            Covariance = model.Covariance.IsEmpty ? null : model.Covariance.ToList(),
            Band = new BandDto { Kind = ExpectedResponseCodes.ToCode(model.Band), Coverage = model.Coverage, Confidence = model.Confidence },
            History = new HistoryDto
            {
                Episodes = model.EpisodeCount,
                Scores = model.ScoreCount,
                FirstRecorded = model.FirstRecorded,
                LastRecorded = model.LastRecorded,
                MinimumIntake = double.IsInfinity(model.MinimumIntake) ? null : model.MinimumIntake,
                MaximumIntake = double.IsInfinity(model.MaximumIntake) ? null : model.MaximumIntake,
                MaximumSession = model.MaximumSession,
            },
            Level = model.LevelWindow > 1 ? new LevelDto { Window = model.LevelWindow, Bound = model.LevelBound } : null,
        },
        ExpectedResponseJsonContext.Default.ExpectedResponseDto);

    internal static ExpectedResponseModelResult Read(string json)
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

        ExpectedResponseDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, ExpectedResponseJsonContext.Default.ExpectedResponseDto);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            return Invalid("The model file is malformed or has an unexpected property or value type.");
        }

        if (dto is null || (dto.SchemaVersion != ExpectedResponseModel.LevelSchemaVersion && dto.SchemaVersion != BaseSchemaVersion))
        {
            return Invalid("The model file is not of schema version " + BaseSchemaVersion + " or " + ExpectedResponseModel.LevelSchemaVersion + "; write it again with this version of the library.");
        }

        // 1.0 has no level rule; 1.1 may carry one: a window of 2 to 10 scores and a finite edge within ±1e9 points.
        if (dto.Level is { } level && (dto.SchemaVersion == BaseSchemaVersion || level.Window is not (>= 2 and <= 10) || level.Bound is not { } edge || double.IsNaN(edge) || Math.Abs(edge) > 1e9))
        {
            return Invalid("The model file's level rule is out of range: schema 1.1 only, a window of 2 to 10 scores and a finite edge within ±1e9 points.");
        }

        if (dto.Kind != ExpectedResponseModel.Kind)
        {
            return Invalid("The model file is not an intake-log-session model.");
        }

        if (dto.InstrumentId is not { Length: > 0 } instrument || !AllianceCodes.TryParse(dto.Metric, out ScoreMetric metric)
            || dto.HigherIsBetter is not { } higher || dto.Coefficients is not { Intercept: { } b0, Intake: { } b1, LogSession: { } b2 }
            || dto.ResidualVariance is not { } variance || dto.DegreesOfFreedom is not { } df
            || dto.Band is not { Coverage: { } coverage, Confidence: { } confidence } band || !ExpectedResponseCodes.TryParse(band.Kind, out ExpectedResponseBandKind kind)
            || dto.History is not { Episodes: { } episodes, Scores: { } scores, MaximumSession: { } maximumSession } history)
        {
            return Invalid("The model file is incomplete: a required property is missing or not one of its values.");
        }

        ImmutableArray<double> covariance = dto.Covariance?.ToImmutableArray() ?? ImmutableArray<double>.Empty;
        bool fitted = kind != ExpectedResponseBandKind.NormalBound;
        if (!new[] { b0, b1, b2, variance, coverage, confidence }.All(x => !double.IsNaN(x) && !double.IsInfinity(x))
            || !(variance > 0.0) || !(coverage > 0.0 && coverage < 1.0) || !(confidence > 0.0 && confidence < 1.0)
            || episodes < 0 || scores < 0 || maximumSession < 0
            || (fitted && (df < 1 || covariance.Length != 9 || covariance.Any(x => double.IsNaN(x) || double.IsInfinity(x)) || history.MinimumIntake is null || history.MaximumIntake is null))
            || (!fitted && !covariance.IsEmpty))
        {
            return Invalid("The model file has a value out of range: the variance and coverage must be positive, a fitted model needs its degrees of freedom, its 3 × 3 covariance and its intake range.");
        }

        // Bounds no fit on scores of any instrument comes near, so that no expectation or band overflows: points within
        // ±1e9, variances up to 1e12, sessions up to 1,000,000; a fitted model's (XᵀX)⁻¹ symmetric positive definite
        // (a file with another matrix gave a NaN band, found by fuzzing, issue 32).
        if (!new[] { b0, b1, b2 }.All(x => Math.Abs(x) <= 1e9) || variance > 1e12 || maximumSession > 1_000_000
            || history.MinimumIntake is { } low && (Math.Abs(low) > 1e9 || !(low <= history.MaximumIntake)) || history.MaximumIntake is { } high && Math.Abs(high) > 1e9
            || (fitted && !PositiveDefinite(covariance)))
        {
            return Invalid("The model file has a value out of range: coefficients and intakes within ±1e9 points, the variance at most 1e12, sessions at most 1,000,000, the intake range in order, and a fitted model's covariance symmetric and positive definite.");
        }

        return new ExpectedResponseModel(
            instrument,
            metric,
            higher,
            b0,
            b1,
            b2,
            variance,
            df,
            covariance,
            kind,
            coverage,
            confidence,
            episodes,
            scores,
            history.FirstRecorded,
            history.LastRecorded,
            history.MinimumIntake ?? double.NegativeInfinity,
            history.MaximumIntake ?? double.PositiveInfinity,
            maximumSession,
            dto.Level?.Window ?? 1,
            dto.Level?.Bound ?? double.NaN);
    }

    private static InvalidExpectedResponseModel Invalid(string message) => new(message);

    /// <summary>Whether a row-major 3 × 3 matrix is symmetric (to 1e-9 of its largest entry) with positive leading minors.</summary>
    internal static bool PositiveDefinite(ImmutableArray<double> v)
    {
        double scale = v.Max(x => Math.Abs(x));
        if (!(scale > 0.0) || scale > 1e100 || Math.Abs(v[1] - v[3]) > 1e-9 * scale || Math.Abs(v[2] - v[6]) > 1e-9 * scale || Math.Abs(v[5] - v[7]) > 1e-9 * scale)
        {
            return false;
        }

        double m1 = v[0];
        double m2 = (v[0] * v[4]) - (v[1] * v[3]);
        double m3 = (v[0] * ((v[4] * v[8]) - (v[5] * v[7]))) - (v[1] * ((v[3] * v[8]) - (v[5] * v[6]))) + (v[2] * ((v[3] * v[7]) - (v[4] * v[6])));
        return m1 > 0.0 && m2 > 0.0 && m3 > 0.0;
    }
}

internal sealed class ExpectedResponseDto
{
    public string? SchemaVersion { get; set; }

    public string? Kind { get; set; }

    public string? InstrumentId { get; set; }

    public string? Metric { get; set; }

    public bool? HigherIsBetter { get; set; }

    public CoefficientsDto? Coefficients { get; set; }

    public double? ResidualVariance { get; set; }

    public int? DegreesOfFreedom { get; set; }

    public List<double>? Covariance { get; set; }

    public BandDto? Band { get; set; }

    public HistoryDto? History { get; set; }

    public LevelDto? Level { get; set; }
}

internal sealed class LevelDto
{
    public int? Window { get; set; }

    public double? Bound { get; set; }
}

internal sealed class CoefficientsDto
{
    public double? Intercept { get; set; }

    public double? Intake { get; set; }

    public double? LogSession { get; set; }
}

internal sealed class BandDto
{
    public string? Kind { get; set; }

    public double? Coverage { get; set; }

    public double? Confidence { get; set; }
}

internal sealed class HistoryDto
{
    public int? Episodes { get; set; }

    public int? Scores { get; set; }

    public DateTimeOffset? FirstRecorded { get; set; }

    public DateTimeOffset? LastRecorded { get; set; }

    public double? MinimumIntake { get; set; }

    public double? MaximumIntake { get; set; }

    public int? MaximumSession { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 8)]
[JsonSerializable(typeof(ExpectedResponseDto))]
internal sealed partial class ExpectedResponseJsonContext : JsonSerializerContext
{
}

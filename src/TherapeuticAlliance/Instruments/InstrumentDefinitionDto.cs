using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace TherapeuticAlliance.Instruments;

internal sealed class InstrumentDefinitionDto
{
    public int? Format { get; set; }

    public string? Id { get; set; }

    public string? Version { get; set; }

    public string? Name { get; set; }

    public string? Measure { get; set; }

    public double? Reliability { get; set; }

    public bool? Validated { get; set; }

    public ScaleDto? Scale { get; set; }

    public List<ItemDto>? Items { get; set; }

    public List<SubscaleDto>? Subscales { get; set; }

    public List<string>? Perspectives { get; set; }

    public CutoffDto? Cutoff { get; set; }

    public MissingDataDto? MissingData { get; set; }
}

internal sealed class ScaleDto
{
    public decimal? Minimum { get; set; }

    public decimal? Maximum { get; set; }

    public decimal? Step { get; set; }
}

internal sealed class ItemDto
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Reversed { get; set; }
}

internal sealed class SubscaleDto
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; set; }

    public List<string>? Items { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? MapsTo { get; set; }
}

internal sealed class CutoffDto
{
    public decimal? Threshold { get; set; }

    public string? Operator { get; set; }

    public string? Metric { get; set; }
}

internal sealed class MissingDataDto
{
    public string? Rule { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Parameter { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = false,
    MaxDepth = 16)]
[JsonSerializable(typeof(InstrumentDefinitionDto))]
internal sealed partial class InstrumentJsonContext : JsonSerializerContext
{
}

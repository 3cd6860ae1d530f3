using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Instruments;

/// <summary>Reads and writes the JSON instrument definition format, so a site can define a licensed instrument in a few lines.</summary>
/// <remarks>
/// <para>The format (version 1) is documented in <c>docs/instruments.md</c>. Reading never throws on bad input: malformed
/// JSON, unknown properties, out-of-range values and inconsistent structure all give
/// <see cref="InvalidInstrumentDefinition"/> with every problem found. Writing then reading an instrument gives an
/// equal instrument. The reader uses a source-generated serializer, so it works under trimming and native AOT.</para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class InstrumentDefinition
{
    /// <summary>The format version written by <see cref="ToJson"/> and accepted by <see cref="Parse"/>.</summary>
    public const int FormatVersion = 1;

    private const int MaximumLength = 1_000_000;

    /// <summary>Reads an instrument definition.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The instrument, or <see cref="InvalidInstrumentDefinition"/> listing every problem.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    public static InstrumentDefinitionResult Parse(string json)
    {
        Guard.Against.Null(json);
        if (json.Length > MaximumLength)
        {
            return Invalid("The definition is longer than 1,000,000 characters.");
        }

        switch (JsonDuplicates.Scan(json, 16))
        {
            case JsonScan.Duplicate:
                return Invalid("The JSON gives a property twice in one object; give each property once.");
            case JsonScan.Unreadable:
                return Invalid("The JSON holds a string with an unpaired surrogate (raw or escaped); no text can carry it.");
        }

        InstrumentDefinitionDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(json, InstrumentJsonContext.Default.InstrumentDefinitionDto);
        }
        catch (JsonException ex)
        {
            return Invalid(string.Format(
                CultureInfo.InvariantCulture,
                "The JSON is malformed, has an unexpected or repeated property, or a value of the wrong type near line {0}, position {1}.",
                (ex.LineNumber ?? 0) + 1,
                (ex.BytePositionInLine ?? 0) + 1));
        }
        catch (NotSupportedException)
        {
            return Invalid("The JSON has a value of a type the format does not allow.");
        }
        catch (ArgumentException)
        {
            return Invalid("The JSON could not be read.");
        }

        if (dto is null)
        {
            return Invalid("The definition is empty; give a JSON object.");
        }

        return FromDto(dto);
    }

    /// <summary>Writes an instrument as a JSON definition.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <returns>Indented JSON in format version <see cref="FormatVersion"/>.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="instrument"/> is <see langword="null"/>.</exception>
    public static string ToJson(Instrument instrument)
    {
        Guard.Against.Null(instrument);
        var dto = new InstrumentDefinitionDto
        {
            Format = FormatVersion,
            Id = instrument.Id,
            Version = instrument.Version,
            Name = instrument.Name,
            Measure = AllianceCodes.ToCode(instrument.Measure),
            Reliability = instrument.Reliability,
            Validated = instrument.HasPublishedValidation ? null : false,
            Scale = new ScaleDto { Minimum = instrument.Scale.Minimum, Maximum = instrument.Scale.Maximum, Step = instrument.Scale.Step },
            Items = instrument.Items.Select(i => new ItemDto { Id = i.Id, Label = i.Label, Reversed = i.IsReversed }).ToList(),
            Subscales = instrument.Subscales.IsEmpty
                ? null
                : instrument.Subscales.Select(s => new SubscaleDto
                {
                    Id = s.Dimension.Id,
                    Name = s.Dimension.Name,
                    Description = string.IsNullOrEmpty(s.Dimension.Description) || s.Dimension.IsModelDimension ? null : s.Dimension.Description,
                    Items = s.ItemIds.ToList(),
                    MapsTo = s.MapsTo.IsEmpty ? null : s.MapsTo.Select(d => d.Id).ToList(),
                }).ToList(),
            Perspectives = instrument.Perspectives.Select(AllianceCodes.ToCode).ToList(),
            Cutoff = instrument.Cutoff is { } cutoff
                ? new CutoffDto { Threshold = cutoff.Threshold, Operator = AllianceCodes.ToCode(cutoff.Operator), Metric = AllianceCodes.ToCode(cutoff.Metric) }
                : null,
            MissingData = ToDto(instrument.DefaultMissingDataPolicy),
        };
        return JsonSerializer.Serialize(dto, InstrumentJsonContext.Default.InstrumentDefinitionDto);
    }

    private static InstrumentDefinitionResult FromDto(InstrumentDefinitionDto dto)
    {
        var problems = new List<string>();
        if (dto.Format is not null && dto.Format != FormatVersion)
        {
            problems.Add("format: this library reads format version 1.");
        }

        var spec = new InstrumentSpec
        {
            Id = dto.Id,
            Version = dto.Version,
            Name = dto.Name,
            ScaleMinimum = dto.Scale?.Minimum,
            ScaleMaximum = dto.Scale?.Maximum,
            ScaleStep = dto.Scale?.Step,
            Reliability = dto.Reliability,
            HasPublishedValidation = dto.Validated ?? true,
        };

        spec.Measure = dto.Measure switch
        {
            null or "alliance" => MeasureKind.Alliance,
            "outcome" => MeasureKind.Outcome,
            _ => Problem(problems, "measure: use 'alliance' or 'outcome'.", MeasureKind.Alliance),
        };

        foreach (ItemDto? item in dto.Items ?? new List<ItemDto>())
        {
            spec.Items.Add(item is null ? new ItemSpec() : new ItemSpec { Id = item.Id, Label = item.Label, Reversed = item.Reversed });
        }

        foreach (SubscaleDto? subscale in dto.Subscales ?? new List<SubscaleDto>())
        {
            spec.Subscales.Add(subscale is null
                ? new SubscaleSpec()
                : new SubscaleSpec { Id = subscale.Id, Name = subscale.Name, Description = subscale.Description, Items = subscale.Items, MapsTo = subscale.MapsTo });
        }

        foreach (string? perspective in dto.Perspectives ?? new List<string>())
        {
            Perspective? parsed = AllianceCodes.TryParse(perspective, out Perspective code) ? code : null;
            if (parsed is { } p)
            {
                spec.Perspectives.Add(p);
            }
            else
            {
                problems.Add("perspectives: use client, therapist, observer or collateral.");
            }
        }

        if (dto.Cutoff is { } cutoff)
        {
            CutoffOperator? op = AllianceCodes.TryParse(cutoff.Operator, out CutoffOperator o) ? o : null;
            ScoreMetric? metric = cutoff.Metric is null ? ScoreMetric.Sum : AllianceCodes.TryParse(cutoff.Metric, out ScoreMetric m) ? m : null;
            if (cutoff.Threshold is not { } threshold)
            {
                problems.Add("cutoff: give a threshold.");
            }
            else if (op is null)
            {
                problems.Add("cutoff: operator must be lessThan, lessThanOrEqual, greaterThan or greaterThanOrEqual.");
            }
            else if (metric is null)
            {
                problems.Add("cutoff: metric must be sum, mean, pomp, weighted-mean or weakest-link.");
            }
            else
            {
                spec.Cutoff = new ScoreCutoff(threshold, op.Value, metric.Value);
            }
        }

        if (dto.MissingData is { } missing)
        {
            MissingDataPolicy? policy = FromDto(missing);
            if (policy is null)
            {
                problems.Add("missingData: rule must be complete-only, half-rule, prorate-max-items (parameter: a whole number of at least 1) or prorate-max-fraction (parameter: a fraction between 0 and 1).");
            }
            else
            {
                spec.MissingData = policy;
            }
        }

        Instrument? instrument = spec.TryBuild(out ImmutableArray<string> specProblems);
        problems.AddRange(specProblems);
        if (problems.Count > 0 || instrument is null)
        {
            return new InvalidInstrumentDefinition(problems.ToImmutableArray());
        }

        return instrument;
    }

    private static MissingDataDto ToDto(MissingDataPolicy policy) => policy.Rule switch
    {
        MissingDataRule.ProrateMaximumItems => new MissingDataDto { Rule = "prorate-max-items", Parameter = policy.Parameter },
        MissingDataRule.ProrateMaximumFraction => new MissingDataDto { Rule = "prorate-max-fraction", Parameter = policy.Parameter },
        MissingDataRule.HalfRule => new MissingDataDto { Rule = "half-rule" },
        MissingDataRule.CompleteOnly => new MissingDataDto { Rule = "complete-only" },
        _ => throw new InvalidOperationException("The value is not defined by its enumeration."),
    };

    private static MissingDataPolicy? FromDto(MissingDataDto dto) => dto.Rule switch
    {
        "complete-only" => MissingDataPolicy.CompleteOnly,
        "half-rule" => MissingDataPolicy.HalfRule,
        "prorate-max-items" when dto.Parameter is { } n && n >= 1m && n <= 1000m && decimal.Truncate(n) == n => MissingDataPolicy.ProrateUpTo((int)n),
        "prorate-max-fraction" when dto.Parameter is { } f && f > 0m && f < 1m => MissingDataPolicy.ProrateUpToFraction(f),
        _ => null,
    };

    private static T Problem<T>(List<string> problems, string message, T fallback)
    {
        problems.Add(message);
        return fallback;
    }

    private static InvalidInstrumentDefinition Invalid(string problem) => new(ImmutableArray.Create(problem));
}

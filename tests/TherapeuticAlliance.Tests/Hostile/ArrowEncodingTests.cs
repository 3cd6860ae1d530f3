using Apache.Arrow;
using Apache.Arrow.Types;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;

namespace TherapeuticAlliance.Tests.Hostile;

/// <summary>
/// Issue 27, part 3: Arrow columns in the encodings mainstream writers produce. Dictionary-encoded strings (pandas
/// categories, R factors), <c>large_string</c> (Polars), <c>string_view</c> and <c>decimal128</c> values were refused
/// ("Column 'episode' is not a string column"). The same two SRS administrations in every encoding read the same.
/// </summary>
public sealed class ArrowEncodingTests
{
    private static readonly string[] Episodes = { "e1", "e2" };

    private static IArrowArray Dictionary(params string[] values)
    {
        string[] distinct = values.Distinct().ToArray();
        var indices = new Int8Array.Builder().AppendRange(values.Select(v => (sbyte)System.Array.IndexOf(distinct, v))).Build();
        var dictionary = new StringArray.Builder().AppendRange(distinct).Build();
        return new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false), indices, dictionary);
    }

    private static IArrowArray Large(params string[] values) => new LargeStringArray.Builder().AppendRange(values).Build();

    private static IArrowArray View(params string[] values) => new StringViewArray.Builder().AppendRange(values).Build();

    private static IArrowArray Plain(params string[] values) => new StringArray.Builder().AppendRange(values).Build();

    private static IArrowArray Decimals(params decimal[] values)
    {
        var builder = new Decimal128Array.Builder(new Decimal128Type(10, 2));
        foreach (decimal v in values)
        {
            builder.Append(v);
        }

        return builder.Build();
    }

    private static IArrowArray Doubles(params double[] values) => new DoubleArray.Builder().AppendRange(values).Build();

    private static RecordBatch Batch(Func<string[], IArrowArray> strings, Func<double[], IArrowArray> numbers)
    {
        IArrowArray[] columns =
        {
            strings(Episodes), new Int64Array.Builder().AppendRange(new long[] { 1, 2 }).Build(), strings(new[] { "client", "client" }), strings(new[] { "srs", "srs" }),
            numbers(new[] { 9.1, 8.0 }), numbers(new[] { 8.8, 7.5 }), numbers(new[] { 9.0, 7.0 }), numbers(new[] { 9.1, 6.25 }),
        };
        var schema = new Apache.Arrow.Schema.Builder();
        string[] names = { "episode", "session", "perspective", "instrument", "1", "2", "3", "4" };
        for (int i = 0; i < names.Length; i++)
        {
            IArrowType type = columns[i].Data.DataType;
            schema.Field(f => f.Name(names[i]).DataType(type));
        }

        return new RecordBatch(schema.Build(), columns, 2);
    }

    public static TheoryData<string> Encodings() => new() { "dictionary", "large_string", "string_view", "decimal128", "dictionary numbers" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryEncoding_ReadsAsThePlainColumns(string encoding)
    {
        Func<string[], IArrowArray> strings = encoding switch
        {
            "dictionary" => v => Dictionary(v),
            "large_string" => v => Large(v),
            "string_view" => v => View(v),
            _ => v => Plain(v),
        };
        Func<double[], IArrowArray> numbers = encoding switch
        {
            "decimal128" => v => Decimals(v.Select(x => (decimal)x).ToArray()),
            "dictionary numbers" => v => new DictionaryArray(new DictionaryType(Int8Type.Default, DoubleType.Default, false), new Int8Array.Builder().AppendRange(new sbyte[] { 0, 1 }).Build(), Doubles(v)),
            _ => v => Doubles(v),
        };

        ResponseBlock plain = ColumnarResponses.FromRecordBatches(new[] { Batch(Plain, Doubles) }, InstrumentCatalog.BuiltIn).GetValueOrThrow().Single();
        ResponseBlock encoded = ColumnarResponses.FromRecordBatches(new[] { Batch(strings, numbers) }, InstrumentCatalog.BuiltIn).GetValueOrThrow().Single();
        Assert.Equal(plain.Episodes.ToArray(), encoded.Episodes.ToArray());
        Assert.Equal(new[] { "e1", "e2" }, encoded.Episodes.ToArray());
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                Assert.Equal(plain.Responses[r, c], encoded.Responses[r, c]);
            }
        }

        Assert.Equal(6.25, encoded.Responses[1, 3]);
    }

    [Fact]
    public void ADictionaryWithNulls_ReadsNullsAsMissing_AndAnIndexOutOfRangeIsAWrongType()
    {
        var indices = new Int8Array.Builder().Append(0).AppendNull().Build();
        var numbers = new DictionaryArray(new DictionaryType(Int8Type.Default, DoubleType.Default, false), indices, Doubles(9.0));
        IArrowArray Same(double[] v) => numbers;
        ResponseBlock block = ColumnarResponses.FromRecordBatches(new[] { Batch(Plain, Same) }, InstrumentCatalog.BuiltIn).GetValueOrThrow().Single();
        Assert.Equal(9.0, block.Responses[0, 0]);
        Assert.True(double.IsNaN(block.Responses[1, 0]));

        var bad = new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false), new Int8Array.Builder().AppendRange(new sbyte[] { 0, 5 }).Build(), Plain("e1"));
        ColumnarError error = ColumnarResponses.FromRecordBatches(new[] { Batch(v => v[0] == "e1" ? bad : Plain(v), Doubles) }, InstrumentCatalog.BuiltIn).AsT1;
        Assert.Equal((ColumnarErrorKind.WrongType, "episode"), (error.Kind, error.Column));
    }
}

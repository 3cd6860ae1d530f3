using Apache.Arrow;
using Apache.Arrow.Types;

namespace TherapeuticAlliance.Fuzz;

/// <summary>
/// Turns fuzz bytes into Arrow record batches: the library's Arrow reader takes batches, not bytes, so the fuzzer
/// drives the shapes it can meet (column names from the layouts and others, every encoding mainstream writers produce,
/// nulls, lengths, zones, dictionaries with indices in and out of range, several batches of differing schemas). Apache
/// Arrow's own IPC decoder is not the code under test and is not used. Each byte is read once; running out of bytes
/// reads zeros, so every input makes batches.
/// </summary>
internal sealed class ArrowBatches(byte[] input)
{
    private static readonly string[] Names = { "episode", "session", "perspective", "instrument", "date", "item", "value", "total", "1", "2", "3", "4", "5", "12", "x", "episode" };
    private static readonly string[] Texts = { "e1", "e2", "client", "therapist", "observer", "srs", "ors", "wai-sr", "1", "2", "", "2026-01-06", "2026-01-06T00:30:00+01:00", "3 March", "\u00e9", "Jane Doe" };
    private static readonly string[] Zones = { "", "UTC", "+01:00", "-12:00", "+14:00", "Europe/Berlin", "Mars/Olympus_Mons", "+99:00" };

    private int _at;

    internal List<RecordBatch> Build()
    {
        var batches = new List<RecordBatch>();
        int count = 1 + (Next() % 3);
        for (int b = 0; b < count; b++)
        {
            int columns = Next() % 12;
            int length = Next() % 9;
            var fields = new List<Field>();
            var arrays = new List<IArrowArray>();
            for (int c = 0; c < columns; c++)
            {
                string name = Names[Next() % Names.Length];
                IArrowArray array = Column(Next() % 16, length);
                fields.Add(new Field(name, array.Data.DataType, nullable: true));
                arrays.Add(array);
            }

            batches.Add(new RecordBatch(new Apache.Arrow.Schema(fields, null), arrays, length));
        }

        return batches;
    }

    private int Next() => _at < input.Length ? input[_at++] : 0;

    private bool Null() => (Next() & 7) == 0;

    private IArrowArray Column(int kind, int n)
    {
        switch (kind)
        {
            case 0:
                return Fill(new StringArray.Builder(), n, (bld, _) => bld.Append(Texts[Next() % Texts.Length]), bld => bld.AppendNull()).Build();
            case 1:
                return Fill(new LargeStringArray.Builder(), n, (bld, _) => bld.Append(Texts[Next() % Texts.Length]), bld => bld.AppendNull()).Build();
            case 2:
                return Fill(new StringViewArray.Builder(), n, (bld, _) => bld.Append(Texts[Next() % Texts.Length]), bld => bld.AppendNull()).Build();
            case 3:
            {
                // Dictionary-encoded strings; an index may point past the dictionary.
                int size = 1 + (Next() % 4);
                var dictionary = Fill(new StringArray.Builder(), size, (bld, _) => bld.Append(Texts[Next() % Texts.Length]), bld => bld.AppendNull()).Build();
                var indices = Fill(new Int8Array.Builder(), n, (bld, _) => bld.Append((sbyte)(Next() % (size + 1))), bld => bld.AppendNull()).Build();
                return new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false), indices, dictionary);
            }

            case 4:
                return Fill(new Int32Array.Builder(), n, (bld, _) => bld.Append((sbyte)(Next() - 128)), bld => bld.AppendNull()).Build();
            case 5:
                return Fill(new Int64Array.Builder(), n, (bld, _) => bld.Append(Next() == 255 ? long.MaxValue : (long)(sbyte)(Next() - 128)), bld => bld.AppendNull()).Build();
            case 6:
                return Fill(new UInt64Array.Builder(), n, (bld, _) => bld.Append(Next() == 255 ? ulong.MaxValue : (ulong)Next()), bld => bld.AppendNull()).Build();
            case 7:
                return Fill(new DoubleArray.Builder(), n, (bld, _) => bld.Append(Number()), bld => bld.AppendNull()).Build();
            case 8:
                return Fill(new FloatArray.Builder(), n, (bld, _) => bld.Append((float)Number()), bld => bld.AppendNull()).Build();
            case 9:
            {
                int scale = Next() % 4;
                var builder = new Decimal128Array.Builder(new Decimal128Type(38, scale));
                for (int i = 0; i < n; i++)
                {
                    if (Null())
                    {
                        builder.AppendNull();
                    }
                    else
                    {
                        // The builder refuses a value with more decimals than the type's scale, so the value is rounded to it.
                        builder.Append(Next() == 255 ? 79228162514264337593543950335m : Math.Round((decimal)(sbyte)(Next() - 128) / 4, scale));
                    }
                }

                return builder.Build();
            }

            case 10:
                return Fill(new Date32Array.Builder(), n, (bld, _) => bld.Append(new DateTime(2026, 1, 1).AddDays((sbyte)(Next() - 128))), bld => bld.AppendNull()).Build();
            case 11:
            {
                var type = new TimestampType(TimeUnit.Millisecond, Zones[Next() % Zones.Length]);
                return Fill(new TimestampArray.Builder(type), n, (bld, _) => bld.Append(new DateTimeOffset(2026, 1, 6, 0, 30, 0, TimeSpan.Zero).AddHours((sbyte)(Next() - 128))), bld => bld.AppendNull()).Build();
            }

            case 12:
            {
                int size = 1 + (Next() % 4);
                var dictionary = Fill(new DoubleArray.Builder(), size, (bld, _) => bld.Append(Number()), bld => bld.AppendNull()).Build();
                var indices = Fill(new Int8Array.Builder(), n, (bld, _) => bld.Append((sbyte)(Next() % (size + 1))), bld => bld.AppendNull()).Build();
                return new DictionaryArray(new DictionaryType(Int8Type.Default, DoubleType.Default, false), indices, dictionary);
            }

            case 13:
                return Fill(new BooleanArray.Builder(), n, (bld, _) => bld.Append((Next() & 1) == 1), bld => bld.AppendNull()).Build();
            case 14:
                return Fill(new Int16Array.Builder(), n, (bld, _) => bld.Append((short)(sbyte)(Next() - 128)), bld => bld.AppendNull()).Build();
            default:
                return Fill(new UInt8Array.Builder(), n, (bld, _) => bld.Append((byte)Next()), bld => bld.AppendNull()).Build();
        }
    }

    private double Number() => (Next() % 8) switch
    {
        0 => double.NaN,
        1 => double.PositiveInfinity,
        2 => -1e308,
        3 => 0.1 * Next(),
        _ => Next() % 12,
    };

    private TBuilder Fill<TBuilder>(TBuilder builder, int n, Action<TBuilder, int> value, Action<TBuilder> none)
    {
        for (int i = 0; i < n; i++)
        {
            if (Null())
            {
                none(builder);
            }
            else
            {
                value(builder, i);
            }
        }

        return builder;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Columnar;

/// <summary>One typed output column: strings, int32 or doubles (NaN written as null).</summary>
internal sealed class TableColumn
{
    private TableColumn(string name, string?[]? strings, int?[]? integers, double[]? doubles)
    {
        Name = name;
        StringValues = strings;
        IntegerValues = integers;
        DoubleValues = doubles;
    }

    internal string Name { get; }

    internal string?[]? StringValues { get; }

    internal int?[]? IntegerValues { get; }

    internal double[]? DoubleValues { get; }

    internal static TableColumn Strings(string name, string?[] values) => new(name, values, null, null);

    internal static TableColumn Integers(string name, int[] values) => new(name, null, values.Select(v => (int?)v).ToArray(), null);

    internal static TableColumn Integers(string name, int?[] values) => new(name, null, values, null);

    internal static TableColumn Doubles(string name, double[] values) => new(name, null, null, values);
}

/// <summary>Turns typed columns into an Arrow record batch or a Parquet file; shared by the score and table writers.</summary>
internal static class TableColumns
{
    internal static List<TableColumn> FromTidy(TidyTable table)
    {
        var columns = new List<TableColumn>();
        for (int c = 0; c < table.Columns.Length; c++)
        {
            object?[] cells = table.Rows.Select(r => r[c]).ToArray();
            string name = table.Columns[c];
            if (cells.Any(v => v is not null) && cells.All(v => v is null or int))
            {
                columns.Add(TableColumn.Integers(name, cells.Select(v => (int?)v).ToArray()));
            }
            else if (cells.Any(v => v is not null) && cells.All(v => v is null or int or double or decimal))
            {
                columns.Add(TableColumn.Doubles(name, cells.Select(v => v switch { int i => i, double d => d, decimal m => (double)m, _ => double.NaN }).ToArray()));
            }
            else
            {
                columns.Add(TableColumn.Strings(name, cells.Select(v => v switch
                {
                    null => null,
                    string s => s,
                    double d => d.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => v.ToString(),
                }).ToArray()));
            }
        }

        return columns;
    }

    internal static RecordBatch ToRecordBatch(List<TableColumn> columns, int length)
    {
        var schema = new Apache.Arrow.Schema.Builder();
        var arrays = new List<IArrowArray>();
        foreach (TableColumn column in columns)
        {
            if (column.StringValues is { } strings)
            {
                schema.Field(f => f.Name(column.Name).DataType(StringType.Default).Nullable(true));
                var builder = new StringArray.Builder();
                foreach (string? value in strings)
                {
                    if (value is null)
                    {
                        builder.AppendNull();
                    }
                    else
                    {
                        builder.Append(value);
                    }
                }

                arrays.Add(builder.Build());
            }
            else if (column.IntegerValues is { } integers)
            {
                schema.Field(f => f.Name(column.Name).DataType(Int32Type.Default).Nullable(true));
                var builder = new Int32Array.Builder();
                foreach (int? value in integers)
                {
                    builder.Append(value);
                }

                arrays.Add(builder.Build());
            }
            else
            {
                schema.Field(f => f.Name(column.Name).DataType(DoubleType.Default).Nullable(true));
                var builder = new DoubleArray.Builder();
                foreach (double value in column.DoubleValues!)
                {
                    if (double.IsNaN(value))
                    {
                        builder.AppendNull();
                    }
                    else
                    {
                        builder.Append(value);
                    }
                }

                arrays.Add(builder.Build());
            }
        }

        return new RecordBatch(schema.Build(), arrays, length);
    }

    internal static async Task WriteParquetAsync(Stream stream, List<TableColumn> columns, CancellationToken cancellationToken)
    {
        var fields = columns.Select(c => c.StringValues is not null ? (DataField)new DataField<string>(c.Name) : c.IntegerValues is not null ? new DataField<int?>(c.Name) : new DataField<double?>(c.Name)).ToArray();
        ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            for (int c = 0; c < columns.Count; c++)
            {
                TableColumn column = columns[c];
                if (column.StringValues is { } strings)
                {
                    await group.WriteAsync(fields[c], strings).ConfigureAwait(false);
                }
                else if (column.IntegerValues is { } integers)
                {
                    await group.WriteAsync<int>(fields[c], integers.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    double?[] values = column.DoubleValues!.Select(v => double.IsNaN(v) ? (double?)null : v).ToArray();
                    await group.WriteAsync<double>(fields[c], values.AsMemory(), null, null, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}

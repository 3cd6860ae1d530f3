using System.Collections.Immutable;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;
using TherapeuticAlliance.Tables;

namespace TherapeuticAlliance.Cli;

/// <summary>
/// Administrations from a Parquet file or a folder of partitions (--input-format parquet), through the Columnar
/// package. A Parquet input is read whole: a wrong schema or a bad key cell stops the read with one problem that names
/// the row and column; response values off the scale are reported per administration, as for CSV.
/// </summary>
internal sealed class ParquetAdministrationSource : IAdministrationSource
{
    private readonly IInstrumentCatalog _catalog;
    private readonly string _path;
    private readonly string _displayName;
    private readonly ResponseLayout _layout;

    internal ParquetAdministrationSource(IInstrumentCatalog catalog, string path, ResponseLayout layout)
    {
        _catalog = catalog;
        _path = path;
        _displayName = SafeText.Clean(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), 120);
        _layout = layout;
    }

    public long RowsRead { get; private set; }

    public long RowsRejected { get; private set; }

    public long AdministrationsRejected => 0;

    public bool Fatal { get; private set; }

    private List<InputProblem> Problems { get; } = new();

    public IReadOnlyList<InputProblem> TakeProblems()
    {
        InputProblem[] taken = Problems.ToArray();
        Problems.Clear();
        return taken;
    }

    public IEnumerable<Administration> Read(Action<long>? progress = null)
    {
        ColumnarResult<ImmutableArray<ResponseBlock>> read = ColumnarResponses.ReadParquetAsync(_path, _catalog, _layout).GetAwaiter().GetResult();
        if (read.IsT1)
        {
            Fatal = true;
            ColumnarError error = read.AsT1;
            // The message names the column and row itself; column names come from the file, so they are cleaned as text.
            Problems.Add(new InputProblem(_displayName, error.Row ?? 0, null, SafeText.Clean(error.Message, 120)));
            yield break;
        }

        RowsRead = read.AsT0.Sum(b => b.SourceRowCounts.Sum(c => (long)c));
        long done = 0;
        foreach (ResponseBlock block in read.AsT0)
        {
            int items = block.Responses.ColumnCount;
            for (int r = 0; r < block.RowCount; r++)
            {
                // One row of the matrix in item order: no object per cell (the assessment takes the values as they are).
                var values = new decimal?[items];
                for (int c = 0; c < items; c++)
                {
                    double value = block.Responses[r, c];
                    values[c] = double.IsNaN(value) ? null : Math.Abs(value) < 7.9e27 ? (decimal)value : decimal.MaxValue;
                }

                done += block.SourceRowCounts[r];
                progress?.Invoke(done);
                yield return new Administration(block.Episodes[r], block.Sessions[r], block.Dates[r], block.Perspectives[r], block.Instrument, Array.Empty<ItemResponse>(), Array.Empty<long>(), block.SourceRows[r], block.SourceRowCounts[r])
                {
                    ValuesInItemOrder = values,
                    Keys = block.Care.IsDefault ? CareKeys.None : block.Care[r],
                };
            }
        }
    }
}

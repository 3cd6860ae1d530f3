using System.Collections.Immutable;
using System.Globalization;
using TherapeuticAlliance.Columnar;
using TherapeuticAlliance.Instruments;
using TherapeuticAlliance.Schema;

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
        _displayName = AdministrationReader.SafeText(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
        _layout = layout;
    }

    public long RowsRead { get; private set; }

    public long RowsRejected { get; private set; }

    public long AdministrationsRejected => 0;

    public bool Fatal { get; private set; }

    public List<InputProblem> Problems { get; } = new();

    public IEnumerable<Administration> Read(Action<long>? progress = null)
    {
        ColumnarResult<ImmutableArray<ResponseBlock>> read = ColumnarResponses.ReadParquetAsync(_path, _catalog, _layout).GetAwaiter().GetResult();
        if (read.IsT1)
        {
            Fatal = true;
            ColumnarError error = read.AsT1;
            // The message names the column and row itself; column names come from the file, so they are cleaned as text.
            Problems.Add(new InputProblem(_displayName, error.Row ?? 0, null, AdministrationReader.SafeText(error.Message)));
            yield break;
        }

        RowsRead = read.AsT0.Sum(b => b.SourceRowCounts.Sum(c => (long)c));
        long done = 0;
        foreach (ResponseBlock block in read.AsT0)
        {
            for (int r = 0; r < block.RowCount; r++)
            {
                var responses = new List<ItemResponse>(block.Responses.ColumnCount);
                var lines = new List<long>(block.Responses.ColumnCount);
                for (int c = 0; c < block.Responses.ColumnCount; c++)
                {
                    double value = block.Responses[r, c];
                    string item = block.Instrument.Items[c].Id;
                    responses.Add(double.IsNaN(value) ? ItemResponse.NotAnswered(item)
                        : Math.Abs(value) < 7.9e27 ? ItemResponse.Answered(item, (decimal)value)
                        : ItemResponse.Answered(item, decimal.MaxValue));
                    lines.Add(block.SourceRows[r]);
                }

                done += block.SourceRowCounts[r];
                progress?.Invoke(done);
                yield return new Administration(block.Episodes[r], block.Sessions[r], block.Dates[r], block.Perspectives[r], block.Instrument, responses, lines, block.SourceRows[r], block.SourceRowCounts[r]);
            }
        }
    }
}

/// <summary>Where the pipeline reads administrations from: a CSV file or Parquet partitions.</summary>
internal interface IAdministrationSource
{
    long RowsRead { get; }

    long RowsRejected { get; }

    long AdministrationsRejected { get; }

    bool Fatal { get; }

    List<InputProblem> Problems { get; }

    IEnumerable<Administration> Read(Action<long>? progress = null);
}

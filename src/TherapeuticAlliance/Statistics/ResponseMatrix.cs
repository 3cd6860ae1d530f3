using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Statistics;

/// <summary>Represents responses as a matrix for the batch path: rows are administrations, columns are items, <see cref="double.NaN"/> marks a missing response.</summary>
/// <remarks>
/// <para>Values are stored column by column (each item's responses are contiguous), which suits column
/// statistics and vectorised row totals. Every factory copies its input exactly once, into that layout, and says
/// so; the matrix never aliases a caller's array, so it stays immutable. Values are finite numbers or NaN.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ResponseMatrix
{
    private readonly double[] _columnMajor;

    private ResponseMatrix(double[] columnMajor, int rowCount, int columnCount, ImmutableArray<string> columnNames)
    {
        _columnMajor = columnMajor;
        RowCount = rowCount;
        ColumnCount = columnCount;
        ColumnNames = columnNames;
    }

    /// <summary>Gets the values, column after column; never exposed, never written.</summary>
    internal double[] ColumnMajorValues => _columnMajor;

    /// <summary>Gets the number of rows (administrations).</summary>
    public int RowCount { get; }

    /// <summary>Gets the number of columns (items).</summary>
    public int ColumnCount { get; }

    /// <summary>Gets the column names (item identifiers); by default <c>1</c>, <c>2</c>, ….</summary>
    public ImmutableArray<string> ColumnNames { get; }

    /// <summary>Gets one response.</summary>
    /// <param name="row">The 0-based row.</param>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The value, or NaN when missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when an index is out of range.</exception>
    public double this[int row, int column]
    {
        get
        {
            Guard.Against.OutOfRange(row, nameof(row), 0, RowCount - 1);
            Guard.Against.OutOfRange(column, nameof(column), 0, ColumnCount - 1);
            return _columnMajor[(column * RowCount) + row];
        }
    }

    /// <summary>Gets one column (all responses to one item) without copying.</summary>
    /// <param name="column">The 0-based column.</param>
    /// <returns>The column's values, NaN where missing.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="column"/> is out of range.</exception>
    public ReadOnlySpan<double> GetColumn(int column)
    {
        Guard.Against.OutOfRange(column, nameof(column), 0, ColumnCount - 1);
        return new ReadOnlySpan<double>(_columnMajor, column * RowCount, RowCount);
    }

    /// <summary>Creates a matrix from values laid out row by row (the order of a CSV file or a C# <c>double[,]</c>); copies them once.</summary>
    /// <param name="values">Row-major values, <c>rowCount × columnCount</c> of them; NaN = missing.</param>
    /// <param name="rowCount">The number of rows; 0 or more.</param>
    /// <param name="columnCount">The number of columns; 1 or more.</param>
    /// <param name="columnNames">Optional column names, one per column.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">Thrown when the counts do not match the values, a value is infinite, or the names do not match the columns.</exception>
    public static ResponseMatrix FromRowMajor(ReadOnlySpan<double> values, int rowCount, int columnCount, IEnumerable<string>? columnNames = null)
    {
        CheckShape(values.Length, rowCount, columnCount, nameof(values));
        var data = new double[values.Length];
        for (int r = 0; r < rowCount; r++)
        {
            for (int c = 0; c < columnCount; c++)
            {
                data[(c * rowCount) + r] = values[(r * columnCount) + c];
            }
        }

        return Create(data, rowCount, columnCount, columnNames, nameof(values));
    }

    /// <summary>Creates a matrix from values laid out column by column; copies them once.</summary>
    /// <param name="values">Column-major values, <c>rowCount × columnCount</c> of them; NaN = missing.</param>
    /// <param name="rowCount">The number of rows; 0 or more.</param>
    /// <param name="columnCount">The number of columns; 1 or more.</param>
    /// <param name="columnNames">Optional column names, one per column.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">Thrown when the counts do not match the values, a value is infinite, or the names do not match the columns.</exception>
    public static ResponseMatrix FromColumnMajor(ReadOnlySpan<double> values, int rowCount, int columnCount, IEnumerable<string>? columnNames = null)
    {
        CheckShape(values.Length, rowCount, columnCount, nameof(values));
        return Create(values.ToArray(), rowCount, columnCount, columnNames, nameof(values));
    }

    /// <summary>The most values one matrix holds: the largest .NET array of doubles (2,147,483,591). Split larger data into several matrices (the batch APIs work on any number).</summary>
    public const int MaximumValues = 0x7FFFFFC7;

    /// <summary>Multiplies rows by columns without overflow, and rejects a product past <see cref="MaximumValues"/>.</summary>
    private static int CheckedLength(int rows, int columns, string parameterName)
    {
        long length = (long)rows * columns;
        return length <= MaximumValues
            ? (int)length
            : throw new ArgumentException(string.Format(System.Globalization.CultureInfo.InvariantCulture, "The matrix would hold {0} values, more than the {1} one matrix can hold. Split the data into several matrices.", length, MaximumValues), parameterName);
    }

    /// <summary>Creates a matrix from rows of equal length; copies them once.</summary>
    /// <param name="rows">The rows; NaN = missing.</param>
    /// <param name="columnNames">Optional column names, one per column.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="rows"/> or a row is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when there are no rows, rows differ in length, a value is infinite, or the matrix would hold more than <see cref="MaximumValues"/> values.</exception>
    public static ResponseMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows, IEnumerable<string>? columnNames = null)
    {
        Guard.Against.Null(rows);
        Guard.Against.InvalidInput(rows, nameof(rows), r => r.Count > 0 && r.All(row => row is not null), "Give at least one row; rows must not be null.");
        int columnCount = rows[0].Count;
        Guard.Against.InvalidInput(rows, nameof(rows), r => columnCount > 0 && r.All(row => row.Count == columnCount), "Every row must have the same, non-zero number of values.");
        int rowCount = rows.Count;
        var data = new double[CheckedLength(rowCount, columnCount, nameof(rows))];
        for (int r = 0; r < rowCount; r++)
        {
            IReadOnlyList<double> row = rows[r];
            for (int c = 0; c < columnCount; c++)
            {
                data[(c * rowCount) + r] = row[c];
            }
        }

        return Create(data, rowCount, columnCount, columnNames, nameof(rows));
    }

    /// <summary>Creates a matrix of the raw responses of assessments of one instrument, one row per assessment in the order given and one column per item; not-answered items become NaN.</summary>
    /// <param name="instrument">The instrument; its item identifiers become the column names.</param>
    /// <param name="assessments">Assessments of <paramref name="instrument"/>.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentNullException">Thrown when an argument or an assessment is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when an assessment is of another instrument, or the matrix would hold more than <see cref="MaximumValues"/> values.</exception>
    public static ResponseMatrix FromAssessments(Instrument instrument, IEnumerable<Assessment> assessments)
    {
        Guard.Against.Null(instrument);
        Guard.Against.Null(assessments);
        IReadOnlyList<Assessment> list = assessments as IReadOnlyList<Assessment> ?? assessments.ToList();
        int rowCount = list.Count;
        int columnCount = instrument.Items.Length;
        var data = new double[CheckedLength(rowCount, columnCount, nameof(assessments))];
        for (int r = 0; r < rowCount; r++)
        {
            Assessment assessment = Guard.Against.Null(list[r], nameof(assessments));
            Guard.Against.InvalidInput(assessment, nameof(assessments), a => a.Instrument.Equals(instrument), "Every assessment must be of the given instrument.");
            ImmutableArray<decimal?> values = assessment.Values;
            for (int c = 0; c < columnCount; c++)
            {
                data[(c * rowCount) + r] = values[c] is { } value ? (double)value : double.NaN;
            }
        }

        return new ResponseMatrix(data, rowCount, columnCount, instrument.Items.Select(i => i.Id).ToImmutableArray());
    }

    /// <summary>Returns a new matrix with the chosen columns, in the order given (copies them).</summary>
    /// <param name="columns">0-based column indices.</param>
    /// <returns>The new matrix.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Thrown when no column is chosen or an index is out of range.</exception>
    public ResponseMatrix SelectColumns(IEnumerable<int> columns)
    {
        Guard.Against.Null(columns);
        int[] chosen = columns.ToArray();
        Guard.Against.InvalidInput(chosen, nameof(columns), c => c.Length > 0 && c.All(i => i >= 0 && i < ColumnCount), "Choose at least one column, each within range.");
        var data = new double[RowCount * chosen.Length];
        for (int c = 0; c < chosen.Length; c++)
        {
            Array.Copy(_columnMajor, chosen[c] * RowCount, data, c * RowCount, RowCount);
        }

        return new ResponseMatrix(data, RowCount, chosen.Length, chosen.Select(i => ColumnNames[i]).ToImmutableArray());
    }

    /// <summary>Returns a description with the dimensions, never the values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} × {1} response matrix", RowCount, ColumnCount);

    private static void CheckShape(int length, int rowCount, int columnCount, string parameterName)
    {
        Guard.Against.Negative(rowCount);
        Guard.Against.NegativeOrZero(columnCount);
        if ((long)rowCount * columnCount != length)
        {
            throw new ArgumentException("The number of values must equal rowCount × columnCount.", parameterName);
        }
    }

    private static ResponseMatrix Create(double[] data, int rowCount, int columnCount, IEnumerable<string>? columnNames, string parameterName)
    {
        foreach (double value in data)
        {
            if (double.IsInfinity(value))
            {
                throw new ArgumentException("Values must be finite numbers, or NaN for a missing response.", parameterName);
            }
        }

        ImmutableArray<string> names = columnNames is null
            ? Enumerable.Range(1, columnCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToImmutableArray()
            : columnNames.ToImmutableArray();
        Guard.Against.InvalidInput(names, nameof(columnNames), n => n.Length == columnCount && n.All(name => name is not null), "Give one non-null name per column.");
        return new ResponseMatrix(data, rowCount, columnCount, names);
    }
}

using System;
using System.Collections.Generic;

namespace TherapeuticAlliance.Tables;

/// <summary>
/// A source of administrations read one at a time (a CSV response file, <see cref="ResponseFileReader"/>, or Parquet
/// partitions in the Columnar package), with an account of what was read and left out.
/// </summary>
/// <remarks>
/// A source is read once, by one caller: implementations are not thread-safe. Problems are collected while reading and
/// handed out by <see cref="TakeProblems"/>, so a caller that takes them as it goes keeps memory bounded.
/// </remarks>
public interface IAdministrationSource
{
    /// <summary>Gets the number of data rows read so far (the header not counted).</summary>
    long RowsRead { get; }

    /// <summary>Gets the number of rows left out so far because their administration was rejected whole.</summary>
    long RowsRejected { get; }

    /// <summary>Gets the number of administrations rejected whole while reading (none is ever yielded in part).</summary>
    long AdministrationsRejected { get; }

    /// <summary>Gets whether a problem with the whole source (encoding, header, an over-long field, a wrong schema) stopped the read.</summary>
    bool Fatal { get; }

    /// <summary>Reads the administrations in file order. Bad rows are skipped and their problems collected.</summary>
    /// <param name="progress">Called with the number of rows read so far, or <see langword="null"/>.</param>
    /// <returns>The administrations, lazily; enumerate once.</returns>
    IEnumerable<Administration> Read(Action<long>? progress = null);

    /// <summary>Returns the problems found since the last call and forgets them.</summary>
    /// <returns>The problems in the order found; empty when there are none.</returns>
    IReadOnlyList<InputProblem> TakeProblems();
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance.Linkage;

/// <summary>
/// The random-intercept cross-lagged panel model (RI-CLPM; Hamaker, Kuiper and Grasman 2015, "A critique of the
/// cross-lagged panel model", Psychological Methods 20(1)) for users who need the full structural equation model: the data
/// in the wide shape lavaan reads (one row per client, <c>alliance1</c> … <c>allianceT</c>, <c>outcome1</c> …
/// <c>outcomeT</c>) and the lavaan model string (the layout of Mulder and Hamaker's tutorial code: random intercepts with
/// loadings fixed at 1, within-person parts, lagged and cross-lagged paths, same-wave covariances, observed residual
/// variances fixed at 0). The library does not fit structural equation models; fit the export in R with
/// <c>lavaan::lavaan(model, data, missing = "ML", meanstructure = TRUE, int.ov.free = TRUE)</c>.
/// </summary>
/// <remarks>Waves are session numbers 1 to T; a session a client did not rate is missing (an empty cell, lavaan's NA). Thread-safe: every method is pure.</remarks>
public static class RiClpmExport
{
    private static readonly char[] QuotedCharacters = { ',', '"', '\n', '\r' };

    /// <summary>The file name the command line gives the wide data: <c>ri-clpm.csv</c>.</summary>
    public const string DataFileName = "ri-clpm.csv";

    /// <summary>The file name the command line gives the lavaan model: <c>ri-clpm.lav</c>.</summary>
    public const string ModelFileName = "ri-clpm.lav";

    /// <summary>The waves the command line exports unless told otherwise: 7, the sessions 1 to 7 of Flückiger et al.'s (2020) two-stage analysis.</summary>
    public const int DefaultWaves = 7;

    /// <summary>The most waves an export takes.</summary>
    public const int MaximumWaves = 52;

    /// <summary>Builds the lavaan model string for <paramref name="waves"/> waves of <c>alliance</c> and <c>outcome</c>.</summary>
    /// <param name="waves">The number of waves T, 2 to <see cref="MaximumWaves"/>.</param>
    /// <returns>The model, one lavaan statement per line, with comments.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="waves"/> is out of range.</exception>
    public static string LavaanModel(int waves)
    {
        Guard.Against.OutOfRange(waves, nameof(waves), 2, MaximumWaves);
        var t = Enumerable.Range(1, waves).ToArray();
        var s = new StringBuilder();
        void Line(string text) => s.Append(text).Append('\n');
        string Join(Func<int, string> f) => string.Join(" + ", t.Select(f));
        string N(int i) => i.ToString(CultureInfo.InvariantCulture);
        Line("# RI-CLPM (Hamaker, Kuiper & Grasman 2015), written by TherapeuticAlliance; fit with lavaan::lavaan(model, data, missing = \"ML\", meanstructure = TRUE, int.ov.free = TRUE)");
        Line("# Between-person parts: random intercepts, loadings fixed at 1");
        Line("RIalliance =~ " + Join(i => "1*alliance" + N(i)));
        Line("RIoutcome =~ " + Join(i => "1*outcome" + N(i)));
        Line("# Within-person parts");
        foreach (int i in t)
        {
            Line("walliance" + N(i) + " =~ 1*alliance" + N(i));
            Line("woutcome" + N(i) + " =~ 1*outcome" + N(i));
        }

        Line("# Autoregressive and cross-lagged paths");
        foreach (int i in t.Skip(1))
        {
            Line("walliance" + N(i) + " ~ walliance" + N(i - 1) + " + woutcome" + N(i - 1));
            Line("woutcome" + N(i) + " ~ walliance" + N(i - 1) + " + woutcome" + N(i - 1));
        }

        Line("# Same-wave covariances (residual covariances after the first wave)");
        foreach (int i in t)
        {
            Line("walliance" + N(i) + " ~~ woutcome" + N(i));
        }

        Line("# Variances of the within-person parts (residual variances after the first wave)");
        foreach (int i in t)
        {
            Line("walliance" + N(i) + " ~~ walliance" + N(i));
            Line("woutcome" + N(i) + " ~~ woutcome" + N(i));
        }

        Line("# Random intercepts: variances and covariance; uncorrelated with the first wave's within-person parts");
        Line("RIalliance ~~ RIalliance");
        Line("RIoutcome ~~ RIoutcome");
        Line("RIalliance ~~ RIoutcome");
        Line("RIalliance ~~ 0*walliance1 + 0*woutcome1");
        Line("RIoutcome ~~ 0*walliance1 + 0*woutcome1");
        Line("# Observed residual variances fixed at 0");
        foreach (int i in t)
        {
            Line("alliance" + N(i) + " ~~ 0*alliance" + N(i));
            Line("outcome" + N(i) + " ~~ 0*outcome" + N(i));
        }

        return s.ToString();
    }

    /// <summary>
    /// Writes the paired clients' series in the wide shape: a header <c>client,alliance1,…,allianceT,outcome1,…,outcomeT</c>,
    /// then one row per client with an alliance series and an outcome series, values with invariant formatting, empty
    /// where the session was not rated. Sessions after T are not written.
    /// </summary>
    /// <param name="paired">The paired series (<see cref="AllianceLinkage.Pair"/>; the pairing rule does not matter, every rating of sessions 1 to T is written).</param>
    /// <param name="waves">The number of waves T, 2 to <see cref="MaximumWaves"/>.</param>
    /// <param name="writer">Where to write, as CSV (RFC 4180: a client identifier with a comma or quote is quoted).</param>
    /// <returns>The number of client rows written.</returns>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="paired"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Thrown when <paramref name="waves"/> is out of range.</exception>
    public static int WriteWideCsv(PairedSeries paired, int waves, TextWriter writer)
    {
        Guard.Against.Null(paired);
        Guard.Against.Null(writer);
        Guard.Against.OutOfRange(waves, nameof(waves), 2, MaximumWaves);
        var outcomes = paired.OutcomeRows.GroupBy(r => r.Client).ToDictionary(g => g.Key, g => g.ToArray());
        var header = new List<string> { "client" };
        header.AddRange(Enumerable.Range(1, waves).Select(i => "alliance" + i.ToString(CultureInfo.InvariantCulture)));
        header.AddRange(Enumerable.Range(1, waves).Select(i => "outcome" + i.ToString(CultureInfo.InvariantCulture)));
        writer.Write(string.Join(",", header));
        writer.Write('\n');
        int written = 0;
        foreach (var client in paired.AllianceRows.GroupBy(r => r.Client))
        {
            if (!outcomes.TryGetValue(client.Key, out RatingRow[]? outcome))
            {
                continue;
            }

            var cells = new List<string> { Quote(paired.ClientIds[client.Key]) };
            cells.AddRange(Wave(client, waves));
            cells.AddRange(Wave(outcome, waves));
            writer.Write(string.Join(",", cells));
            writer.Write('\n');
            written++;
        }

        return written;
    }

    private static string[] Wave(IEnumerable<RatingRow> rows, int waves)
    {
        string[] cells = Enumerable.Repeat(string.Empty, waves).ToArray();
        foreach (RatingRow row in rows)
        {
            if (row.Session >= 1 && row.Session <= waves)
            {
                cells[row.Session - 1] = row.Value.ToString("R", CultureInfo.InvariantCulture);
            }
        }

        return cells;
    }

    private static string Quote(string value) =>
        value.IndexOfAny(QuotedCharacters) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}

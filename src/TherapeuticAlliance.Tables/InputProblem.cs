using System.Globalization;

namespace TherapeuticAlliance.Tables;

/// <summary>A problem with an input file: the file's name, the line, the column and what was expected; never the content of a row.</summary>
/// <param name="File">The file's name (cleaned of control characters and capped; never a folder path).</param>
/// <param name="Line">The line in the file (from 1, the header), or the row for a columnar source; 0 when the problem is the whole source.</param>
/// <param name="Column">The column the problem is in (a name of <see cref="Schema.ResponseFileSchema"/>), or <see langword="null"/> for the row or the file.</param>
/// <param name="Message">What was expected, in English; it may name the command-line option that fixes it (such as <c>--delimiter</c>, <see cref="ResponseFileOptions.Delimiter"/> in code). It never quotes a cell or a column name from the file.</param>
/// <remarks>Instances are immutable and thread-safe.</remarks>
public sealed record InputProblem(string File, long Line, string? Column, string Message)
{
    /// <summary>The longest message <see cref="ToString"/> writes (400 characters); a longer one is cut with an ellipsis, so one problem is one bounded log line.</summary>
    public const int MaxMessageLength = 400;

    /// <summary>
    /// Gets the episode (client) identifier whose data the problem left out, when the row's identifier could be read
    /// (an administration rejected as a whole, a session left out of an episode); <see langword="null"/> otherwise.
    /// An identifier: it is never part of <see cref="ToString"/> or <see cref="Message"/>, so a log of problems names no
    /// client; it lets a caller mark the clients that lost data wherever they appear (issue 26, part 4).
    /// </summary>
    public string? EpisodeId { get; init; }

    /// <summary>Writes the problem as <c>file:line: message</c>, or <c>file:line: column 'name': message</c>.</summary>
    /// <returns>One line of at most about <see cref="MaxMessageLength"/> characters plus the file, line and column.</returns>
    public override string ToString()
    {
        string message = Message.Length <= MaxMessageLength ? Message : string.Concat(Message.Substring(0, MaxMessageLength), "…");
        return Column is null
            ? $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: {message}"
            : $"{File}:{Line.ToString(CultureInfo.InvariantCulture)}: column '{Column}': {message}";
    }
}

namespace TherapeuticAlliance.Trends;

/// <summary>One problem with the scores of an episode.</summary>
/// <remarks>Messages name session numbers only, never identifiers or values. This type is immutable and thread-safe.</remarks>
public sealed class EpisodeProblem
{
    internal EpisodeProblem(EpisodeProblemKind kind, int? session, string message)
    {
        Kind = kind;
        Session = session;
        Message = message;
    }

    /// <summary>Gets what is wrong.</summary>
    public EpisodeProblemKind Kind { get; }

    /// <summary>Gets the session concerned, if any.</summary>
    public int? Session { get; }

    /// <summary>Gets a message that says what is wrong and how to fix it.</summary>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

namespace TherapeuticAlliance;

/// <summary>
/// The error case of <see cref="PartialResult{T}"/>: a partial (a site's mergeable summary) could not be read, or
/// partials could not be merged because they were not computed alike.
/// </summary>
/// <remarks>
/// The message says what differs or is malformed and what to do (recompute with the same options, or read the file
/// with the library version that wrote it); it names fields and counts, never values or identifiers. This type is
/// immutable and thread-safe.
/// </remarks>
public sealed class InvalidPartial : IAllianceError
{
    internal InvalidPartial(string message) => Message = message;

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-partial";
#pragma warning restore CA1822

    /// <inheritdoc/>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

namespace TherapeuticAlliance.Service;

/// <summary>Why a part of the service view is refused: the reason and what would make it possible, never an identifier or a value from the data.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ServiceError : IAllianceError
{
    internal ServiceError(ServiceErrorKind kind, string message)
    {
        Kind = kind;
        Message = message;
    }

    /// <summary>Gets the kind of problem.</summary>
    public ServiceErrorKind Kind { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "service-refused";
#pragma warning restore CA1822

    /// <inheritdoc/>
    public string Message { get; }

    /// <summary>Returns the <see cref="Message"/>.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}

using System;
using Ardalis.GuardClauses;

namespace TherapeuticAlliance;

/// <summary>
/// Thrown by <see cref="IAllianceResult{T}.GetValueOrThrow"/> when a result is an error: carries the
/// <see cref="IAllianceError"/> itself, so a caller who chose to throw can still branch on its
/// <see cref="IAllianceError.Code"/>. Its message is the error's message, which holds no patient data.
/// </summary>
/// <remarks>Derives from <see cref="InvalidOperationException"/>: asking a failed result for its value is a use of an object in the wrong state.</remarks>
#pragma warning disable CA1032 // An error value is required: the exception exists to carry one.
public sealed class AllianceErrorException : InvalidOperationException
#pragma warning restore CA1032
{
    /// <summary>Initializes a new instance of the <see cref="AllianceErrorException"/> class.</summary>
    /// <param name="error">The error the result held.</param>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="error"/> is <see langword="null"/>.</exception>
    public AllianceErrorException(IAllianceError error)
        : base(Guard.Against.Null(error).Message) => Error = error;

    /// <summary>Gets the error the result held.</summary>
    public IAllianceError Error { get; }
}

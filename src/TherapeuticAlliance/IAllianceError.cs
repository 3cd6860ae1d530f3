namespace TherapeuticAlliance;

/// <summary>
/// The shape every error value of the library shares: a stable code to branch on and a message for people. Error
/// values are the second and later cases of the library's result types (<see cref="IAllianceResult{T}"/>); bad data
/// becomes one of them, never an exception.
/// </summary>
/// <remarks>
/// <para>Implementations are immutable and thread-safe. Their <see cref="Message"/> and <c>ToString()</c> never
/// contain response values, identifiers of people or free text from the input: they name positions, counts and
/// rules, so an error can be logged as it is.</para>
/// <para>Implement it for your own error values (a custom strategy's, detector's or mapper's), so callers handle
/// yours exactly as they handle the built-ins.</para>
/// </remarks>
public interface IAllianceError
{
    /// <summary>Gets the stable, lower-case, hyphenated code of the error (for example <c>unknown-instrument</c>, <c>too-many-missing-responses</c>); codes never change once released.</summary>
    string Code { get; }

    /// <summary>Gets a message that says what is wrong and how to fix it, with no patient data.</summary>
    string Message { get; }
}

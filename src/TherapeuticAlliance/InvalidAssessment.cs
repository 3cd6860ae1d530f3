using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance;

/// <summary>The error case of <see cref="AssessmentResult"/>: the responses could not form a valid assessment.</summary>
/// <remarks>
/// Lists every problem found, not just the first, so a form can be corrected in one pass. Messages never contain
/// response values, identifiers of people or free text. This type is immutable and thread-safe.
/// </remarks>
public sealed class InvalidAssessment : IAllianceError
{
    internal InvalidAssessment(string instrumentId, ImmutableArray<AssessmentProblem> problems)
    {
        InstrumentId = instrumentId;
        Problems = problems;
    }

    /// <summary>Gets the identifier of the instrument the responses were checked against.</summary>
    public string InstrumentId { get; }

    /// <summary>Gets the problems found, in the order the responses were given.</summary>
    public ImmutableArray<AssessmentProblem> Problems { get; }

    /// <inheritdoc/>
#pragma warning disable CA1822 // An instance member, as the IAllianceError contract requires.
    public string Code => "invalid-assessment";
#pragma warning restore CA1822

    /// <summary>Gets all problem messages joined into one.</summary>
    public string Message => string.Join(" ", Problems.Select(p => p.Message));

    /// <summary>Returns the number of problems and their messages.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} problem(s) with the responses: {1}", Problems.Length, Message);
}

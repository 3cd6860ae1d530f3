using System.Collections.Generic;
using TherapeuticAlliance.Trends;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>
/// Makes <see cref="IExpectedResponseModel"/>s of one <see cref="Kind"/>: fits one on a history and reads one from the
/// file its <see cref="IExpectedResponseModel.ToJson"/> wrote. Registered by kind in <see cref="ExpectedResponseModels"/>
/// (the builder's <c>AddExpectedResponseModel</c>); the built-ins (<see cref="ExpectedResponseModel.Factory"/>,
/// <see cref="MixedExpectedResponseModel.Factory"/>) are registered the same way, and a factory registered under a
/// built-in's kind replaces it.
/// </summary>
/// <remarks>Implementations must be thread-safe and must return errors, never throw, on any history or text.</remarks>
public interface IExpectedResponseModelFactory
{
    /// <summary>Gets the kind of the models this factory makes (1 to 64 lower-case letters, digits, '-', '_' or '.').</summary>
    string Kind { get; }

    /// <summary>Gets a one-line description of the kind of model, for listings and reports.</summary>
    string Description { get; }

    /// <summary>Fits a model on a caseload's history of one outcome instrument.</summary>
    /// <param name="history">The historical episodes (one instrument, one metric, an outcome measure).</param>
    /// <param name="options">The options; a factory uses those that apply to its kind and documents which.</param>
    /// <returns>The fitted model with the episodes left out, or an <see cref="InvalidExpectedResponseFit"/> saying what to do.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when an argument is <see langword="null"/> or <paramref name="history"/> holds <see langword="null"/>.</exception>
    /// <exception cref="System.ArgumentException">Thrown when an option is out of range.</exception>
    FittedExpectedResponseResult Fit(IReadOnlyList<Episode> history, ExpectedResponseOptions options);

    /// <summary>Reads a model of this kind from the JSON its <see cref="IExpectedResponseModel.ToJson"/> wrote.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The model, or an <see cref="InvalidExpectedResponseModel"/>; never throws on bad input.</returns>
    /// <exception cref="System.ArgumentNullException">Thrown when <paramref name="json"/> is <see langword="null"/>.</exception>
    ExpectedResponseReadResult Read(string json);
}

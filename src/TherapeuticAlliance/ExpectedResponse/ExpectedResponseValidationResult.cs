using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.ExpectedResponse;

/// <summary>The cross-validation report of <see cref="ExpectedResponseValidation.CrossValidate"/>: each candidate model's not-on-track precision, recall and flag rate on clients it was not fitted on.</summary>
/// <param name="Models">The candidates' figures, in the order given.</param>
/// <param name="Folds">The number of folds.</param>
/// <param name="FlagBudget">The flag rate per assessment a model must stay within to be <see cref="Best"/>: 0.15 (ACORN's ≈ 15 % per assessment, REFERENCE-signals §A.1).</param>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record ExpectedResponseValidationResult(ImmutableArray<ExpectedResponseValidationRow> Models, int Folds, double FlagBudget)
{
    /// <summary>Gets the model that does best: the highest F1 of precision and recall among those within <see cref="FlagBudget"/> (among all when none is), a design choice; <see langword="null"/> when no model scored an episode.</summary>
    public ExpectedResponseValidationRow? Best =>
        Models.Where(m => m.Episodes > 0 && m.FlagRate <= FlagBudget).OrderByDescending(m => m.F1).FirstOrDefault()
        ?? Models.Where(m => m.Episodes > 0).OrderByDescending(m => m.F1).FirstOrDefault();
}

using System.Collections.Immutable;
using System.Linq;

namespace TherapeuticAlliance.Statistics;

/// <summary>The six Shrout–Fleiss intraclass correlations of one ratings matrix, with the ANOVA mean squares.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed partial class IccAnalysis
{
    internal IccAnalysis(int targets, int raters, int rowsDropped, double confidence, double msb, double msw, double msj, double mse, ImmutableArray<IccEstimate> forms)
    {
        Targets = targets;
        Raters = raters;
        RowsDropped = rowsDropped;
        Confidence = confidence;
        MeanSquareBetweenTargets = msb;
        MeanSquareWithinTargets = msw;
        MeanSquareRaters = msj;
        MeanSquareError = mse;
        Forms = forms;
    }

    /// <summary>Gets the number of targets (complete rows) used.</summary>
    public int Targets { get; }

    /// <summary>Gets the number of raters (columns).</summary>
    public int Raters { get; }

    /// <summary>Gets the number of rows dropped because a rating was missing.</summary>
    public int RowsDropped { get; }

    /// <summary>Gets the confidence level of the bounds.</summary>
    public double Confidence { get; }

    /// <summary>Gets MSB (MSR): the mean square between targets.</summary>
    public double MeanSquareBetweenTargets { get; }

    /// <summary>Gets MSW: the mean square within targets.</summary>
    public double MeanSquareWithinTargets { get; }

    /// <summary>Gets MSJ (MSC): the mean square between raters.</summary>
    public double MeanSquareRaters { get; }

    /// <summary>Gets MSE: the residual mean square.</summary>
    public double MeanSquareError { get; }

    /// <summary>Gets the six forms, in the order ICC1, ICC2, ICC3, ICC1k, ICC2k, ICC3k.</summary>
    public ImmutableArray<IccEstimate> Forms { get; }

    /// <summary>Gets one form.</summary>
    /// <param name="form">The form.</param>
    /// <returns>The estimate.</returns>
    public IccEstimate this[IccForm form] => Forms.First(f => f.Form == form);
}

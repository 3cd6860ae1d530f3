using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Ardalis.GuardClauses;
using static TherapeuticAlliance.Utilities.HtmlFragments;

namespace TherapeuticAlliance.Multilevel;

[TypeFormatterSource(typeof(NotebookFormatterSource))]
public sealed partial class MixedModelFit : IHtmlRenderable
{
    /// <summary>The most levels of a grouping factor <see cref="WriteHtml"/> draws in a caterpillar chart: 2,000.</summary>
    public const int ChartLevelLimit = 2000;

    /// <summary>
    /// Writes the fit as HTML: the fit statistics, the fixed-effects table (lmerTest's columns), the random effects
    /// (variances, SDs and correlations), and per grouping factor a caterpillar chart (inline SVG) of its levels'
    /// intercept modes, sorted, each with its 95 % interval (mode ± 1.96 conditional SDs); see <see cref="IHtmlRenderable"/>.
    /// </summary>
    /// <param name="writer">Where to write; left open.</param>
    /// <remarks>
    /// The chart names no level (its x axis is the rank); the levels' modes are in <see cref="ConditionalModes"/> and the
    /// <c>mixed-ranef</c> table. A factor with more than <see cref="ChartLevelLimit"/> levels is not drawn (a note says so).
    /// </remarks>
    /// <exception cref="ArgumentNullException">Thrown when <paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteHtml(TextWriter writer)
    {
        Guard.Against.Null(writer);
        Open(writer, "mixed-model", "Linear mixed model (" + (Reml ? "REML" : "maximum likelihood") + "): " + Formula);
        var fit = new List<(string Name, string Value)>
        {
            (Reml ? "REML criterion" : "deviance", Number(Criterion)),
            ("log-likelihood", Number(LogLikelihood)),
            ("AIC", Number(Aic)),
            ("BIC", Number(Bic)),
            ("observations", Observations.ToString(CultureInfo.InvariantCulture)),
            ("rows left out (missing values)", OmittedRows.ToString(CultureInfo.InvariantCulture)),
            ("singular (boundary) fit", IsSingular ? "yes" : "no"),
        };
        fit.AddRange(Groups.Select(g => ("levels of " + g.Key, g.Value.ToString(CultureInfo.InvariantCulture))));
        fit.AddRange(Groups.Where(g => VarianceComponents.Any(c => c.Group == g.Key && c.Term1 == "(Intercept)" && c.Term2 is null)).Select(g => ("ICC of " + g.Key, Number(IntraclassCorrelation(g.Key)))));
        Pairs(writer, "Fit", fit.ToArray());
        Table(writer, "Fixed effects (Satterthwaite's df, lmerTest)", "Term|Estimate|Std. Error|df|t value|Pr(>\u2223t\u2223)", FixedEffects.Select(f => (IReadOnlyList<string>)new[] { f.Term, Number(f.Estimate), Number(f.StandardError), Number(f.DegreesOfFreedom), Number(f.TValue), Number(f.PValue) }));
        Table(writer, "Random effects (lme4's VarCorr)", "Group|Term|Term 2|Variance or covariance|SD or correlation", VarianceComponents.Select(c => (IReadOnlyList<string>)new[] { c.Group, c.Term1 ?? string.Empty, c.Term2 ?? string.Empty, Number(c.Variance), Number(c.StandardDeviation) }));
        foreach (KeyValuePair<string, int> group in Groups)
        {
            ConditionalMode[] modes = ConditionalModes.Where(m => m.Group == group.Key && m.Term == "(Intercept)").OrderBy(m => m.Mode).ToArray();
            if (modes.Length == 0)
            {
                continue;
            }

            if (modes.Length > ChartLevelLimit)
            {
                writer.Write("<p>");
                writer.Write(Encode(string.Format(CultureInfo.InvariantCulture, "{0} has {1} levels, more than the chart draws ({2}); its modes are in the mixed-ranef table.", group.Key, modes.Length, ChartLevelLimit)));
                writer.Write("</p>");
                continue;
            }

            WriteCaterpillar(writer, group.Key, modes);
        }

        Close(writer);
    }

    private void WriteCaterpillar(TextWriter writer, string group, ConditionalMode[] modes)
    {
        string title = "Conditional modes of " + group + " (intercept), sorted, with 95 % intervals";
        Charts.CaterpillarChart.Write(
            writer,
            ChartId(Formula + "|" + group),
            title,
            modes.Select(m => new Charts.CaterpillarPoint(m.Mode, m.Mode - (1.96 * m.ConditionalSd), m.Mode + (1.96 * m.ConditionalSd), "#6b8fb3", 0, "#1f3b57", 2, null)).ToArray(),
            string.Format(CultureInfo.InvariantCulture, "{0} levels of {1}, ranked by mode (response units)", modes.Length, group),
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} levels' intervals exclude 0.", title, modes.Count(m => Math.Abs(m.Mode) > 1.96 * m.ConditionalSd), modes.Length));
    }
}

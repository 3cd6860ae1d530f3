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
        const double Width = 560, Height = 220, Left = 56, Right = 12, Top = 12, Bottom = 32;
        double low = modes.Min(m => m.Mode - (1.96 * m.ConditionalSd)), high = modes.Max(m => m.Mode + (1.96 * m.ConditionalSd));
        low = Math.Min(low, 0);
        high = Math.Max(high, 0);
        if (!(high > low))
        {
            high = low + 1;
        }

        double X(int i) => Left + ((Width - Left - Right) * (modes.Length == 1 ? 0.5 : i / (double)(modes.Length - 1)));
        double Y(double v) => Top + ((Height - Top - Bottom) * (high - v) / (high - low));
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        string id = ChartId(Formula + "|" + group);
        string title = "Conditional modes of " + group + " (intercept), sorted, with 95 % intervals";
        writer.Write(string.Format(CultureInfo.InvariantCulture, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" id=\"{0}\" aria-labelledby=\"{0}-title\" viewBox=\"0 0 {1} {2}\" width=\"{1}\" height=\"{2}\" style=\"max-width:100%;height:auto\"><title id=\"{0}-title\">{3}</title>", id, Width, Height, Encode(title)));
        writer.Write(string.Format(CultureInfo.InvariantCulture, "<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", F(Left), F(Width - Right), F(Y(0))));
        foreach (double tick in Charts.ChartAxis.NiceTicks(low, high, 5))
        {
            writer.Write(string.Format(CultureInfo.InvariantCulture, "<text x=\"{0}\" y=\"{1}\" font-size=\"11\" text-anchor=\"end\">{2}</text>", F(Left - 6), F(Y(tick) + 4), Encode(Number(tick))));
        }

        for (int i = 0; i < modes.Length; i++)
        {
            double x = X(i), sd = 1.96 * modes[i].ConditionalSd;
            writer.Write(string.Format(CultureInfo.InvariantCulture, "<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#6b8fb3\"/><circle cx=\"{0}\" cy=\"{3}\" r=\"2\" fill=\"#1f3b57\"/>", F(x), F(Y(modes[i].Mode - sd)), F(Y(modes[i].Mode + sd)), F(Y(modes[i].Mode))));
        }

        writer.Write(string.Format(CultureInfo.InvariantCulture, "<text x=\"{0}\" y=\"{1}\" font-size=\"11\" text-anchor=\"middle\">{2}</text></svg>", F((Left + Width - Right) / 2), F(Height - 8), Encode(string.Format(CultureInfo.InvariantCulture, "{0} levels of {1}, ranked by mode (response units)", modes.Length, group))));
        writer.Write("<figcaption>");
        writer.Write(Encode(string.Format(CultureInfo.InvariantCulture, "{0}: {1} of {2} levels' intervals exclude 0.", title, modes.Count(m => Math.Abs(m.Mode) > 1.96 * m.ConditionalSd), modes.Length)));
        writer.Write("</figcaption></figure>");
    }
}

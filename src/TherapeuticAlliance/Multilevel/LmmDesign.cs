using System.Collections.Generic;

namespace TherapeuticAlliance.Multilevel;

/// <summary>A model's columns built from a frame: the response, the fixed-effects columns and names, the random terms, and which frame rows were used.</summary>
internal sealed record LmmDesign(double[] Y, List<double[]> Columns, List<string> Names, List<LmmRandomTerm> Random, int[]? RowMap, int FrameRows, bool Categorical);

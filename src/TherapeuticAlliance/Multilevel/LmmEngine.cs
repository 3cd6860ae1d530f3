using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace TherapeuticAlliance.Multilevel;

/// <summary>One random-effects term of a linear mixed model: <c>(z1 + z2 + … | group)</c>, its model-matrix columns and each row's level.</summary>
/// <param name="Group">The grouping factor's name, as lme4 names it (<c>therapist</c>, <c>therapist:site</c> for a nested factor).</param>
/// <param name="Terms">The names of the columns (<c>(Intercept)</c>, <c>log_session</c>).</param>
/// <param name="Columns">The columns' values, one array of n per term.</param>
/// <param name="Levels">Each row's level, 0 to <see cref="LevelNames"/>.Length − 1.</param>
/// <param name="LevelNames">The levels' names, in the order of their indices.</param>
/// <param name="Uncorrelated">Whether the term's coefficients are uncorrelated (lme4's <c>(1 + x || g)</c>): a diagonal factor, K parameters.</param>
internal sealed record LmmRandomTerm(string Group, string[] Terms, double[][] Columns, int[] Levels, string[] LevelNames, bool Uncorrelated = false)
{
    internal int K => Terms.Length;

    internal int Q => K * LevelNames.Length;

    /// <summary>The number of covariance parameters: the lower triangle of a K × K factor, or its diagonal for an uncorrelated term.</summary>
    internal int Theta => Uncorrelated ? K : K * (K + 1) / 2;

    /// <summary>The (row, column) of each θ entry in the term's factor, in θ's order: the lower triangle column by column (lme4's), or the diagonal only for an uncorrelated term.</summary>
    internal IEnumerable<(int Row, int Column)> ThetaPositions()
    {
        for (int column = 0; column < K; column++)
        {
            for (int row = column; row < (Uncorrelated ? column + 1 : K); row++)
            {
                yield return (row, column);
            }
        }
    }
}

/// <summary>What a fit gives, in lme4's terms.</summary>
internal sealed class LmmFit
{
    internal required bool Reml { get; init; }

    internal required double[] Theta { get; init; }

    internal required string[] FixedNames { get; init; }

    internal required double[] Beta { get; init; }

    internal required double[,] BetaCovariance { get; init; }

    internal required double Sigma2 { get; init; }

    /// <summary>Gets the REML criterion (REML fits) or the deviance, −2 log-likelihood (ML fits), at the optimum.</summary>
    internal required double Criterion { get; init; }

    internal required int Observations { get; init; }

    /// <summary>Gets each random term's covariance matrix (σ² T T').</summary>
    internal required double[][,] Covariances { get; init; }

    /// <summary>Gets each random term's conditional modes, [level][term].</summary>
    internal required double[][][] Modes { get; init; }

    /// <summary>Gets each random term's conditional variances, [level][term] (lme4's <c>condVar</c>, given β̂).</summary>
    internal required double[][][] ModeVariances { get; init; }

    internal required LmmRandomTerm[] Terms { get; init; }

    internal required bool Singular { get; init; }

    internal required int Evaluations { get; init; }

    internal required double GradientNorm { get; init; }

    /// <summary>The same fit without the per-level modes and variances (what Satterthwaite's df need, kept by a lazy result).</summary>
    internal LmmFit WithoutModes() => new()
    {
        Reml = Reml,
        Theta = Theta,
        FixedNames = FixedNames,
        Beta = Beta,
        BetaCovariance = BetaCovariance,
        Sigma2 = Sigma2,
        Criterion = Criterion,
        Observations = Observations,
        Covariances = Covariances,
        Modes = Array.Empty<double[][]>(),
        ModeVariances = Array.Empty<double[][]>(),
        Terms = Terms,
        Singular = Singular,
        Evaluations = Evaluations,
        GradientNorm = GradientNorm,
    };
}

/// <summary>
/// The penalised least-squares engine of Bates, Mächler, Bolker and Walker (2015), "Fitting Linear Mixed-Effects
/// Models Using lme4", Journal of Statistical Software 67(1), sections 3.2–3.6: for a relative covariance factor
/// Λ(θ) it solves the penalised least-squares problem through the Cholesky factor of Λ'Z'ZΛ + I and evaluates the
/// profiled REML criterion or deviance, which an optimiser minimises over θ (lower bound 0 on the diagonal of each
/// term's factor, as lme4's bobyqa call has it).
/// </summary>
/// <remarks>
/// <para>
/// The cross-products (Z'Z, Z'X, Z'y, X'X, X'y, y'y) are formed once, in one pass over the rows; each evaluation
/// then costs nothing per row. The random term with the most coefficients is the first block of Z'Z, block-diagonal
/// (each row belongs to one of its levels); the other terms form a dense block, eliminated through its Schur
/// complement. For nested designs (therapists in sites, clients in therapists) that is the sparse structure exactly:
/// the cost is linear in the inner factor's levels and cubic only in the outer factor's.
/// </para>
/// </remarks>
internal sealed partial class LmmEngine
{
    private readonly int _n;
    private readonly int _p;
    private readonly LmmRandomTerm[] _terms;
    private readonly int[] _offsets;
    private readonly int _q1;
    private readonly int _q2;
    private readonly int _k1;
    private readonly int _levels1;

    // Cross-products.
    private readonly double[] _a11;          // per level of the first term: K1 × K1, row-major, level after level
    private readonly Entry[][] _a21;         // per level of the first term: its nonzero blocks of Z2'Z1 (q2 × q1)
    private readonly double[,] _a22;         // q2 × q2
    private readonly double[][] _zx;         // p columns of q
    private readonly double[] _zy;           // q
    private readonly double[,] _xx;          // p × p
    private readonly double[] _xy;           // p
    private readonly double _yy;
    private readonly string[] _fixedNames;

    internal LmmEngine(double[] y, double[][] x, string[] fixedNames, IReadOnlyList<LmmRandomTerm> terms)
        : this(LmmCrossProducts.FromRows(string.Empty, y, x, fixedNames, terms, keyed: false))
    {
    }

    /// <summary>An engine from cross-products already formed (a merged partial): the same arrays the rows would give, summed in another order.</summary>
    internal LmmEngine(LmmCrossProducts products)
        : this(products.N, products.FixedNames.Length, products.FixedNames, products.EngineTerms())
    {
        _yy = products.YY[0, 0];
        for (int a = 0; a < _p; a++)
        {
            _xy[a] = products.XY[a, 0];
            for (int b = 0; b < _p; b++)
            {
                _xx[a, b] = products.XX[Math.Max(a, b), Math.Min(a, b)];   // the lower triangle is accumulated
            }
        }

        // Where each formula term sits in the engine's order, and each level's index (the level names are sorted as the row path sorts them).
        int[] engineIndex = products.Terms.Select(t => Array.FindIndex(_terms, e => e.Group == t.Group)).ToArray();
        int Position(int formulaTerm, int level) => (engineIndex[formulaTerm] == 0 ? 0 : _q1 + _offsets[engineIndex[formulaTerm]]) + (level * _terms[engineIndex[formulaTerm]].K);
        for (int t = 0; t < products.Terms.Length; t++)
        {
            LmmCrossProducts.Term term = products.Terms[t];
            LmmRandomTerm engineTerm = _terms[engineIndex[t]];
            for (int l = 0; l < engineTerm.LevelNames.Length; l++)
            {
                (CompensatedView levelZZ, CompensatedView levelZX, CompensatedView levelZy) = products.Sorted is { } sorted
                    ? LmmCrossProducts.Views(sorted[t].Store, l * sorted[t].Stride, term.K, _p)
                    : term.Levels[engineTerm.LevelNames[l]] is var keyed ? (keyed.ZZ, keyed.ZX, keyed.Zy) : default;
                int position = Position(t, l);
                for (int c = 0; c < term.K; c++)
                {
                    _zy[position + c] = levelZy[c, 0];
                    for (int a = 0; a < _p; a++)
                    {
                        _zx[a][position + c] = levelZX[c, a];
                    }

                    for (int d = 0; d < term.K; d++)
                    {
                        double zz = levelZZ[Math.Max(c, d), Math.Min(c, d)];   // the lower triangle is accumulated
                        if (engineIndex[t] == 0)
                        {
                            _a11[(l * _k1 * _k1) + (c * _k1) + d] = zz;
                        }
                        else
                        {
                            _a22[position - _q1 + c, position - _q1 + d] = zz;
                        }
                    }
                }
            }
        }

        // Level indices by label, for the blocks between factors only (one factor has none).
        var levelIndex = products.Cross.Count == 0 ? Array.Empty<Dictionary<string, int>>() : _terms.Select(e => e.LevelNames.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal)).ToArray();
        var entries = Enumerable.Range(0, _levels1).Select(_ => new List<Entry>()).ToArray();
        foreach (KeyValuePair<(int First, int Second), Dictionary<(string, string), CompensatedBlock>> pair in products.Cross)
        {
            int j1 = engineIndex[pair.Key.First], j2 = engineIndex[pair.Key.Second];
            foreach (KeyValuePair<(string, string), CompensatedBlock> block in pair.Value)
            {
                int p1 = Position(pair.Key.First, levelIndex[j1][block.Key.Item1]);
                int p2 = Position(pair.Key.Second, levelIndex[j2][block.Key.Item2]);
                double[,] b = block.Value.ToArray();   // Z_first' Z_second: K1 × K2
                if (j1 == 0 || j2 == 0)
                {
                    // A block of Z2'Z1: rows of the other term's level, columns of the first term's level (k × K1, row-major).
                    int other = j1 == 0 ? j2 : j1, level = (j1 == 0 ? p1 : p2) / _k1, rowStart = (j1 == 0 ? p2 : p1) - _q1, k = _terms[other].K;
                    var values = new double[k * _k1];
                    for (int c = 0; c < k; c++)
                    {
                        for (int d = 0; d < _k1; d++)
                        {
                            values[(c * _k1) + d] = j1 == 0 ? b[d, c] : b[c, d];
                        }
                    }

                    entries[level].Add(new Entry(rowStart, other, values));
                    continue;
                }

                for (int c = 0; c < b.GetLength(0); c++)
                {
                    for (int d = 0; d < b.GetLength(1); d++)
                    {
                        if (j1 == 0 || j2 == 0)
                        {
                            continue;   // collected below, as sparse blocks of the first term's levels
                        }
                        else
                        {
                            _a22[p1 - _q1 + c, p2 - _q1 + d] = b[c, d];
                            _a22[p2 - _q1 + d, p1 - _q1 + c] = b[c, d];
                        }
                    }
                }
            }
        }
        _a21 = entries.Select(e => e.OrderBy(x => x.RowStart).ToArray()).ToArray();
    }

    private LmmEngine(int n, int p, string[] fixedNames, IReadOnlyList<LmmRandomTerm> terms)
    {
        _n = n;
        _p = p;
        _fixedNames = fixedNames;

        // The term with the most coefficients first: its block is diagonal by levels.
        _terms = terms.OrderByDescending(t => t.Q).ToArray();
        _offsets = new int[_terms.Length];
        for (int j = 1; j < _terms.Length; j++)
        {
            _offsets[j] = _offsets[j - 1] + (j == 1 ? 0 : _terms[j - 1].Q);
        }

        _k1 = _terms[0].K;
        _levels1 = _terms[0].LevelNames.Length;
        _q1 = _terms[0].Q;
        _q2 = _terms.Skip(1).Sum(t => t.Q);
        int q = _q1 + _q2;
        _a11 = new double[_levels1 * _k1 * _k1];

        _a21 = Enumerable.Range(0, _levels1).Select(_ => Array.Empty<Entry>()).ToArray();
        _a22 = new double[_q2, _q2];
        _zx = Enumerable.Range(0, _p).Select(_ => new double[q]).ToArray();
        _zy = new double[q];
        _xx = new double[_p, _p];
        _xy = new double[_p];
    }

    /// <summary>Gets the number of covariance parameters.</summary>
    internal int ThetaLength => _terms.Sum(t => t.Theta);

    /// <summary>The lower bounds of θ: 0 on each factor's diagonal, unbounded below it (lme4's <c>lower</c>).</summary>
    internal double[] LowerBounds()
    {
        var lower = new List<double>();
        foreach (LmmRandomTerm term in _terms)
        {
            lower.AddRange(term.ThetaPositions().Select(p => p.Row == p.Column ? 0 : double.NegativeInfinity));
        }

        return lower.ToArray();
    }

    /// <summary>lme4's starting value: each factor the identity.</summary>
    internal double[] Start() => LowerBounds().Select(b => b == 0 ? 1.0 : 0.0).ToArray();

    /// <summary>The factors T_j of θ (lower triangles, column-major, as lme4 orders θ).</summary>
    private double[][,] Factors(IReadOnlyList<double> theta)
    {
        var factors = new double[_terms.Length][,];
        int t = 0;
        for (int j = 0; j < _terms.Length; j++)
        {
            int k = _terms[j].K;
            var f = new double[k, k];
            foreach ((int row, int column) in _terms[j].ThetaPositions())
            {
                f[row, column] = theta[t++];
            }

            factors[j] = f;
        }

        return factors;
    }

    /// <summary>The state of one evaluation: the Cholesky factor's blocks and the solutions.</summary>
    private sealed class State
    {
        internal required double[][,] Factors { get; init; }

        /// <summary>Gets the first term's diagonal blocks, each K1 × K1 lower-triangular, level after level (row-major).</summary>
        internal required double[] L11 { get; init; }

        /// <summary>Gets L21's nonzero blocks: per level of the first term, one k × K1 block per entry of <see cref="_a21"/>, concatenated (row-major).</summary>
        internal required double[][] L21 { get; init; }

        internal required Matrix<double>? L22 { get; init; }

        internal required double[,] Rx { get; init; }

        internal required double[] Beta { get; init; }

        internal required double[] U { get; init; }

        internal required double PenalisedRss { get; init; }

        internal required double LogDetL { get; init; }

        internal required double LogDetRx { get; init; }

        /// <summary>Gets the reusable arrays this state's L11, L21 and right-hand sides live in; null when they are its own (a fit's result).</summary>
        internal Workspace? Work { get; init; }
    }

    /// <summary>
    /// The arrays of one evaluation that have the random effects' length (right-hand sides, L11, L21's blocks, S22),
    /// kept for the next evaluation so an optimisation of hundreds of evaluations allocates them once. One spare per
    /// engine, taken and returned atomically: a concurrent caller (Satterthwaite's df and a profile on two threads)
    /// finds none and makes its own.
    /// </summary>
    private sealed class Workspace
    {
        internal Workspace(int q, int p, int l11, int levels, int q2)
        {
            Cu = new double[q];
            Rzx = Enumerable.Range(0, p).Select(_ => new double[q]).ToArray();
            L11 = new double[l11];
            L21 = new double[levels][];
            S22 = new double[q2, q2];
            B22 = new double[q2, q2];
        }

        internal double[] Cu { get; }

        internal double[][] Rzx { get; }

        internal double[] L11 { get; }

        internal double[][] L21 { get; }

        internal double[,] S22 { get; }

        internal double[,] B22 { get; }
    }

    private Workspace? _spare;

    /// <summary>Hands a state's workspace back for the next evaluation, once the caller has read what it needs.</summary>
    private void Release(State s)
    {
        if (s.Work is { } work)
        {
            Volatile.Write(ref _spare, work);
        }
    }

    /// <summary>Multiplies a q-vector block by Λ' (transpose = true) or Λ.</summary>
    private void ApplyLambda(double[][,] factors, double[] v, bool transpose)
    {
        ApplyLambda(factors, v, transpose, firstOnly: true);
        ApplyLambda(factors, v, transpose, firstOnly: false);
    }

    /// <summary>Multiplies v by Λ (or Λ') over the first term's block only, or over the other terms' blocks only.</summary>
    private void ApplyLambda(double[][,] factors, double[] v, bool transpose, bool firstOnly)
    {
        for (int j = firstOnly ? 0 : 1; j < (firstOnly ? 1 : _terms.Length); j++)
        {
            LmmRandomTerm term = _terms[j];
            int k = term.K;
            int start = j == 0 ? 0 : _q1 + _offsets[j];
            if (k == 1)
            {
                double f = factors[j][0, 0];
                int end = start + term.LevelNames.Length;
                for (int at = start; at < end; at++)
                {
                    v[at] *= f;
                }

                continue;
            }

            // Λ's block (or its transpose) row-major, so the loop below reads one flat array.
            var m = new double[k * k];
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    m[(a * k) + b] = transpose ? factors[j][b, a] : factors[j][a, b];
                }
            }

            var tmp = new double[k];
            for (int level = 0; level < term.LevelNames.Length; level++)
            {
                int at = start + (level * k);
                for (int a = 0; a < k; a++)
                {
                    double s = 0;
                    for (int b = 0; b < k; b++)
                    {
                        s += m[(a * k) + b] * v[at + b];
                    }

                    tmp[a] = s;
                }

                Array.Copy(tmp, 0, v, at, k);
            }
        }
    }


    private State Solve(IReadOnlyList<double> theta, bool modes = false)
    {
        double[][,] factors = Factors(theta);
        double[,] t1 = factors[0];
        int q = _q1 + _q2;


        // A fit's result keeps its own arrays; the criterion's evaluations reuse the engine's spare workspace.
        int kk = _k1 * _k1;
        Workspace work = (modes ? null : Interlocked.Exchange(ref _spare, null)) ?? new Workspace(q, _p, _levels1 * kk, _levels1, _q2);

        // The right-hand sides Λ'Z'y and Λ'Z'X, solved below with L: cu = L^{-1} Λ'Z'y, RZX = L^{-1} Λ'Z'X.
        // With one grouping factor the first block is all of u: the dot products of the solved right-hand sides
        // (cu'cu, RZX'cu, RZX'RZX) are summed in the same pass, while each level's numbers are in cache, and the
        // criterion needs nothing else of it: L11, cu and RZX are stored only for a fit's result (or when other terms
        // follow). The pass reads Z'y and Z'X; only the other terms' blocks (and a first term of 3 or more
        // coefficients, solved in place) start as copies.
        bool fused = _q2 == 0 && _k1 <= 2;
        bool store = modes || !fused;
        double cc = 0;
        var rc = new double[_p];
        var rr = new double[_p, _p];
        var level0 = new double[_p];
        var level1 = new double[_p];
        double[] cu = work.Cu;
        double[][] rzx = work.Rzx;
        int from = _k1 > 2 ? 0 : _q1;
        Array.Copy(_zy, from, cu, from, q - from);
        for (int a = 0; a < _p; a++)
        {
            Array.Copy(_zx[a], from, rzx[a], from, q - from);
        }

        // Block 11, one pass over the first term's levels: L11_i = chol(T1' A11_i T1 + I), and the first block of every
        // right-hand side multiplied by T1' and solved with L11_i, while the level's numbers are in cache. Its
        // log-determinant is the sum of log det(T1' A11_i T1 + I), each at least 1: their product is accumulated and
        // its logarithm taken only when it grows large (one Math.Log per many levels, not two per level).
        double[] l11 = work.L11;
        double logDet = 0, product = 1;
        double[] a11 = _a11;
        if (_k1 == 1)
        {
            double t = t1[0, 0];
            for (int i = 0; i < _levels1; i++)
            {
                double m = (t * t * a11[i]) + 1;
                double l = Math.Sqrt(m);
                product *= m;
                if (product > 1e250)
                {
                    logDet += Math.Log(product);
                    product = 1;
                }

                double scale = t / l;
                double c0 = _zy[i] * scale;
                if (store)
                {
                    l11[i] = l;
                    cu[i] = c0;
                }

                cc += c0 * c0;
                for (int a = 0; a < _p; a++)
                {
                    double r0 = _zx[a][i] * scale;
                    if (store)
                    {
                        rzx[a][i] = r0;
                    }

                    level0[a] = r0;
                    rc[a] += r0 * c0;
                    for (int b = 0; b <= a; b++)
                    {
                        rr[a, b] += r0 * level0[b];
                    }
                }
            }
        }
        else if (_k1 == 2)
        {
            double t00 = t1[0, 0], t10 = t1[1, 0], t11 = t1[1, 1];
            for (int i = 0; i < _levels1; i++)
            {
                int at = 4 * i;
                double a00 = a11[at], a10 = a11[at + 2], a11v = a11[at + 3];
                // M = T' A T + I with T = [[t00, 0], [t10, t11]].
                double u0 = (a00 * t00) + (a10 * t10), u1 = (a10 * t00) + (a11v * t10);   // A T, first column
                double w2 = a11v * t11;   // A T, second column's lower entry (its upper entry meets a zero of T')
                double m00 = (t00 * u0) + (t10 * u1) + 1;
                double m10 = t11 * u1;
                double m11 = (t11 * w2) + 1;
                double l00 = Math.Sqrt(m00), l10 = m10 / l00, l11v = Math.Sqrt(m11 - (l10 * l10));
                if (store)
                {
                    l11[at] = l00;
                    l11[at + 2] = l10;
                    l11[at + 3] = l11v;
                }

                double i00 = 1 / l00, i11 = 1 / l11v;   // two divisions per level, not two per right-hand side
                product *= (m00 * m11) - (m10 * m10);
                if (product > 1e250)
                {
                    logDet += Math.Log(product);
                    product = 1;
                }

                // v ← L^{-1} T' v for the level's two entries of each right-hand side.
                int v = 2 * i;
                (double c0, double c1) = Transform(_zy[v], _zy[v + 1]);
                if (store)
                {
                    cu[v] = c0;
                    cu[v + 1] = c1;
                }

                cc += (c0 * c0) + (c1 * c1);
                for (int a = 0; a < _p; a++)
                {
                    (double r0, double r1) = Transform(_zx[a][v], _zx[a][v + 1]);
                    if (store)
                    {
                        rzx[a][v] = r0;
                        rzx[a][v + 1] = r1;
                    }

                    level0[a] = r0;
                    level1[a] = r1;
                    rc[a] += (r0 * c0) + (r1 * c1);
                    for (int b = 0; b <= a; b++)
                    {
                        rr[a, b] += (r0 * level0[b]) + (r1 * level1[b]);
                    }
                }

                (double, double) Transform(double x0, double x1)
                {
                    double y0 = (t00 * x0) + (t10 * x1), y1 = t11 * x1;
                    double z0 = y0 * i00;
                    return (z0, (y1 - (l10 * z0)) * i11);
                }
            }
        }
        else
        {
            var m = new double[kk];
            var t1f = new double[kk];
            for (int a = 0; a < _k1; a++)
            {
                for (int c = 0; c < _k1; c++)
                {
                    t1f[(a * _k1) + c] = t1[a, c];
                }
            }

            for (int i = 0; i < _levels1; i++)
            {
                int at = i * kk;
                for (int a = 0; a < _k1; a++)
                {
                    for (int c = 0; c < _k1; c++)
                    {
                        double sum = 0;
                        for (int d = a; d < _k1; d++)            // t1 is lower-triangular: t1[d, a] = 0 for d < a
                        {
                            double inner = 0;
                            for (int e = c; e < _k1; e++)
                            {
                                inner += a11[at + (d * _k1) + e] * t1f[(e * _k1) + c];
                            }

                            sum += t1f[(d * _k1) + a] * inner;
                        }

                        m[(a * _k1) + c] = sum + (a == c ? 1 : 0);
                    }
                }

                logDet += CholeskyInPlace(m, l11, at, _k1);
            }

            ApplyLambda(factors, cu, transpose: true, firstOnly: true);
            ForwardFirst(l11, cu);
            for (int a = 0; a < _p; a++)
            {
                ApplyLambda(factors, rzx[a], transpose: true, firstOnly: true);
                ForwardFirst(l11, rzx[a]);
            }
        }

        logDet += Math.Log(product);

        // Block 21, sparse: for each level of the first term and each block of Z2'Z1 it has, M = T_j' A21 T1, then
        // L21 = M L11^{-T}. Nested designs have one block per level (a therapist's site), crossed designs a few.
        double[][] l21 = work.L21;
        Matrix<double>? l22 = null;
        if (_q2 > 0)
        {
            double[,] s22 = work.S22;
            Array.Clear(s22, 0, s22.Length);
            for (int i = 0; i < _levels1; i++)
            {
                Entry[] entries = _a21[i];
                int size = 0;
                foreach (Entry e in entries)
                {
                    size += e.Values.Length;
                }

                double[] blocks = l21[i] ??= new double[size];
                int offset = 0;
                foreach (Entry e in entries)
                {
                    double[,] tj = factors[e.Term];
                    int k = _terms[e.Term].K;
                    for (int row = 0; row < k; row++)
                    {
                        for (int b = 0; b < _k1; b++)
                        {
                            // (T_j' A T1)[row, b] = Σ_c Σ_d T_j[c, row] A[c, d] T1[d, b]
                            double sum = 0;
                            for (int c = row; c < k; c++)
                            {
                                double inner = 0;
                                for (int d = b; d < _k1; d++)
                                {
                                    inner += e.Values[(c * _k1) + d] * t1[d, b];
                                }

                                sum += tj[c, row] * inner;
                            }

                            blocks[offset + (row * _k1) + b] = sum;
                        }

                        // Forward substitution with L11_i on this row: x L11_i' = m.
                        int at = i * kk;
                        for (int a = 0; a < _k1; a++)
                        {
                            double value = blocks[offset + (row * _k1) + a];
                            for (int b = 0; b < a; b++)
                            {
                                value -= l11[at + (a * _k1) + b] * blocks[offset + (row * _k1) + b];
                            }

                            blocks[offset + (row * _k1) + a] = value / l11[at + (a * _k1) + a];
                        }
                    }

                    offset += e.Values.Length;
                }


                // S22 −= L21_i L21_i' over the level's blocks (k_e × k_f each).
                int oe = 0;
                foreach (Entry e in entries)
                {
                    int ke = _terms[e.Term].K;
                    int of = 0;
                    foreach (Entry f in entries)
                    {
                        int kf = _terms[f.Term].K;
                        for (int ra = 0; ra < ke; ra++)
                        {
                            for (int rb = 0; rb < kf; rb++)
                            {
                                double sum = 0;
                                for (int a = 0; a < _k1; a++)
                                {
                                    sum += blocks[oe + (ra * _k1) + a] * blocks[of + (rb * _k1) + a];
                                }

                                s22[e.RowStart + ra, f.RowStart + rb] -= sum;
                            }
                        }

                        of += f.Values.Length;
                    }

                    oe += e.Values.Length;
                }
            }

            // + Λ2' A22 Λ2 + I, Λ2 block-diagonal: B = A22 Λ2, then Λ2' B.
            double[,] b22 = work.B22;
            for (int row = 0; row < _q2; row++)
            {
                for (int j = 1; j < _terms.Length; j++)
                {
                    int k = _terms[j].K;
                    double[,] f = factors[j];
                    for (int level = 0; level < _terms[j].LevelNames.Length; level++)
                    {
                        int at = _offsets[j] + (level * k);
                        for (int b = 0; b < k; b++)
                        {
                            double sum = 0;
                            for (int a = b; a < k; a++)
                            {
                                sum += _a22[row, at + a] * f[a, b];
                            }

                            b22[row, at + b] = sum;
                        }
                    }
                }
            }

            for (int j = 1; j < _terms.Length; j++)
            {
                int k = _terms[j].K;
                double[,] f = factors[j];
                for (int level = 0; level < _terms[j].LevelNames.Length; level++)
                {
                    int at = _offsets[j] + (level * k);
                    for (int a = 0; a < k; a++)
                    {
                        for (int column = 0; column < _q2; column++)
                        {
                            double sum = 0;
                            for (int d = a; d < k; d++)
                            {
                                sum += f[d, a] * b22[at + d, column];
                            }

                            s22[at + a, column] += sum + (at + a == column ? 1 : 0);
                        }
                    }
                }
            }

            try
            {
                l22 = Matrix<double>.Build.DenseOfArray(s22).Cholesky().Factor;
            }
            catch (ArgumentException)
            {
                // Not positive definite: impossible for rows (it is Λ'Z'ZΛ + I less a Schur complement), possible for
                // sums that no rows could give (a partial from elsewhere). The criterion is undefined there.
                return Undefined(factors, modes ? null : work);
            }

            for (int a = 0; a < _q2; a++)
            {
                logDet += 2 * Math.Log(l22[a, a]);
            }
        }

        // The rest of the right-hand sides: the other terms' blocks by Λ2', less L21 times the first block, then L22.
        if (_q2 > 0)
        {
            ApplyLambda(factors, cu, transpose: true, firstOnly: false);
            ForwardRest(l21, l22!, cu);
            for (int a = 0; a < _p; a++)
            {
                ApplyLambda(factors, rzx[a], transpose: true, firstOnly: false);
                ForwardRest(l21, l22!, rzx[a]);
            }
        }

        // RX'RX = X'X − RZX'RZX; cβ = RX^{-T} (X'y − RZX' cu).
        var xtx = new double[_p, _p];
        var rhs = new double[_p];
        for (int a = 0; a < _p; a++)
        {
            rhs[a] = _xy[a] - (fused ? rc[a] : Dot(rzx[a], cu));
            for (int b = 0; b <= a; b++)
            {
                xtx[a, b] = xtx[b, a] = _xx[a, b] - (fused ? rr[a, b] : Dot(rzx[a], rzx[b]));
            }
        }

        double[,] rxLower = SmallCholesky(xtx);
        double logDetRx = 0;
        for (int a = 0; a < _p; a++)
        {
            logDetRx += 2 * Math.Log(rxLower[a, a]);
        }

        double[] cb = ForwardSmall(rxLower, rhs);
        double[] beta = BackwardSmall(rxLower, cb);

        // u = L^{-T} (cu − RZX β).
        // (Only the fit's result needs the modes; the criterion does not.)
        double[] u = modes ? new double[q] : Array.Empty<double>();
        for (int r = 0; r < u.Length; r++)
        {
            double s = cu[r];
            for (int a = 0; a < _p; a++)
            {
                s -= rzx[a][r] * beta[a];
            }

            u[r] = s;
        }

        if (modes)
        {
            Backward(l11, l21, l22, u);
        }
        double prss = Math.Max(_yy - (fused ? cc : Dot(cu, cu)) - Dot(cb, cb), 0);
        return new State
        {
            Factors = factors,
            L11 = l11,
            L21 = l21,
            L22 = l22,
            Rx = rxLower,
            Beta = beta,
            U = u,
            PenalisedRss = prss,
            LogDetL = logDet,
            LogDetRx = logDetRx,
            Work = modes ? null : work,
        };
    }

    /// <summary>A state where the criterion is undefined (NaN): the optimiser treats it as outside the parameter space.</summary>
    private State Undefined(double[][,] factors, Workspace? work)
    {
        var rx = new double[_p, _p];
        for (int a = 0; a < _p; a++)
        {
            for (int b = 0; b < _p; b++)
            {
                rx[a, b] = double.NaN;
            }
        }

        return new State
        {
            Factors = factors,
            L11 = Array.Empty<double>(),
            L21 = Array.Empty<double[]>(),
            L22 = null,
            Rx = rx,
            Beta = Enumerable.Repeat(double.NaN, _p).ToArray(),
            U = Array.Empty<double>(),
            PenalisedRss = double.NaN,
            LogDetL = double.NaN,
            LogDetRx = double.NaN,
            Work = work,
        };
    }

    /// <summary>The profiled REML criterion or deviance at θ (Bates et al. 2015, equations 34 and 41).</summary>
    internal double Objective(IReadOnlyList<double> theta, bool reml)
    {
        State s = Solve(theta);
        double criterion = Criterion(s, reml);
        Release(s);
        return criterion;
    }

    private double Criterion(State s, bool reml)
    {
        double degrees = reml ? _n - _p : _n;
        return s.LogDetL + (reml ? s.LogDetRx : 0) + (degrees * (1 + Math.Log(2 * Math.PI * s.PenalisedRss / degrees)));
    }

    /// <summary>
    /// The deviance at θ and σ, not profiled over σ: lmerTest's <c>devfun_vp</c> (Kuznetsova, Brockhoff and
    /// Christensen 2017, lmerTest 3.1), log|L|² + r²/σ² + n log(2πσ²), plus log|RX|² − p log(2πσ²) under REML.
    /// </summary>
    internal double DevianceAt(IReadOnlyList<double> theta, double sigma, bool reml)
    {
        State s = Solve(theta);
        Release(s);
        double sigma2 = sigma * sigma;
        double deviance = s.LogDetL + (s.PenalisedRss / sigma2) + (_n * Math.Log(2 * Math.PI * sigma2));
        return reml ? deviance + s.LogDetRx - (_p * Math.Log(2 * Math.PI * sigma2)) : deviance;
    }

    /// <summary>The covariance of β̂ at θ and σ: σ² (RX'RX)^{-1} (lmerTest's <c>get_covbeta</c>).</summary>
    internal double[,] CovarianceAt(IReadOnlyList<double> theta, double sigma)
    {
        State s = Solve(theta);
        Release(s);   // the covariance reads RX, which is the state's own
        return BetaCovariance(s, sigma * sigma);
    }

    /// <summary>σ² (RX RX')^{-1}, RX lower-triangular here (lme4's <c>vcov</c>).</summary>
    private double[,] BetaCovariance(State s, double sigma2)
    {
        var covariance = new double[_p, _p];
        for (int a = 0; a < _p; a++)
        {
            var e = new double[_p];
            e[a] = 1;
            double[] column = BackwardSmall(s.Rx, ForwardSmall(s.Rx, e));
            for (int b = 0; b < _p; b++)
            {
                covariance[b, a] = sigma2 * column[b];
            }
        }

        return covariance;
    }

    /// <summary>
    /// Satterthwaite's degrees of freedom and two-sided p-values of each fixed effect, by lmerTest's method: the
    /// asymptotic covariance of (θ, σ) is twice the inverse Hessian of <see cref="DevianceAt"/> at the optimum, the
    /// gradient of each coefficient's variance in (θ, σ) comes from <see cref="CovarianceAt"/>, and
    /// df = 2 V² / (g' A g) (Satterthwaite 1946; Kuznetsova et al. 2017). Derivatives are central differences with
    /// Richardson extrapolation, as numDeriv's defaults in lmerTest.
    /// </summary>
    internal (double[] Df, double[] P) Satterthwaite(LmmFit fit)
    {
        double[] varpar = fit.Theta.Append(Math.Sqrt(fit.Sigma2)).ToArray();
        int m = varpar.Length;
        double Deviance(double[] v) => DevianceAt(v.Take(m - 1).ToArray(), v[m - 1], fit.Reml);
        double[,] hessian = NumericDerivatives.Hessian(Deviance, varpar);
        Matrix<double> a = Matrix<double>.Build.DenseOfArray(hessian).Inverse().Multiply(2);
        var df = new double[_p];
        var pValues = new double[_p];
        // Every coefficient's variance from one solve per step (not one per coefficient: a model with hundreds of
        // contrasts would otherwise take minutes).
        double[,] jacobian = NumericDerivatives.Jacobian(
            v =>
            {
                double[,] covariance = CovarianceAt(v.Take(m - 1).ToArray(), v[m - 1]);
                return Enumerable.Range(0, _p).Select(k => covariance[k, k]).ToArray();
            },
            varpar,
            _p);
        for (int j = 0; j < _p; j++)
        {
            double[] gradient = Enumerable.Range(0, m).Select(i => jacobian[j, i]).ToArray();
            Vector<double> g = Vector<double>.Build.DenseOfArray(gradient);
            double variance = fit.BetaCovariance[j, j];
            df[j] = 2 * variance * variance / g.DotProduct(a.Multiply(g));
            double t = fit.Beta[j] / Math.Sqrt(variance);
            pValues[j] = MathNet.Numerics.SpecialFunctions.BetaRegularized(df[j] / 2, 0.5, df[j] / (df[j] + (t * t)));
        }

        return (df, pValues);
    }

    /// <summary>Minimises the criterion over θ from lme4's start and returns the fit.</summary>
    /// <returns>The fit; null when the optimiser does not converge (Nelder–Mead's iteration limit) or the optimum's criterion is not finite (sums no rows could give).</returns>
    internal LmmFit? Fit(bool reml)
    {
        double[] lower = LowerBounds();
        int evaluations = 0;
        double F(double[] theta)
        {
            evaluations++;
            double value = Objective(theta, reml);
            return double.IsNaN(value) ? double.MaxValue : value;
        }

        // Nelder–Mead from lme4's start on the criterion (bounds by clamping), then Newton steps to polish.
        double[] best;
        try
        {
            best = NelderMead(F, Start(), lower);
        }
        catch (MaximumIterationsException)
        {
            return null;
        }

        best = Newton(theta => Objective(theta, reml), best, lower, ref evaluations);
        double gradientNorm = FreeGradient(theta => Objective(theta, reml), best, lower);
        State s = Solve(best, modes: true);
        if (!IsFinite(Criterion(s, reml)))
        {
            return null;
        }

        return Result(s, best, reml, evaluations, gradientNorm);
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>The criterion's gradient over the free parameters (central differences), for the fit's provenance.</summary>
    private static double FreeGradient(Func<double[], double> f, double[] x, double[] lower)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNegativeInfinity(lower[i]) && x[i] <= lower[i] + 1e-7)
            {
                continue;
            }

            double h = 1e-4 * Math.Max(1, Math.Abs(x[i]));
            double[] up = (double[])x.Clone(), down = (double[])x.Clone();
            up[i] += h;
            down[i] -= h;
            double g = (f(up) - f(down)) / (2 * h);
            sum += g * g;
        }

        return Math.Sqrt(sum);
    }

    private static double[] Newton(Func<double[], double> f, double[] start, double[] lower, ref int evaluations)
    {
        double[] x = (double[])start.Clone();
        double fx = f(x);
        for (int iteration = 0; iteration < 50; iteration++)
        {
            int[] free = Enumerable.Range(0, x.Length).Where(i => double.IsNegativeInfinity(lower[i]) || x[i] > lower[i] + 1e-7).ToArray();
            if (free.Length == 0)
            {
                break;
            }

            int m = free.Length;
            var g = new double[m];
            var h = new double[m, m];
            double[] steps = free.Select(i => 1e-4 * Math.Max(1, Math.Abs(x[i]))).ToArray();
            double At(int a, double da, int b, double db)
            {
                double[] y = (double[])x.Clone();
                y[free[a]] += da;
                if (b >= 0)
                {
                    y[free[b]] += db;
                }

                return f(y);
            }

            for (int a = 0; a < m; a++)
            {
                double up = At(a, steps[a], -1, 0), down = At(a, -steps[a], -1, 0);
                evaluations += 2;
                g[a] = (up - down) / (2 * steps[a]);
                h[a, a] = (up - (2 * fx) + down) / (steps[a] * steps[a]);
                for (int b = 0; b < a; b++)
                {
                    double pp = At(a, steps[a], b, steps[b]), pm = At(a, steps[a], b, -steps[b]), mp = At(a, -steps[a], b, steps[b]), mm = At(a, -steps[a], b, -steps[b]);
                    evaluations += 4;
                    h[a, b] = h[b, a] = (pp - pm - mp + mm) / (4 * steps[a] * steps[b]);
                }
            }

            Matrix<double> hessian = Matrix<double>.Build.DenseOfArray(h);
            Vector<double> delta;
            try
            {
                delta = hessian.Cholesky().Solve(Vector<double>.Build.DenseOfArray(g)).Negate();
            }
            catch (ArgumentException)
            {
                break;   // not positive definite here: leave the optimiser's point as it is
            }

            // The decrease the quadratic model predicts for the full step, g'H^{-1}g / 2: once it is below the
            // criterion's rounding the point is as good as the criterion can tell, and this step is the last.
            double predicted = 0;
            for (int a = 0; a < m; a++)
            {
                predicted -= 0.5 * g[a] * delta[a];
            }

            bool last = predicted < 1e-11 * Math.Max(1, Math.Abs(fx));
            double scale = 1;
            bool improved = false;
            for (int halving = 0; halving < 30; halving++)
            {
                double[] candidate = (double[])x.Clone();
                for (int a = 0; a < m; a++)
                {
                    candidate[free[a]] = Math.Max(lower[free[a]], x[free[a]] + (scale * delta[a]));
                }

                double fc = f(candidate);
                evaluations++;
                // Near the optimum the criterion's change over a Newton step is below its rounding (about 1e-13 of
                // its value), so a full step of at most 1e-6 is also taken when it does not worsen the criterion by
                // more than that: the step rests on the gradient, which still carries information there. Without it
                // two evaluations of the same model whose sums were added in another order (a merged partial) stop
                // 1e-9 apart.
                double size = delta.AbsoluteMaximum() * scale;
                if (fc <= fx || (scale == 1 && size < 1e-6 && fc <= fx + (1e-12 * Math.Max(1, Math.Abs(fx)))))
                {
                    bool small = size < 1e-12 || last;
                    x = candidate;
                    fx = fc;
                    improved = !small;
                    break;
                }

                scale /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return x;
    }

    private static double[] NelderMead(Func<double[], double> f, double[] start, double[] lower)
    {
        var simplex = new NelderMeadSimplex(1e-7, 10000);
        MinimizationResult result = simplex.FindMinimum(ObjectiveFunction.Value(v => f(Clamp(v.ToArray(), lower))), Vector<double>.Build.DenseOfArray(start));
        return Clamp(result.MinimizingPoint.ToArray(), lower);
    }

    private static double[] Clamp(double[] theta, double[] lower)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = Math.Max(theta[i], lower[i]);
        }

        return theta;
    }

    private LmmFit Result(State s, double[] theta, bool reml, int evaluations, double gradientNorm)
    {
        int q = _q1 + _q2;
        double degrees = reml ? _n - _p : _n;
        double sigma2 = s.PenalisedRss / degrees;

        double[,] covariance = BetaCovariance(s, sigma2);

        // b = Λ u.
        double[] effects = (double[])s.U.Clone();
        ApplyLambda(s.Factors, effects, transpose: false);

        // Conditional variances: σ² Λ (L L')^{-1} Λ' blocks.
        var covariances = new double[_terms.Length][,];
        var modes = new double[_terms.Length][][];
        var modeVariances = new double[_terms.Length][][];
        Matrix<double>? l22Inverse = s.L22?.Inverse();
        for (int j = 0; j < _terms.Length; j++)
        {
            LmmRandomTerm term = _terms[j];
            int k = term.K;
            double[,] f = s.Factors[j];
            var cov = new double[k, k];
            for (int a = 0; a < k; a++)
            {
                for (int c = 0; c < k; c++)
                {
                    double sum = 0;
                    for (int d = 0; d < k; d++)
                    {
                        sum += f[a, d] * f[c, d];
                    }

                    cov[a, c] = sigma2 * sum;
                }
            }

            covariances[j] = cov;
            int levels = term.LevelNames.Length;
            modes[j] = new double[levels][];
            modeVariances[j] = new double[levels][];
            int start = j == 0 ? 0 : _q1 + _offsets[j];
            double[,] ft = Transpose(f);
            var lInverse = new double[k, k];
            for (int level = 0; level < levels; level++)
            {
                int at = start + (level * k);
                var mode = new double[k];
                Array.Copy(effects, at, mode, 0, k);
                modes[j][level] = mode;
                if (j == 0 && _q2 == 0)
                {
                    // One factor: the block is (L_i L_i')^{-1} = L_i^{-T} L_i^{-1}; each variance σ² (T (L_i^{-T} L_i^{-1}) T')_aa,
                    // in place (a growth model has a level per client, and this ran ten small matrices per level).
                    modeVariances[j][level] = OneFactorVariances(s.L11, level * k * k, k, f, sigma2, lInverse);
                    continue;
                }

                double[,] inverse = InverseBlock(s, j, level, l22Inverse);
                double[,] transformed = Congruence(ft, inverse, ft);
                modeVariances[j][level] = Enumerable.Range(0, k).Select(a => sigma2 * transformed[a, a]).ToArray();
            }
        }

        return new LmmFit
        {
            Reml = reml,
            Theta = theta,
            FixedNames = _fixedNames,
            Beta = s.Beta,
            BetaCovariance = covariance,
            Sigma2 = sigma2,
            Criterion = Criterion(s, reml),
            Observations = _n,
            Covariances = covariances,
            Modes = modes,
            ModeVariances = modeVariances,
            Terms = _terms,
            Singular = theta.Zip(LowerBounds(), (t, bound) => bound == 0 && t < 1e-4).Any(b => b),
            Evaluations = evaluations,
            GradientNorm = gradientNorm,
        };
    }

    /// <summary>
    /// The conditional variances of one level of a model with one grouping factor: σ² diag(T L^{-T} L^{-1} T') with L
    /// the level's K × K block of L11 (row-major from <paramref name="at"/>), <paramref name="inverse"/> a reused K × K
    /// scratch for L^{-1}. The same numbers as the general path (<see cref="InverseBlock"/> and a congruence), to rounding.
    /// </summary>
    private static double[] OneFactorVariances(double[] l11, int at, int k, double[,] t, double sigma2, double[,] inverse)
    {
        for (int c = 0; c < k; c++)
        {
            inverse[c, c] = 1 / l11[at + (c * k) + c];
            for (int r = c + 1; r < k; r++)
            {
                double sum = 0;
                for (int m = c; m < r; m++)
                {
                    sum += l11[at + (r * k) + m] * inverse[m, c];
                }

                inverse[r, c] = -sum / l11[at + (r * k) + r];
            }

            for (int r = 0; r < c; r++)
            {
                inverse[r, c] = 0;
            }
        }

        // (T L^{-T} L^{-1} T')_aa = Σ_m ((L^{-1} T')_{m a})² = Σ_m (Σ_c L^{-1}_{m c} T_{a c})².
        var variances = new double[k];
        for (int a = 0; a < k; a++)
        {
            double total = 0;
            for (int m = 0; m < k; m++)
            {
                double x = 0;
                for (int c = 0; c <= m; c++)
                {
                    x += inverse[m, c] * t[a, c];
                }

                total += x * x;
            }

            variances[a] = sigma2 * total;
        }

        return variances;
    }

    /// <summary>The diagonal block of (L L')^{-1} for one level of one term.</summary>
    private double[,] InverseBlock(State s, int term, int level, Matrix<double>? l22Inverse)
    {
        if (term == 0)
        {
            // (L11^{-T} L11^{-1}) + W'W with W = L22^{-1} L21_block L11^{-1}.
            var li = new double[_k1, _k1];
            for (int a = 0; a < _k1; a++)
            {
                for (int c = 0; c < _k1; c++)
                {
                    li[a, c] = s.L11[(level * _k1 * _k1) + (a * _k1) + c];
                }
            }

            double[,] liInv = InvertLower(li);
            var result = Congruence(liInv, Identity(_k1), liInv);   // liInv' liInv
            if (_q2 > 0)
            {
                // X = L21_block L11^{-1}, sparse rows; W = L22^{-1} X, dense q2 × K1 (L22^{-1} is lower-triangular).
                var w = new double[_q2, _k1];
                double[] blocks = s.L21[level];
                int offset = 0;
                foreach (Entry e in _a21[level])
                {
                    int ke = _terms[e.Term].K;
                    for (int ra = 0; ra < ke; ra++)
                    {
                        int column = e.RowStart + ra;
                        for (int c = 0; c < _k1; c++)
                        {
                            double x = 0;
                            for (int d = 0; d < _k1; d++)
                            {
                                x += blocks[offset + (ra * _k1) + d] * liInv[d, c];
                            }

                            for (int row = column; row < _q2; row++)
                            {
                                w[row, c] += l22Inverse![row, column] * x;
                            }
                        }
                    }

                    offset += e.Values.Length;
                }

                for (int a = 0; a < _k1; a++)
                {
                    for (int c = 0; c < _k1; c++)
                    {
                        double sum = 0;
                        for (int row = 0; row < _q2; row++)
                        {
                            sum += w[row, a] * w[row, c];
                        }

                        result[a, c] += sum;
                    }
                }
            }

            return result;
        }

        // Dense part: (L22^{-T} L22^{-1}) block.
        int k = _terms[term].K;
        int start = _offsets[term] + (level * k);
        var block = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int c = 0; c < k; c++)
            {
                double sum = 0;
                for (int row = 0; row < _q2; row++)
                {
                    sum += l22Inverse![row, start + a] * l22Inverse[row, start + c];
                }

                block[a, c] = sum;
            }
        }

        return block;
    }

    /// <summary>Solves L11 x = v in place over the first term's block (L11 block-diagonal).</summary>
    private void ForwardFirst(double[] l11, double[] v)
    {
        int kk = _k1 * _k1;
        for (int i = 0; i < _levels1; i++)
        {
            int at = i * _k1, lt = i * kk;
            for (int a = 0; a < _k1; a++)
            {
                double s = v[at + a];
                for (int b = 0; b < a; b++)
                {
                    s -= l11[lt + (a * _k1) + b] * v[at + b];
                }

                v[at + a] = s / l11[lt + (a * _k1) + a];
            }
        }
    }

    /// <summary>With the first block of v already solved, solves the rest: v2 ← L22^{-1} (v2 − L21 v1).</summary>
    private void ForwardRest(double[][] l21, Matrix<double> l22, double[] v)
    {
        for (int i = 0; i < _levels1; i++)
        {
            int at = i * _k1, offset = 0;
            double[] blocks = l21[i];
            foreach (Entry e in _a21[i])
            {
                int k = _terms[e.Term].K;
                for (int ra = 0; ra < k; ra++)
                {
                    double s = 0;
                    for (int a = 0; a < _k1; a++)
                    {
                        s += blocks[offset + (ra * _k1) + a] * v[at + a];
                    }

                    v[_q1 + e.RowStart + ra] -= s;
                }

                offset += e.Values.Length;
            }
        }

        for (int row = 0; row < _q2; row++)
        {
            double s = v[_q1 + row];
            for (int c = 0; c < row; c++)
            {
                s -= l22[row, c] * v[_q1 + c];
            }

            v[_q1 + row] = s / l22[row, row];
        }
    }

    /// <summary>Solves L' x = v in place.</summary>
    private void Backward(double[] l11, double[][] l21, Matrix<double>? l22, double[] v)
    {
        if (l22 is not null)
        {
            for (int row = _q2 - 1; row >= 0; row--)
            {
                double s = v[_q1 + row];
                for (int c = row + 1; c < _q2; c++)
                {
                    s -= l22[c, row] * v[_q1 + c];
                }

                v[_q1 + row] = s / l22[row, row];
            }

            for (int i = 0; i < _levels1; i++)
            {
                int at = i * _k1, offset = 0;
                double[] blocks = l21[i];
                foreach (Entry e in _a21[i])
                {
                    int k = _terms[e.Term].K;
                    for (int a = 0; a < _k1; a++)
                    {
                        double s = 0;
                        for (int ra = 0; ra < k; ra++)
                        {
                            s += blocks[offset + (ra * _k1) + a] * v[_q1 + e.RowStart + ra];
                        }

                        v[at + a] -= s;
                    }

                    offset += e.Values.Length;
                }
            }
        }

        int kk = _k1 * _k1;
        for (int i = 0; i < _levels1; i++)
        {
            int at = i * _k1, lt = i * kk;
            for (int a = _k1 - 1; a >= 0; a--)
            {
                double s = v[at + a];
                for (int b = a + 1; b < _k1; b++)
                {
                    s -= l11[lt + (b * _k1) + a] * v[at + b];
                }

                v[at + a] = s / l11[lt + (a * _k1) + a];
            }
        }
    }

    /// <summary>The Cholesky factor of a k × k block (row-major) into <paramref name="target"/> at <paramref name="at"/>; returns its log-determinant (2 Σ log Lᵢᵢ).</summary>
    private static double CholeskyInPlace(double[] m, double[] target, int at, int k)
    {
        double logDet = 0;
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = m[(a * k) + b];
                for (int c = 0; c < b; c++)
                {
                    s -= target[at + (a * k) + c] * target[at + (b * k) + c];
                }

                if (a == b)
                {
                    double root = Math.Sqrt(s);
                    target[at + (a * k) + a] = root;
                    logDet += 2 * Math.Log(root);
                }
                else
                {
                    target[at + (a * k) + b] = s / target[at + (b * k) + b];
                }
            }

            for (int b = a + 1; b < k; b++)
            {
                target[at + (a * k) + b] = 0;
            }
        }

        return logDet;
    }

    /// <summary>A nonzero block of Z2'Z1 in a column block of the first term: its first row in the q2 part, the term it belongs to, and its k × K1 values (row-major).</summary>
    private readonly record struct Entry(int RowStart, int Term, double[] Values);

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>Returns L' M R for small matrices (L and R of the same shape as M's sides).</summary>
    private static double[,] Congruence(double[,] left, double[,] middle, double[,] right)
    {
        int k = middle.GetLength(0);
        var temp = new double[k, k];
        var result = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                {
                    s += middle[a, c] * right[c, b];
                }

                temp[a, b] = s;
            }
        }

        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double s = 0;
                for (int c = 0; c < k; c++)
                {
                    s += left[c, a] * temp[c, b];
                }

                result[a, b] = s;
            }
        }

        return result;
    }

    private static double[,] Transpose(double[,] m)
    {
        int k = m.GetLength(0);
        var t = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                t[a, b] = m[b, a];
            }
        }

        return t;
    }

    private static double[,] Identity(int k)
    {
        var m = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            m[a, a] = 1;
        }

        return m;
    }

    private static double[,] InvertLower(double[,] l)
    {
        int k = l.GetLength(0);
        var inverse = new double[k, k];
        for (int c = 0; c < k; c++)
        {
            var e = new double[k];
            e[c] = 1;
            double[] column = ForwardSmall(l, e);
            for (int r = 0; r < k; r++)
            {
                inverse[r, c] = column[r];
            }
        }

        return inverse;
    }

    /// <summary>The lower Cholesky factor of a small symmetric positive definite matrix.</summary>
    private static double[,] SmallCholesky(double[,] m)
    {
        int k = m.GetLength(0);
        var l = new double[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b <= a; b++)
            {
                double s = m[a, b];
                for (int c = 0; c < b; c++)
                {
                    s -= l[a, c] * l[b, c];
                }

                l[a, b] = a == b ? Math.Sqrt(Math.Max(s, 0)) : s / l[b, b];
            }
        }

        return l;
    }

    private static double[] ForwardSmall(double[,] l, double[] v)
    {
        int k = v.Length;
        var x = new double[k];
        for (int a = 0; a < k; a++)
        {
            double s = v[a];
            for (int b = 0; b < a; b++)
            {
                s -= l[a, b] * x[b];
            }

            x[a] = s / l[a, a];
        }

        return x;
    }

    private static double[] BackwardSmall(double[,] l, double[] v)
    {
        int k = v.Length;
        var x = new double[k];
        for (int a = k - 1; a >= 0; a--)
        {
            double s = v[a];
            for (int b = a + 1; b < k; b++)
            {
                s -= l[b, a] * x[b];
            }

            x[a] = s / l[a, a];
        }

        return x;
    }
}

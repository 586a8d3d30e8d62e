using System.Numerics.Tensors;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// PLS2 regression (one or more targets) fitted by NIPALS, numerically equivalent to scikit-learn 1.2.1's
/// <c>PLSRegression(n_components, scale, max_iter, tol)</c> with its defaults <c>mode="A"</c>,
/// <c>deflation_mode="regression"</c>, <c>algorithm="nipals"</c>.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm (Wegelin 2000, section 4.1, as scikit-learn implements it): centre X and Y (and divide each column by
/// its sample standard deviation, ddof = 1, when <see cref="PlsOptions.Scale"/>); then for each component k the
/// x-weight w is the power-method estimate of the first left singular vector of Xₖᵀ Yₖ, started from the first Y
/// column that is not constant (|y| ≤ ε everywhere), stopped when ‖wᵢ − wᵢ₋₁‖² &lt; tol or after max_iter
/// iterations, and after one iteration when Y has a single column. The sign is fixed so that the largest |wᵢ| is
/// positive. Scores t = Xₖ w, x-loadings p = Xₖᵀ t / tᵀt, y-loadings c = Yₖᵀ t / tᵀt; deflation
/// Xₖ₊₁ = Xₖ − t pᵀ and Yₖ₊₁ = Yₖ − t cᵀ (Y deflated with the x-scores). Rotations R = W (PᵀW)⁺, coefficients
/// B = R Cᵀ diag(σ_y).
/// </para>
/// <para>
/// Efficiency: the power method needs only S = XₖᵀYₖ (features × targets): with t = Xₖ w and u ∝ Yₖ c, one
/// iteration maps w to S Sᵀ w up to a scale that the normalisation removes, so each iteration costs
/// O(features · targets) instead of two passes over X. S is accumulated during the deflation pass, and the
/// deflation works in place on one centred copy of X: per component there is one read pass (scores and x-loadings
/// together) and one read-write pass (deflation of X and Y and the next S), and no per-component allocation of
/// samples × features size. The scale factors that scikit-learn's loop carries (and the ε it adds to two
/// denominators) do not change the direction of w; the results agree to rounding (better than 1e-12 relative on the golden
/// cases).
/// </para>
/// <para>
/// Deliberate differences, all on degenerate input: a column whose training values are all equal gets mean = that
/// value exactly and standard deviation 1 (so it contributes exactly nothing; scikit-learn may amplify the rounding
/// residue of its mean); and when the residual cross-covariance XₖᵀYₖ is exactly zero the fit stops early instead
/// of producing NaN. When the Y residual becomes constant the fit stops early as in scikit-learn (which warns);
/// the remaining components are zero and <see cref="PlsModel.EffectiveComponentCount"/> tells how many are real.
/// </para>
/// </remarks>
public static class PlsRegression
{
    /// <summary>Fits a PLS2 model.</summary>
    /// <param name="x">Predictors, samples × features (e.g. spectra × bands); finite.</param>
    /// <param name="y">Targets, samples × targets (e.g. one-hot classes); finite.</param>
    /// <param name="options">Number of components, scaling and power-method settings.</param>
    /// <returns>The fitted model.</returns>
    /// <remarks>Training-time code: allocates one copy of X and Y plus O(features · (components + targets)).
    /// Checks every element of X and Y for finiteness.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 samples, no features or targets, or more components
    /// than features.</exception>
    /// <exception cref="ArgumentException">Row counts differ, or an element is NaN or infinite.</exception>
    public static PlsModel Fit(ReadOnlyMatrixSpan<double> x, ReadOnlyMatrixSpan<double> y, PlsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThrowHelper.ThrowIfInvalidTrainingShape(x, y, options.Components);
        ThrowHelper.ThrowIfNotFinite(x.Span, nameof(x));
        ThrowHelper.ThrowIfNotFinite(y.Span, nameof(y));

        int n = x.Rows, p = x.Columns, q = y.Columns, a = options.Components;
        double[] xs = x.Span.ToArray();
        double[] ys = y.Span.ToArray();
        (double[] xMean, double[] xStd) = CenterAndScale(xs, n, p, options.Scale);
        (double[] yMean, double[] yStd) = CenterAndScale(ys, n, q, options.Scale);

        var xWeights = new double[p * a];
        var xLoadings = new double[p * a];
        var yLoadings = new double[q * a];
        var iterations = new int[a];

        // S is stored transposed (targets × features): row j is Xₖᵀ Yₖ[:, j], so every update is a contiguous axpy.
        var s = new double[q * p];
        var yMaxAbs = new double[q];
        var w = new double[p];
        var wOld = new double[p];
        var v = new double[p];
        var c = new double[q];
        var t = new double[n];
        var loading = new double[p];
        var yLoading = new double[q];

        AccumulateCross(xs, ys, n, p, q, s, yMaxAbs);

        int effective = 0;
        for (int k = 0; k < a; k++)
        {
            // scikit-learn zeroes Y columns whose residual is below 10ε everywhere, then starts the power method from
            // the first column that is not ε-constant; if there is none, Y is fully explained and fitting stops.
            int first = -1;
            for (int j = 0; j < q; j++)
            {
                if (yMaxAbs[j] < 10 * MachineEpsilon)
                {
                    ZeroColumn(ys, n, q, j);
                    Array.Clear(s, j * p, p);
                    yMaxAbs[j] = 0;
                }

                if (first < 0 && yMaxAbs[j] > MachineEpsilon)
                {
                    first = j;
                }
            }

            if (first < 0)
            {
                break;
            }

            double uu = ColumnSumOfSquares(ys, n, q, first);
            int used = PowerIteration(s, p, q, first, uu, options, w, wOld, v, c);
            if (used == 0)
            {
                break; // XₖᵀYₖ = 0: no direction left that covaries with Y.
            }

            iterations[k] = used;
            FlipSign(w);

            // Pass 1: scores t = Xₖ w and Xₖᵀ t together, one read of Xₖ.
            Array.Clear(loading);
            double tt = 0;
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> row = xs.AsSpan(i * p, p);
                double ti = TensorPrimitives.Dot(row, w);
                t[i] = ti;
                tt += ti * ti;
                TensorPrimitives.MultiplyAdd(row, ti, loading, loading);
            }

            if (!(tt > 0))
            {
                break;
            }

            TensorPrimitives.Divide(loading, tt, loading);
            Array.Clear(yLoading);
            for (int i = 0; i < n; i++)
            {
                TensorPrimitives.MultiplyAdd(ys.AsSpan(i * q, q), t[i], yLoading, yLoading);
            }

            TensorPrimitives.Divide(yLoading, tt, yLoading);

            SetColumn(xWeights, p, a, k, w);
            SetColumn(xLoadings, p, a, k, loading);
            SetColumn(yLoadings, q, a, k, yLoading);
            effective = k + 1;

            if (k + 1 < a)
            {
                // Pass 2: deflate X and Y in place and accumulate the next S = Xₖ₊₁ᵀ Yₖ₊₁, one read-write of Xₖ.
                Array.Clear(s);
                Array.Clear(yMaxAbs);
                for (int i = 0; i < n; i++)
                {
                    Span<double> xRow = xs.AsSpan(i * p, p);
                    Span<double> yRow = ys.AsSpan(i * q, q);
                    double ti = t[i];
                    TensorPrimitives.MultiplyAdd(loading, -ti, xRow, xRow);
                    TensorPrimitives.MultiplyAdd(yLoading, -ti, yRow, yRow);
                    for (int j = 0; j < q; j++)
                    {
                        double yij = yRow[j];
                        yMaxAbs[j] = Math.Max(yMaxAbs[j], Math.Abs(yij));
                        Span<double> sRow = s.AsSpan(j * p, p);
                        TensorPrimitives.MultiplyAdd(xRow, yij, sRow, sRow);
                    }
                }
            }
        }

        // In regression mode scikit-learn's y_weights_ equal its y_loadings_ (both are Yₖᵀt / tᵀt).
        return new PlsModel(p, q, a, effective, options.Scale, xMean, xStd, yMean, yStd,
            xWeights, xLoadings, yLoadings, iterations);
    }

    /// <summary>numpy's <c>finfo(float64).eps</c> = 2⁻⁵², the threshold scikit-learn uses for "constant" Y residuals.</summary>
    internal const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// Power method for the first left singular vector of S (stored transposed, targets × features), following
    /// scikit-learn's loop and stopping rule. Returns the number of iterations, or 0 when S is zero.
    /// </summary>
    private static int PowerIteration(double[] sT, int p, int q, int first, double uu, PlsOptions options,
        double[] w, double[] wOld, double[] v, double[] c)
    {
        // First iteration: u = Yₖ[:, first], so Xₖᵀu / uᵀu is row `first` of Sᵀ over uᵀu.
        TensorPrimitives.Divide(sT.AsSpan(first * p, p), uu, v);
        double norm = TensorPrimitives.Norm(v);
        if (!(norm > 0))
        {
            return 0;
        }

        TensorPrimitives.Divide(v, norm + MachineEpsilon, w);
        Array.Fill(wOld, 100.0); // scikit-learn's "big value" for the first convergence check
        int i = 0;
        while (true)
        {
            double diff = TensorPrimitives.Distance(w, wOld);
            if (diff * diff < options.Tolerance || q == 1 || i + 1 == options.MaxIterations)
            {
                return i + 1;
            }

            w.CopyTo(wOld, 0);

            // w ← normalise(S Sᵀ w): c = Sᵀw (one dot per target), v = S c.
            Array.Clear(v);
            for (int j = 0; j < q; j++)
            {
                ReadOnlySpan<double> sRow = sT.AsSpan(j * p, p);
                c[j] = TensorPrimitives.Dot(sRow, w);
                TensorPrimitives.MultiplyAdd(sRow, c[j], v, v);
            }

            norm = TensorPrimitives.Norm(v);
            if (!(norm > 0))
            {
                return i + 1; // unreachable for w in the range of S ≠ 0; keeps the previous w rather than NaN
            }

            TensorPrimitives.Divide(v, norm, w);
            i++;
        }
    }

    /// <summary>Makes the entry of largest magnitude (first one on ties) positive, like scikit-learn's _svd_flip_1d.</summary>
    private static void FlipSign(double[] w)
    {
        int index = TensorPrimitives.IndexOfMaxMagnitude(w);
        if (w[index] < 0)
        {
            TensorPrimitives.Negate(w, w);
        }
    }

    /// <summary>Centres columns in place and, when <paramref name="scale"/>, divides them by their ddof = 1 deviation.</summary>
    internal static (double[] Mean, double[] Std) CenterAndScale(double[] data, int rows, int columns, bool scale)
    {
        var mean = new double[columns];
        var min = new double[columns];
        var max = new double[columns];
        data.AsSpan(0, columns).CopyTo(min);
        data.AsSpan(0, columns).CopyTo(max);
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> row = data.AsSpan(i * columns, columns);
            TensorPrimitives.Add(row, mean, mean);
            TensorPrimitives.Min(row, min, min);
            TensorPrimitives.Max(row, max, max);
        }

        TensorPrimitives.Divide(mean, rows, mean);
        for (int j = 0; j < columns; j++)
        {
            if (min[j] == max[j])
            {
                mean[j] = min[j]; // constant column: centre to exact zeros
            }
        }

        var sumSquares = new double[columns];
        for (int i = 0; i < rows; i++)
        {
            Span<double> row = data.AsSpan(i * columns, columns);
            TensorPrimitives.Subtract(row, mean, row);
            TensorPrimitives.MultiplyAdd(row, row, sumSquares, sumSquares);
        }

        var std = new double[columns];
        if (!scale)
        {
            Array.Fill(std, 1.0);
            return (mean, std);
        }

        for (int j = 0; j < columns; j++)
        {
            double sd = Math.Sqrt(sumSquares[j] / (rows - 1));
            std[j] = sd == 0 ? 1.0 : sd;
        }

        for (int i = 0; i < rows; i++)
        {
            Span<double> row = data.AsSpan(i * columns, columns);
            TensorPrimitives.Divide(row, std, row);
        }

        return (mean, std);
    }

    /// <summary>S = XᵀY stored transposed, plus max |Y| per column.</summary>
    private static void AccumulateCross(double[] xs, double[] ys, int n, int p, int q, double[] sT, double[] yMaxAbs)
    {
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> xRow = xs.AsSpan(i * p, p);
            for (int j = 0; j < q; j++)
            {
                double yij = ys[(i * q) + j];
                yMaxAbs[j] = Math.Max(yMaxAbs[j], Math.Abs(yij));
                Span<double> sRow = sT.AsSpan(j * p, p);
                TensorPrimitives.MultiplyAdd(xRow, yij, sRow, sRow);
            }
        }
    }

    private static double ColumnSumOfSquares(double[] data, int rows, int columns, int column)
    {
        double sum = 0;
        for (int i = 0; i < rows; i++)
        {
            double value = data[(i * columns) + column];
            sum += value * value;
        }

        return sum;
    }

    private static void ZeroColumn(double[] data, int rows, int columns, int column)
    {
        for (int i = 0; i < rows; i++)
        {
            data[(i * columns) + column] = 0;
        }
    }

    private static void SetColumn(double[] matrix, int rows, int columns, int column, ReadOnlySpan<double> values)
    {
        for (int r = 0; r < rows; r++)
        {
            matrix[(r * columns) + column] = values[r];
        }
    }
}

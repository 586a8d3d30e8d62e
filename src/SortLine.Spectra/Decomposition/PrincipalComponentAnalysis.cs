using System.Globalization;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Decomposition;

/// <summary>
/// Principal component analysis by a singular value decomposition of the mean-centred data, equivalent to
/// scikit-learn's <c>PCA(svd_solver='full')</c> (no whitening).
/// </summary>
/// <remarks>
/// <para>Rows are samples (spectra, pixels), columns are features (bands). <see cref="Mean"/> and
/// <see cref="Components"/> are in the units of the data; scores are in the same units (projections onto unit
/// vectors); <see cref="ExplainedVariance"/> is in units squared.</para>
/// <para><b>Sign convention.</b> Singular vectors are defined up to sign. As scikit-learn's <c>svd_flip</c> (with
/// <c>u_based_decision=True</c>), the sign of component <c>j</c> is chosen so that the entry of largest absolute value
/// in the <c>j</c>-th left singular vector (the <c>j</c>-th column of U, i.e. the sample with the largest score) is
/// positive. Components therefore usually equal scikit-learn's exactly, not just up to sign.</para>
/// <para><b>Numerics.</b> The SVD is MathNet's. For tall data (more samples than features) a thin QR decomposition
/// comes first and the small d × d factor R is decomposed, so U is never formed as an n × n matrix.
/// Explained variance uses the sample variance (divisor n - 1); ratios are relative to the total variance of all
/// min(n, d) components, also when fewer are kept.</para>
/// <para>Fit is not thread-safe. After Fit, the transform methods only read the fitted model and may run
/// concurrently; the single-sample transforms allocate nothing.</para>
/// </remarks>
public sealed class PrincipalComponentAnalysis
{
    private Model? _model;

    /// <summary>Creates an unfitted PCA that keeps all min(samples, features) components.</summary>
    public PrincipalComponentAnalysis()
    {
    }

    /// <summary>Creates an unfitted PCA that keeps <paramref name="componentCount"/> components (scikit-learn's integer <c>n_components</c>).</summary>
    /// <param name="componentCount">Number of components to keep (≥ 1; at most min(samples, features) at fit time).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="componentCount"/> is less than 1.</exception>
    public PrincipalComponentAnalysis(int componentCount)
    {
        ThrowHelper.ThrowIfOutOfRange(componentCount, 1, int.MaxValue);
        RequestedComponentCount = componentCount;
    }

    /// <summary>Gets the number of components requested at construction, or <see langword="null"/> for all of them.</summary>
    public int? RequestedComponentCount { get; }

    /// <summary>Gets a value indicating whether the model has been fitted.</summary>
    public bool IsFitted => _model is not null;

    /// <summary>Gets the number of components kept; 0 before fitting.</summary>
    public int ComponentCount => _model?.ComponentCount ?? 0;

    /// <summary>Gets the number of features (columns) the model was fitted with; 0 before fitting.</summary>
    public int FeatureCount => _model?.Mean.Length ?? 0;

    /// <summary>Gets the number of training samples.</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public int SampleCount => Fitted().SampleCount;

    /// <summary>Gets the per-feature mean of the training data (the centre of the projection).</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public ReadOnlySpan<double> Mean => Fitted().Mean;

    /// <summary>Gets the principal axes: <see cref="ComponentCount"/> rows of unit length, each <see cref="FeatureCount"/>
    /// long, in decreasing order of explained variance (scikit-learn's <c>components_</c>).</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public ReadOnlyMatrixSpan<double> Components
    {
        get
        {
            Model m = Fitted();
            return new ReadOnlyMatrixSpan<double>(m.Components, m.ComponentCount, m.Mean.Length);
        }
    }

    /// <summary>Gets the variance along each kept component, <c>s² / (n - 1)</c> (data units squared).</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public ReadOnlySpan<double> ExplainedVariance => Fitted().ExplainedVariance.AsSpan(0, ComponentCount);

    /// <summary>Gets the share of the total variance along each kept component.</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public ReadOnlySpan<double> ExplainedVarianceRatio => Fitted().ExplainedVarianceRatio.AsSpan(0, ComponentCount);

    /// <summary>Gets the singular values of the centred data for the kept components (decreasing).</summary>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public ReadOnlySpan<double> SingularValues => Fitted().SingularValues.AsSpan(0, ComponentCount);

    /// <summary>
    /// Fits the model to <paramref name="data"/>: centres it, decomposes it, applies the sign convention and keeps
    /// the requested number of components.
    /// </summary>
    /// <param name="data">Training samples (rows) × features (columns); at least 2 rows and 1 column.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> has fewer than 2 rows or no column, holds NaN or ±∞,
    /// or has zero total variance (all rows equal).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The requested component count exceeds min(samples, features).</exception>
    public void Fit(ReadOnlyMatrixSpan<double> data)
    {
        ThrowHelper.ThrowIfTooFewRows(data.Rows, 2, nameof(data));
        if (data.Columns == 0)
        {
            ThrowHelper.ThrowArgument(nameof(data), "At least one feature (column) is required.");
        }

        ThrowHelper.ThrowIfNotFinite(data.Span, nameof(data));

        int n = data.Rows, d = data.Columns, rank = Math.Min(n, d);
        int keep = RequestedComponentCount ?? rank;
        if (keep > rank)
        {
            ThrowHelper.ThrowArgumentOutOfRange("componentCount", keep, string.Create(CultureInfo.InvariantCulture,
                $"At most min(samples, features) = {rank} components exist."));
        }

        var mean = new double[d];
        for (int r = 0; r < n; r++)
        {
            TensorPrimitives.Add(mean, data.Row(r), mean);
        }

        TensorPrimitives.Divide(mean, n, mean);

        Matrix<double> centred = MathNetInterop.ToMatrix(data);
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < d; c++)
            {
                centred[r, c] -= mean[c];
            }
        }

        (Matrix<double> u, double[] s, Matrix<double> vt) = ThinSvd(centred);
        FlipSigns(u, vt);

        var explainedVariance = new double[rank];
        for (int j = 0; j < rank; j++)
        {
            explainedVariance[j] = s[j] * s[j] / (n - 1);
        }

        double total = TensorPrimitives.Sum<double>(explainedVariance);
        if (!(total > 0))
        {
            ThrowHelper.ThrowArgument(nameof(data), "The data have zero total variance (all rows are equal); PCA is undefined.");
        }

        var ratio = new double[rank];
        TensorPrimitives.Divide(explainedVariance, total, ratio);

        var components = new double[keep * d];
        for (int j = 0; j < keep; j++)
        {
            for (int c = 0; c < d; c++)
            {
                components[(j * d) + c] = vt[j, c];
            }
        }

        var offsets = new double[keep];
        for (int j = 0; j < keep; j++)
        {
            offsets[j] = TensorPrimitives.Dot<double>(components.AsSpan(j * d, d), mean);
        }

        _model = new Model(n, keep, mean, components, offsets, s, explainedVariance, ratio);
    }

    /// <summary>
    /// Gets the smallest number of components whose cumulative explained variance ratio exceeds
    /// <paramref name="threshold"/>, exactly as scikit-learn chooses <c>n_components</c> for a fraction (strictly
    /// greater; the "98 % of the variance" rule of the methods brief with the default).
    /// </summary>
    /// <param name="threshold">Share of the total variance, in (0, 1].</param>
    /// <returns>A count in [1, min(samples, features)], counted over all components of the fit (not only the kept
    /// ones); min(samples, features) when the threshold is never exceeded (e.g. 1.0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside (0, 1].</exception>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    public int ComponentsForVariance(double threshold = 0.98)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(threshold), threshold, "The threshold must be in (0, 1].");
        }

        double[] ratio = Fitted().ExplainedVarianceRatio;
        double cumulative = 0;
        for (int j = 0; j < ratio.Length; j++)
        {
            cumulative += ratio[j];
            if (cumulative > threshold)
            {
                return j + 1;
            }
        }

        return ratio.Length;
    }

    /// <summary>Projects one sample onto the components: <c>scores[j] = (x - mean) · component[j]</c>.</summary>
    /// <remarks>Computed as <c>x · component[j] - mean · component[j]</c> with the second term precomputed, so no scratch
    /// is needed; the rounding differs from the centred form by about ε·|x|·‖component‖ (data units).</remarks>
    /// <param name="x">One sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="scores">Receives <see cref="ComponentCount"/> scores.</param>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length does not match the model.</exception>
    public void Transform(ReadOnlySpan<double> x, Span<double> scores)
    {
        Model m = Fitted();
        int d = m.Mean.Length;
        ThrowHelper.ThrowIfColumnMismatch(d, x.Length, nameof(x));
        ThrowHelper.ThrowIfLengthMismatch(m.ComponentCount, scores.Length, nameof(scores));
        ReadOnlySpan<double> components = m.Components;
        for (int j = 0; j < scores.Length; j++)
        {
            scores[j] = TensorPrimitives.Dot(x, components.Slice(j * d, d)) - m.Offsets[j];
        }
    }

    /// <summary>Maps scores back to the feature space: <c>destination = mean + Σ_j scores[j]·component[j]</c>.</summary>
    /// <param name="scores"><see cref="ComponentCount"/> scores.</param>
    /// <param name="destination">Receives <see cref="FeatureCount"/> values; must not overlap <paramref name="scores"/>.</param>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length does not match the model.</exception>
    public void InverseTransform(ReadOnlySpan<double> scores, Span<double> destination)
    {
        Model m = Fitted();
        int d = m.Mean.Length;
        ThrowHelper.ThrowIfColumnMismatch(m.ComponentCount, scores.Length, nameof(scores));
        ThrowHelper.ThrowIfLengthMismatch(d, destination.Length, nameof(destination));
        ReadOnlySpan<double> components = m.Components;
        m.Mean.CopyTo(destination);
        for (int j = 0; j < scores.Length; j++)
        {
            TensorPrimitives.MultiplyAdd(components.Slice(j * d, d), scores[j], destination, destination);
        }
    }

    /// <summary>Projects every row of <paramref name="data"/>.</summary>
    /// <param name="data">Samples × <see cref="FeatureCount"/> features.</param>
    /// <param name="scores">Samples × <see cref="ComponentCount"/>.</param>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">A shape does not match.</exception>
    public void Transform(ReadOnlyMatrixSpan<double> data, MatrixSpan<double> scores)
    {
        Model m = Fitted();
        ThrowHelper.ThrowIfColumnMismatch(m.Mean.Length, data.Columns, nameof(data));
        ThrowHelper.ThrowIfLengthMismatch(data.Rows, scores.Rows, nameof(scores));
        ThrowHelper.ThrowIfLengthMismatch(m.ComponentCount, scores.Columns, nameof(scores));
        for (int r = 0; r < data.Rows; r++)
        {
            Transform(data.Row(r), scores.Row(r));
        }
    }

    /// <summary>Maps every row of scores back to the feature space.</summary>
    /// <param name="scores">Samples × <see cref="ComponentCount"/>.</param>
    /// <param name="destination">Samples × <see cref="FeatureCount"/>.</param>
    /// <exception cref="InvalidOperationException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">A shape does not match.</exception>
    public void InverseTransform(ReadOnlyMatrixSpan<double> scores, MatrixSpan<double> destination)
    {
        Model m = Fitted();
        ThrowHelper.ThrowIfColumnMismatch(m.ComponentCount, scores.Columns, nameof(scores));
        ThrowHelper.ThrowIfLengthMismatch(scores.Rows, destination.Rows, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(m.Mean.Length, destination.Columns, nameof(destination));
        for (int r = 0; r < scores.Rows; r++)
        {
            InverseTransform(scores.Row(r), destination.Row(r));
        }
    }

    /// <summary>Thin SVD <c>A = U·diag(s)·Vᵀ</c> with min(n, d) singular triplets, singular values decreasing.</summary>
    private static (Matrix<double> U, double[] S, Matrix<double> Vt) ThinSvd(Matrix<double> a)
    {
        int n = a.RowCount, d = a.ColumnCount, rank = Math.Min(n, d);
        Matrix<double> u, vt;
        double[] s;
        if (n > d)
        {
            // Tall: A = Q·R (Q n × d), R = Ur·S·Vᵀ, so U = Q·Ur; avoids the n × n U of a full SVD.
            var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            var svd = qr.R.Svd(computeVectors: true);
            u = qr.Q * svd.U;
            s = svd.S.ToArray();
            vt = svd.VT;
        }
        else
        {
            var svd = a.Svd(computeVectors: true);
            u = svd.U.SubMatrix(0, n, 0, rank);
            s = svd.S.ToArray();
            vt = svd.VT.SubMatrix(0, rank, 0, d);
        }

        // MathNet returns decreasing singular values; keep the order explicit rather than assumed.
        int[] order = Enumerable.Range(0, rank).OrderByDescending(j => s[j]).ThenBy(j => j).ToArray();
        var sorted = new double[rank];
        Matrix<double> uSorted = Matrix<double>.Build.Dense(n, rank), vtSorted = Matrix<double>.Build.Dense(rank, d);
        for (int j = 0; j < rank; j++)
        {
            sorted[j] = s[order[j]];
            uSorted.SetColumn(j, u.Column(order[j]));
            vtSorted.SetRow(j, vt.Row(order[j]));
        }

        return (uSorted, sorted, vtSorted);
    }

    /// <summary>scikit-learn's <c>svd_flip(u, v, u_based_decision=True)</c>: the largest-|value| entry of each column of U
    /// (the first one on ties) becomes positive; the matching row of Vᵀ flips with it.</summary>
    private static void FlipSigns(Matrix<double> u, Matrix<double> vt)
    {
        for (int j = 0; j < u.ColumnCount; j++)
        {
            int best = 0;
            for (int i = 1; i < u.RowCount; i++)
            {
                if (Math.Abs(u[i, j]) > Math.Abs(u[best, j]))
                {
                    best = i;
                }
            }

            if (u[best, j] < 0)
            {
                u.SetColumn(j, u.Column(j).Negate());
                vt.SetRow(j, vt.Row(j).Negate());
            }
        }
    }

    private Model Fitted()
    {
        Model? m = _model;
        ThrowHelper.ThrowIfNotFitted(m is not null, nameof(PrincipalComponentAnalysis));
        return m!;
    }

    /// <summary>The fitted state, replaced as a whole by Fit.</summary>
    private sealed record Model(
        int SampleCount,
        int ComponentCount,
        double[] Mean,
        double[] Components,
        double[] Offsets,
        double[] SingularValues,
        double[] ExplainedVariance,
        double[] ExplainedVarianceRatio);
}

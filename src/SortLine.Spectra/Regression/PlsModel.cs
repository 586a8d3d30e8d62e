using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Regression;

/// <summary>
/// A fitted PLS2 model (see <see cref="PlsRegression.Fit"/>). Immutable and thread-safe. Attribute names and shapes
/// follow scikit-learn 1.2.1's <c>PLSRegression</c>: matrices are features × components, targets × components and
/// features × targets, row-major.
/// </summary>
/// <remarks>
/// Prediction (scikit-learn 1.2.1's <c>predict</c>): ŷ = ((x − <see cref="XMean"/>) ⊘ <see cref="XStd"/>) ·
/// <see cref="Coefficients"/> + <see cref="Intercept"/>. In 1.2.1 <c>coef_</c> has shape (features, targets) and
/// applies to the <em>standardised</em> x, while it already carries the y scale; scikit-learn ≥ 1.3 transposes it
/// and folds 1/σₓ in. <see cref="ToAffine"/> gives the raw-input form.
/// </remarks>
public sealed class PlsModel
{
    private readonly double[] _xMean, _xStd, _yMean, _yStd;
    private readonly double[] _xWeights, _xLoadings, _yLoadings, _xRotations, _coefficients;
    private readonly int[] _iterations;

    internal PlsModel(int features, int targets, int components, int effective, bool scaled,
        double[] xMean, double[] xStd, double[] yMean, double[] yStd,
        double[] xWeights, double[] xLoadings, double[] yLoadings, int[] iterations)
    {
        FeatureCount = features;
        TargetCount = targets;
        ComponentCount = components;
        EffectiveComponentCount = effective;
        IsScaled = scaled;
        _xMean = xMean;
        _xStd = xStd;
        _yMean = yMean;
        _yStd = yStd;
        _xWeights = xWeights;
        _xLoadings = xLoadings;
        _yLoadings = yLoadings;
        _iterations = iterations;
        (_xRotations, _coefficients) = ComputeRotationsAndCoefficients();
    }

    /// <summary>Gets the number of features (columns of X, e.g. bands).</summary>
    public int FeatureCount { get; }

    /// <summary>Gets the number of targets (columns of Y, e.g. classes).</summary>
    public int TargetCount { get; }

    /// <summary>Gets the number of components A requested at fit time (the column count of the weight matrices).</summary>
    public int ComponentCount { get; }

    /// <summary>
    /// Gets the number of components actually extracted: smaller than <see cref="ComponentCount"/> only when the Y
    /// residual became constant (or uncorrelated with X) first; the remaining columns are zero.
    /// </summary>
    public int EffectiveComponentCount { get; }

    /// <summary>Gets a value indicating whether X and Y were divided by their standard deviations.</summary>
    public bool IsScaled { get; }

    /// <summary>Gets the training mean of each feature (scikit-learn <c>_x_mean</c>), in input units.</summary>
    public ReadOnlySpan<double> XMean => _xMean;

    /// <summary>Gets the feature scale (ddof = 1 deviation, 1 where it is zero or when not scaled; <c>_x_std</c>).</summary>
    public ReadOnlySpan<double> XStd => _xStd;

    /// <summary>Gets the training mean of each target (<c>_y_mean</c>).</summary>
    public ReadOnlySpan<double> YMean => _yMean;

    /// <summary>Gets the target scale (<c>_y_std</c>).</summary>
    public ReadOnlySpan<double> YStd => _yStd;

    /// <summary>Gets the x-weights W, features × components (<c>x_weights_</c>; unit columns).</summary>
    public ReadOnlyMatrixSpan<double> XWeights => new(_xWeights, FeatureCount, ComponentCount);

    /// <summary>Gets the x-loadings P, features × components (<c>x_loadings_</c>).</summary>
    public ReadOnlyMatrixSpan<double> XLoadings => new(_xLoadings, FeatureCount, ComponentCount);

    /// <summary>Gets the y-weights, targets × components (<c>y_weights_</c>; equal to the y-loadings in regression mode).</summary>
    public ReadOnlyMatrixSpan<double> YWeights => new(_yLoadings, TargetCount, ComponentCount);

    /// <summary>Gets the y-loadings C, targets × components (<c>y_loadings_</c>).</summary>
    public ReadOnlyMatrixSpan<double> YLoadings => new(_yLoadings, TargetCount, ComponentCount);

    /// <summary>Gets the x-rotations R = W (PᵀW)⁺, features × components (<c>x_rotations_</c>): scores = x_std · R.</summary>
    public ReadOnlyMatrixSpan<double> XRotations => new(_xRotations, FeatureCount, ComponentCount);

    /// <summary>
    /// Gets the coefficients B = R Cᵀ diag(σ_y), features × targets, applied to the standardised input — exactly
    /// scikit-learn 1.2.1's <c>coef_</c>.
    /// </summary>
    public ReadOnlyMatrixSpan<double> Coefficients => new(_coefficients, FeatureCount, TargetCount);

    /// <summary>Gets the intercept (the target means, <c>intercept_</c>).</summary>
    public ReadOnlySpan<double> Intercept => _yMean;

    /// <summary>Gets the power-method iteration count of each component (<c>n_iter_</c>; 0 past the effective count).</summary>
    public ReadOnlySpan<int> IterationCounts => _iterations;

    /// <summary>Predicts the targets of one sample.</summary>
    /// <param name="x">One sample, <see cref="FeatureCount"/> values, finite.</param>
    /// <param name="destination">Receives <see cref="TargetCount"/> predictions.</param>
    /// <exception cref="ArgumentException">A length is wrong, or <paramref name="x"/> has a NaN or infinity.</exception>
    public void Predict(ReadOnlySpan<double> x, Span<double> destination)
    {
        ThrowHelper.ThrowIfLengthMismatch(FeatureCount, x.Length);
        ThrowHelper.ThrowIfLengthMismatch(TargetCount, destination.Length);
        ThrowHelper.ThrowIfNotFinite(x);
        PredictCore(x, destination);
    }

    /// <summary>Predicts the targets of many samples.</summary>
    /// <param name="x">Samples × <see cref="FeatureCount"/>, finite.</param>
    /// <param name="destination">Samples × <see cref="TargetCount"/>.</param>
    /// <exception cref="ArgumentException">A shape is wrong, or <paramref name="x"/> has a NaN or infinity.</exception>
    public void Predict(ReadOnlyMatrixSpan<double> x, MatrixSpan<double> destination)
    {
        ThrowHelper.ThrowIfLengthMismatch(FeatureCount, x.Columns, nameof(x));
        ThrowHelper.ThrowIfLengthMismatch(x.Rows, destination.Rows, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(TargetCount, destination.Columns, nameof(destination));
        ThrowHelper.ThrowIfNotFinite(x.Span, nameof(x));
        for (int i = 0; i < x.Rows; i++)
        {
            PredictCore(x.Row(i), destination.Row(i));
        }
    }

    /// <summary>Projects samples onto the latent space: scores = ((x − mean) ⊘ std) · R (scikit-learn <c>transform</c>).</summary>
    /// <param name="x">Samples × <see cref="FeatureCount"/>, finite.</param>
    /// <param name="destination">Samples × <see cref="ComponentCount"/>.</param>
    /// <exception cref="ArgumentException">A shape is wrong, or <paramref name="x"/> has a NaN or infinity.</exception>
    public void Transform(ReadOnlyMatrixSpan<double> x, MatrixSpan<double> destination)
    {
        ThrowHelper.ThrowIfLengthMismatch(FeatureCount, x.Columns, nameof(x));
        ThrowHelper.ThrowIfLengthMismatch(x.Rows, destination.Rows, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(ComponentCount, destination.Columns, nameof(destination));
        ThrowHelper.ThrowIfNotFinite(x.Span, nameof(x));
        int a = ComponentCount;
        for (int r = 0; r < x.Rows; r++)
        {
            ReadOnlySpan<double> row = x.Row(r);
            Span<double> scores = destination.Row(r);
            scores.Clear();
            for (int i = 0; i < row.Length; i++)
            {
                double z = (row[i] - _xMean[i]) / _xStd[i];
                ReadOnlySpan<double> rotation = _xRotations.AsSpan(i * a, a);
                for (int k = 0; k < a; k++)
                {
                    scores[k] += z * rotation[k];
                }
            }
        }
    }

    /// <summary>
    /// Returns the model restricted to its first <paramref name="components"/> components. NIPALS extracts
    /// components one after the other, so this is exactly the model a fit with that many components gives; cross
    /// validation uses it to score every A from one fit.
    /// </summary>
    /// <param name="components">1 … <see cref="ComponentCount"/>.</param>
    /// <returns>The truncated model.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is out of range.</exception>
    public PlsModel Truncate(int components)
    {
        ThrowHelper.ThrowIfOutOfRange(components, 1, ComponentCount);
        return new PlsModel(FeatureCount, TargetCount, components, Math.Min(components, EffectiveComponentCount), IsScaled,
            _xMean, _xStd, _yMean, _yStd,
            LeadingColumns(_xWeights, FeatureCount, ComponentCount, components),
            LeadingColumns(_xLoadings, FeatureCount, ComponentCount, components),
            LeadingColumns(_yLoadings, TargetCount, ComponentCount, components),
            _iterations.AsSpan(0, components).ToArray());
    }

    /// <summary>
    /// Collapses the model into one affine map on the raw input, ŷ = W x + b, with W = (B ⊘ σₓ)ᵀ (targets ×
    /// features) and b = ȳ − W x̄. The map is stored centred on the training mean (see
    /// <see cref="AffineModel.Center"/>), which reproduces <see cref="Predict(ReadOnlySpan{double}, Span{double})"/>
    /// to rounding.
    /// </summary>
    /// <returns>The affine model (targets × features).</returns>
    public AffineModel ToAffine()
    {
        int p = FeatureCount, q = TargetCount;
        var weights = new double[q * p];
        for (int i = 0; i < p; i++)
        {
            for (int j = 0; j < q; j++)
            {
                weights[(j * p) + i] = _coefficients[(i * q) + j] / _xStd[i];
            }
        }

        return AffineModel.CreateCentered(weights, q, p, (double[])_xMean.Clone(), (double[])_yMean.Clone());
    }

    private void PredictCore(ReadOnlySpan<double> x, Span<double> destination)
    {
        int q = TargetCount;
        destination.Clear();
        for (int i = 0; i < x.Length; i++)
        {
            double z = (x[i] - _xMean[i]) / _xStd[i];
            ReadOnlySpan<double> coefficients = _coefficients.AsSpan(i * q, q);
            for (int j = 0; j < q; j++)
            {
                destination[j] += z * coefficients[j];
            }
        }

        for (int j = 0; j < q; j++)
        {
            destination[j] += _yMean[j];
        }
    }

    private (double[] Rotations, double[] Coefficients) ComputeRotationsAndCoefficients()
    {
        int p = FeatureCount, q = TargetCount, a = ComponentCount, e = EffectiveComponentCount;
        var rotations = new double[p * a];
        var coefficients = new double[p * q];
        if (e == 0)
        {
            return (rotations, coefficients);
        }

        // Only the effective block: the pseudo-inverse of PᵀW with zero rows/columns appended is the block's
        // pseudo-inverse padded with zeros, as scipy's pinv gives scikit-learn.
        Matrix<double> w = Matrix<double>.Build.Dense(p, e, (r, k) => _xWeights[(r * a) + k]);
        Matrix<double> pl = Matrix<double>.Build.Dense(p, e, (r, k) => _xLoadings[(r * a) + k]);
        Matrix<double> c = Matrix<double>.Build.Dense(q, e, (r, k) => _yLoadings[(r * a) + k]);
        Matrix<double> r = w * pl.TransposeThisAndMultiply(w).PseudoInverse();
        Matrix<double> b = r.TransposeAndMultiply(c);
        for (int i = 0; i < p; i++)
        {
            for (int k = 0; k < e; k++)
            {
                rotations[(i * a) + k] = r[i, k];
            }

            for (int j = 0; j < q; j++)
            {
                coefficients[(i * q) + j] = b[i, j] * _yStd[j];
            }
        }

        return (rotations, coefficients);
    }

    private static double[] LeadingColumns(double[] matrix, int rows, int columns, int keep)
    {
        var result = new double[rows * keep];
        for (int r = 0; r < rows; r++)
        {
            matrix.AsSpan(r * columns, keep).CopyTo(result.AsSpan(r * keep, keep));
        }

        return result;
    }
}

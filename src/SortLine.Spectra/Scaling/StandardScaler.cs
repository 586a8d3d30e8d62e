using System.Globalization;
using System.Numerics.Tensors;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Scaling;

/// <summary>
/// Standardises features column by column: <c>z = (x - mean) / scale</c>, with the population standard deviation
/// (ddof = 0) as the scale, as scikit-learn's <c>StandardScaler</c> does.
/// </summary>
/// <remarks>
/// <para>Rows are samples, columns are features; the result has the units of "standard deviations" (dimensionless).</para>
/// <para>Fit uses the corrected two-pass algorithm (Chan, Golub &amp; LeVeque), like scikit-learn. A column whose
/// variance is indistinguishable from zero (<c>var ≤ n·ε·var + (n·mean·ε)²</c>, scikit-learn's constant-feature test)
/// gets scale 1, so a constant column is only centred and never produces NaN.</para>
/// <para>Fit is not thread-safe. After Fit, the transform methods only read the fitted parameters and may run
/// concurrently; they allocate nothing (they are meant for per-pixel use).</para>
/// </remarks>
public sealed class StandardScaler
{
    private double[]? _mean;
    private double[]? _variance;
    private double[]? _scale;

    /// <summary>Creates an unfitted scaler.</summary>
    /// <param name="withMean">Subtract the column mean (scikit-learn's <c>with_mean</c>).</param>
    /// <param name="withStd">Divide by the column standard deviation (scikit-learn's <c>with_std</c>).</param>
    public StandardScaler(bool withMean = true, bool withStd = true)
    {
        WithMean = withMean;
        WithStd = withStd;
    }

    /// <summary>Gets a value indicating whether the transform subtracts the mean.</summary>
    public bool WithMean { get; }

    /// <summary>Gets a value indicating whether the transform divides by the standard deviation.</summary>
    public bool WithStd { get; }

    /// <summary>Gets a value indicating whether <see cref="Fit"/> (or <see cref="FromParameters"/>) has set the parameters.</summary>
    public bool IsFitted => _scale is not null;

    /// <summary>Gets the number of features (columns) the scaler was fitted with; 0 before fitting.</summary>
    public int FeatureCount => _scale?.Length ?? 0;

    /// <summary>Gets the per-column mean of the training data (computed even when <see cref="WithMean"/> is false).</summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    public ReadOnlySpan<double> Mean => Fitted(_mean);

    /// <summary>Gets the per-column population variance (ddof = 0) of the training data.</summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    public ReadOnlySpan<double> Variance => Fitted(_variance);

    /// <summary>
    /// Gets the per-column divisor: the standard deviation, 1 for a (near-)constant column, and 1 everywhere when
    /// <see cref="WithStd"/> is false.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    public ReadOnlySpan<double> Scale => Fitted(_scale);

    /// <summary>Restores a fitted scaler from stored parameters (e.g. from a model file).</summary>
    /// <param name="mean">Per-column mean.</param>
    /// <param name="variance">Per-column population variance (≥ 0).</param>
    /// <param name="scale">Per-column divisor (&gt; 0).</param>
    /// <param name="withMean">Subtract the mean in the transform.</param>
    /// <param name="withStd">Divide by <paramref name="scale"/> in the transform.</param>
    /// <returns>A fitted scaler holding copies of the parameters.</returns>
    /// <exception cref="ArgumentException">The spans differ in length, are empty, or hold a non-finite value,
    /// a negative variance or a scale that is not positive.</exception>
    public static StandardScaler FromParameters(ReadOnlySpan<double> mean, ReadOnlySpan<double> variance,
        ReadOnlySpan<double> scale, bool withMean = true, bool withStd = true)
    {
        if (mean.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(mean), "At least one feature is required.");
        }

        ThrowHelper.ThrowIfLengthMismatch(mean.Length, variance.Length);
        ThrowHelper.ThrowIfLengthMismatch(mean.Length, scale.Length);
        ThrowHelper.ThrowIfNotFinite(mean);
        ThrowHelper.ThrowIfNotFinite(variance);
        ThrowHelper.ThrowIfNotFinite(scale);
        for (int c = 0; c < scale.Length; c++)
        {
            if (!(scale[c] > 0) || variance[c] < 0)
            {
                ThrowHelper.ThrowArgument(nameof(scale), string.Create(CultureInfo.InvariantCulture,
                    $"Column {c}: the scale must be > 0 and the variance ≥ 0."));
            }
        }

        return new StandardScaler(withMean, withStd)
        {
            _mean = mean.ToArray(),
            _variance = variance.ToArray(),
            _scale = withStd ? scale.ToArray() : Ones(scale.Length),
        };
    }

    /// <summary>Computes the per-column mean, variance and scale of <paramref name="data"/>.</summary>
    /// <param name="data">Training samples (rows) × features (columns); at least one row and one column.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> is empty or holds NaN or ±∞.</exception>
    public void Fit(ReadOnlyMatrixSpan<double> data)
    {
        ThrowHelper.ThrowIfTooFewRows(data.Rows, 1, nameof(data));
        if (data.Columns == 0)
        {
            ThrowHelper.ThrowArgument(nameof(data), "At least one feature (column) is required.");
        }

        ThrowHelper.ThrowIfNotFinite(data.Span, nameof(data));

        int n = data.Rows, d = data.Columns;
        var mean = new double[d];
        for (int r = 0; r < n; r++)
        {
            TensorPrimitives.Add(mean, data.Row(r), mean);
        }

        TensorPrimitives.Divide(mean, n, mean);

        // Corrected two-pass variance: Σ(x - m)² - (Σ(x - m))² / n, the second term cancelling the rounding of m.
        var correction = new double[d];
        var squares = new double[d];
        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<double> row = data.Row(r);
            for (int c = 0; c < d; c++)
            {
                double t = row[c] - mean[c];
                correction[c] += t;
                squares[c] += t * t;
            }
        }

        var variance = new double[d];
        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            variance[c] = (squares[c] - (correction[c] * correction[c] / n)) / n;
            scale[c] = !WithStd || IsConstant(variance[c], mean[c], n) ? 1.0 : Math.Sqrt(variance[c]);
        }

        _mean = mean;
        _variance = variance;
        _scale = scale;
    }

    /// <summary>Standardises one sample: <c>destination[c] = (x[c] - mean[c]) / scale[c]</c>.</summary>
    /// <param name="x">One sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="destination">Receives the standardised sample; same length; may be <paramref name="x"/> itself.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length differs from <see cref="FeatureCount"/>.</exception>
    public void Transform(ReadOnlySpan<double> x, Span<double> destination)
    {
        (double[] mean, double[] scale) = Check(x.Length, destination.Length, nameof(x));
        if (WithMean)
        {
            TensorPrimitives.Subtract(x, mean, destination);
            TensorPrimitives.Divide(destination, scale, destination);
        }
        else
        {
            TensorPrimitives.Divide(x, scale, destination);
        }
    }

    /// <summary>Undoes <see cref="Transform(ReadOnlySpan{double}, Span{double})"/>: <c>destination[c] = z[c]·scale[c] + mean[c]</c>.</summary>
    /// <param name="z">One standardised sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="destination">Receives the sample in original units; same length; may be <paramref name="z"/> itself.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length differs from <see cref="FeatureCount"/>.</exception>
    public void InverseTransform(ReadOnlySpan<double> z, Span<double> destination)
    {
        (double[] mean, double[] scale) = Check(z.Length, destination.Length, nameof(z));
        TensorPrimitives.Multiply(z, scale, destination);
        if (WithMean)
        {
            TensorPrimitives.Add(destination, mean, destination);
        }
    }

    /// <summary>Standardises every row of <paramref name="data"/>.</summary>
    /// <param name="data">Samples × <see cref="FeatureCount"/> features.</param>
    /// <param name="destination">Same shape; may view the same memory as <paramref name="data"/>.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">The shapes differ or the column count differs from <see cref="FeatureCount"/>.</exception>
    public void Transform(ReadOnlyMatrixSpan<double> data, MatrixSpan<double> destination)
    {
        CheckMatrix(data, destination);
        for (int r = 0; r < data.Rows; r++)
        {
            Transform(data.Row(r), destination.Row(r));
        }
    }

    /// <summary>Undoes <see cref="Transform(ReadOnlyMatrixSpan{double}, MatrixSpan{double})"/> for every row.</summary>
    /// <param name="data">Standardised samples × <see cref="FeatureCount"/> features.</param>
    /// <param name="destination">Same shape; may view the same memory as <paramref name="data"/>.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">The shapes differ or the column count differs from <see cref="FeatureCount"/>.</exception>
    public void InverseTransform(ReadOnlyMatrixSpan<double> data, MatrixSpan<double> destination)
    {
        CheckMatrix(data, destination);
        for (int r = 0; r < data.Rows; r++)
        {
            InverseTransform(data.Row(r), destination.Row(r));
        }
    }

    // scikit-learn's _is_constant_feature: the variance is within the error bound of the two-pass algorithm.
    private static bool IsConstant(double variance, double mean, int n)
    {
        const double eps = 2.220446049250313e-16; // float64 machine epsilon (numpy's finfo.eps)
        double bias = n * mean * eps;
        double upperBound = (n * eps * variance) + (bias * bias);
        return variance <= upperBound;
    }

    private static double[] Ones(int length)
    {
        var ones = new double[length];
        Array.Fill(ones, 1.0);
        return ones;
    }

    private static ReadOnlySpan<double> Fitted(double[]? values)
    {
        ThrowHelper.ThrowIfNotFitted(values is not null, nameof(StandardScaler));
        return values!;
    }

    private (double[] Mean, double[] Scale) Check(int inputLength, int destinationLength, string inputName)
    {
        double[]? mean = _mean, scale = _scale;
        ThrowHelper.ThrowIfNotFitted(mean is not null && scale is not null, nameof(StandardScaler));
        ThrowHelper.ThrowIfColumnMismatch(scale!.Length, inputLength, inputName);
        ThrowHelper.ThrowIfLengthMismatch(scale.Length, destinationLength, "destination");
        return (mean!, scale);
    }

    private void CheckMatrix(ReadOnlyMatrixSpan<double> data, MatrixSpan<double> destination)
    {
        ThrowHelper.ThrowIfNotFitted(IsFitted, nameof(StandardScaler));
        ThrowHelper.ThrowIfColumnMismatch(FeatureCount, data.Columns, nameof(data));
        ThrowHelper.ThrowIfLengthMismatch(data.Rows, destination.Rows, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(data.Columns, destination.Columns, nameof(destination));
    }
}

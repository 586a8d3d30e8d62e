using System.Numerics.Tensors;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Scaling;

/// <summary>
/// Scales features column by column by their maximum absolute value, <c>z = x / max|x|</c>, as scikit-learn's
/// <c>MaxAbsScaler</c> does. The shape of each distribution is kept (no centring); the training data map into [-1, 1].
/// </summary>
/// <remarks>
/// <para>Rows are samples, columns are features; the result is dimensionless. Used for the LIBS line-intensity
/// features (methods brief §3.4).</para>
/// <para>A column whose maximum absolute value is below 10·ε (ε = 2.22e-16, so in particular an all-zero column)
/// gets scale 1, as in scikit-learn, so it is passed through unchanged and never produces NaN.</para>
/// <para>Fit is not thread-safe. After Fit, the transform methods only read the fitted parameters and may run
/// concurrently; they allocate nothing (they are meant for per-pixel use).</para>
/// </remarks>
public sealed class MaxAbsScaler
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    private double[]? _maxAbs;
    private double[]? _scale;

    /// <summary>Gets a value indicating whether <see cref="Fit"/> (or <see cref="FromParameters"/>) has set the parameters.</summary>
    public bool IsFitted => _scale is not null;

    /// <summary>Gets the number of features (columns) the scaler was fitted with; 0 before fitting.</summary>
    public int FeatureCount => _scale?.Length ?? 0;

    /// <summary>Gets the per-column maximum absolute value of the training data.</summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    public ReadOnlySpan<double> MaxAbs => Fitted(_maxAbs);

    /// <summary>Gets the per-column divisor: <see cref="MaxAbs"/>, or 1 where that is below 10·ε.</summary>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    public ReadOnlySpan<double> Scale => Fitted(_scale);

    /// <summary>Restores a fitted scaler from the stored per-column maximum absolute values (e.g. from a model file).</summary>
    /// <param name="maxAbs">Per-column maximum absolute value (finite, ≥ 0).</param>
    /// <returns>A fitted scaler; its <see cref="Scale"/> follows the same zero rule as <see cref="Fit"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="maxAbs"/> is empty or holds a negative or non-finite value.</exception>
    public static MaxAbsScaler FromParameters(ReadOnlySpan<double> maxAbs)
    {
        if (maxAbs.IsEmpty)
        {
            ThrowHelper.ThrowArgument(nameof(maxAbs), "At least one feature is required.");
        }

        ThrowHelper.ThrowIfNotFinite(maxAbs);
        if (TensorPrimitives.Min(maxAbs) < 0)
        {
            ThrowHelper.ThrowArgument(nameof(maxAbs), "Maximum absolute values cannot be negative.");
        }

        var scaler = new MaxAbsScaler();
        scaler.SetParameters(maxAbs.ToArray());
        return scaler;
    }

    /// <summary>Computes the per-column maximum absolute value of <paramref name="data"/>.</summary>
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

        var maxAbs = new double[data.Columns];
        for (int r = 0; r < data.Rows; r++)
        {
            ReadOnlySpan<double> row = data.Row(r);
            for (int c = 0; c < row.Length; c++)
            {
                maxAbs[c] = Math.Max(maxAbs[c], Math.Abs(row[c]));
            }
        }

        SetParameters(maxAbs);
    }

    /// <summary>Scales one sample: <c>destination[c] = x[c] / scale[c]</c>.</summary>
    /// <param name="x">One sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="destination">Receives the scaled sample; same length; may be <paramref name="x"/> itself.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length differs from <see cref="FeatureCount"/>.</exception>
    public void Transform(ReadOnlySpan<double> x, Span<double> destination) =>
        TensorPrimitives.Divide(x, Check(x.Length, destination.Length, nameof(x)), destination);

    /// <summary>Undoes <see cref="Transform(ReadOnlySpan{double}, Span{double})"/>: <c>destination[c] = z[c]·scale[c]</c>.</summary>
    /// <param name="z">One scaled sample; <see cref="FeatureCount"/> long.</param>
    /// <param name="destination">Receives the sample in original units; same length; may be <paramref name="z"/> itself.</param>
    /// <exception cref="InvalidOperationException">The scaler has not been fitted.</exception>
    /// <exception cref="ArgumentException">A length differs from <see cref="FeatureCount"/>.</exception>
    public void InverseTransform(ReadOnlySpan<double> z, Span<double> destination) =>
        TensorPrimitives.Multiply(z, Check(z.Length, destination.Length, nameof(z)), destination);

    /// <summary>Scales every row of <paramref name="data"/>.</summary>
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
    /// <param name="data">Scaled samples × <see cref="FeatureCount"/> features.</param>
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

    private static ReadOnlySpan<double> Fitted(double[]? values)
    {
        ThrowHelper.ThrowIfNotFitted(values is not null, nameof(MaxAbsScaler));
        return values!;
    }

    private void SetParameters(double[] maxAbs)
    {
        var scale = new double[maxAbs.Length];
        for (int c = 0; c < scale.Length; c++)
        {
            scale[c] = maxAbs[c] < 10 * MachineEpsilon ? 1.0 : maxAbs[c];
        }

        _maxAbs = maxAbs;
        _scale = scale;
    }

    private double[] Check(int inputLength, int destinationLength, string inputName)
    {
        double[]? scale = _scale;
        ThrowHelper.ThrowIfNotFitted(scale is not null, nameof(MaxAbsScaler));
        ThrowHelper.ThrowIfColumnMismatch(scale!.Length, inputLength, inputName);
        ThrowHelper.ThrowIfLengthMismatch(scale.Length, destinationLength, "destination");
        return scale;
    }

    private void CheckMatrix(ReadOnlyMatrixSpan<double> data, MatrixSpan<double> destination)
    {
        ThrowHelper.ThrowIfNotFitted(IsFitted, nameof(MaxAbsScaler));
        ThrowHelper.ThrowIfColumnMismatch(FeatureCount, data.Columns, nameof(data));
        ThrowHelper.ThrowIfLengthMismatch(data.Rows, destination.Rows, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(data.Columns, destination.Columns, nameof(destination));
    }
}

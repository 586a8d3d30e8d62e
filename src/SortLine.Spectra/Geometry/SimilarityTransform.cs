using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Geometry;

/// <summary>
/// A similarity transform x ↦ s R x + t in d dimensions (R a proper rotation, det R = +1; s &gt; 0 a uniform scale;
/// t a translation), estimated from matched points by the Kabsch-Umeyama method (Umeyama 1991). Used to register LIBS
/// points to the belt / SWIR pixel grid. Immutable.
/// </summary>
/// <remarks>
/// <para>
/// Estimation (Umeyama 1991, eqs. 38-42): with the means μₛ, μ_d, the source variance σₛ² = (1/n) Σ |xᵢ − μₛ|² and the
/// cross-covariance Σ = (1/n) Σ (yᵢ − μ_d)(xᵢ − μₛ)ᵀ = U diag(σ) Vᵀ (SVD), R = U S Vᵀ with S = diag(1, …, 1,
/// sign(det U · det V)), s = tr(diag(σ) S) / σₛ², t = μ_d − s R μₛ. This minimises Σ |yᵢ − (s R xᵢ + t)|² over proper
/// rotations, also in the rank d − 1 case (e.g. two points in 2-D, three in 3-D).
/// </para>
/// <para>
/// Degenerate input is rejected with a relative singular-value threshold τ = <see cref="DegeneracyTolerance"/> (1e-10):
/// the source points coincide when the largest singular value of the centred source is ≤ τ times the root sum of
/// squares of the source coordinates (likewise the destination); they are collinear (d ≥ 3, more generally of rank
/// &lt; d − 1) when the (d − 1)-th singular value of the centred source is ≤ τ times the largest; and the match does not
/// determine a rotation when the (d − 1)-th singular value of Σ is ≤ τ · σₛ σ_d.
/// </para>
/// <para>Units: those of the point coordinates (e.g. mm or pixels); the scale converts source units to destination units.</para>
/// </remarks>
public sealed class SimilarityTransform
{
    /// <summary>The relative singular-value threshold below which point sets count as degenerate.</summary>
    public const double DegeneracyTolerance = 1e-10;

    /// <summary>The largest supported dimension.</summary>
    public const int MaxDimension = 64;

    private readonly double[] _rotation;
    private readonly double[] _translation;

    private SimilarityTransform(double[] rotation, double scale, double[] translation)
    {
        _rotation = rotation;
        _translation = translation;
        Scale = scale;
    }

    /// <summary>Gets the dimension d.</summary>
    public int Dimension => _translation.Length;

    /// <summary>Gets the rotation R, d × d row-major, orthonormal with determinant +1.</summary>
    public ReadOnlySpan<double> Rotation => _rotation;

    /// <summary>Gets the uniform scale s (&gt; 0; destination units per source unit).</summary>
    public double Scale { get; }

    /// <summary>Gets the translation t (destination units).</summary>
    public ReadOnlySpan<double> Translation => _translation;

    /// <summary>Creates a transform from its parts (e.g. a registration stored in configuration).</summary>
    /// <param name="rotation">R, d × d row-major: orthonormal within 1e-9 (max |RᵀR − I|) with determinant +1.</param>
    /// <param name="scale">s, finite and &gt; 0.</param>
    /// <param name="translation">t, d values (2 ≤ d ≤ <see cref="MaxDimension"/>), finite.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">A length does not match, a value is not finite, or R is not a proper rotation.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not finite and positive, or d is out of range.</exception>
    public static SimilarityTransform Create(ReadOnlySpan<double> rotation, double scale, ReadOnlySpan<double> translation)
    {
        int d = translation.Length;
        ThrowHelper.ThrowIfOutOfRange(d, 2, MaxDimension, nameof(translation));
        ThrowHelper.ThrowIfLengthMismatch(d * d, rotation.Length, nameof(rotation));
        ThrowHelper.ThrowIfNotFinite(rotation);
        ThrowHelper.ThrowIfNotFinite(translation);
        if (!(scale > 0.0 && double.IsFinite(scale)))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(scale), scale, "The scale must be finite and greater than 0.");
        }

        Matrix<double> r = Matrix<double>.Build.DenseOfRowMajor(d, d, rotation.ToArray());
        Matrix<double> gram = r.TransposeThisAndMultiply(r) - Matrix<double>.Build.DenseIdentity(d);
        if (gram.Enumerate().Max(Math.Abs) > 1e-9 || r.Determinant() <= 0)
        {
            ThrowHelper.ThrowArgument(nameof(rotation), "The rotation must be orthonormal with determinant +1 (a proper rotation).");
        }

        return new SimilarityTransform(rotation.ToArray(), scale, translation.ToArray());
    }

    /// <summary>Estimates the similarity transform mapping <paramref name="source"/> onto <paramref name="destination"/> in the least-squares sense.</summary>
    /// <param name="source">Source points, one per row (n × d, d ≥ 2).</param>
    /// <param name="destination">The matched destination points, n × d.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">Counts or dimensions differ, there are too few points (fewer than max(2, d)),
    /// a coordinate is not finite, or the points are degenerate (see the remarks).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is below 2 or above <see cref="MaxDimension"/>.</exception>
    public static SimilarityTransform Estimate(ReadOnlyMatrixSpan<double> source, ReadOnlyMatrixSpan<double> destination) =>
        Estimate(source, destination, out _);

    /// <summary>Estimates the similarity transform and reports its RMS residual.</summary>
    /// <param name="source">Source points, one per row (n × d, d ≥ 2).</param>
    /// <param name="destination">The matched destination points, n × d.</param>
    /// <param name="rmsResidual">The root mean square distance √((1/n) Σ |yᵢ − (s R xᵢ + t)|²), in destination units.</param>
    /// <returns>The transform.</returns>
    /// <exception cref="ArgumentException">See <see cref="Estimate(ReadOnlyMatrixSpan{double}, ReadOnlyMatrixSpan{double})"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is below 2 or above <see cref="MaxDimension"/>.</exception>
    public static SimilarityTransform Estimate(ReadOnlyMatrixSpan<double> source, ReadOnlyMatrixSpan<double> destination, out double rmsResidual)
    {
        int d = source.Columns, n = source.Rows;
        ThrowHelper.ThrowIfOutOfRange(d, 2, MaxDimension, nameof(source));
        ThrowHelper.ThrowIfLengthMismatch(d, destination.Columns, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(n, destination.Rows, nameof(destination));
        int needed = Math.Max(2, d);
        if (n < needed)
        {
            ThrowHelper.ThrowArgument(nameof(source), string.Create(CultureInfo.InvariantCulture,
                $"{n} point pairs given; a {d}-D similarity transform needs at least {needed}."));
        }

        ThrowHelper.ThrowIfNotFinite(source.Span, nameof(source));
        ThrowHelper.ThrowIfNotFinite(destination.Span, nameof(destination));

        Matrix<double> xs = Centred(source, out Vector<double> meanSource);
        Matrix<double> xd = Centred(destination, out Vector<double> meanDestination);
        double varianceSource = xs.FrobeniusNorm() * xs.FrobeniusNorm() / n;
        double varianceDestination = xd.FrobeniusNorm() * xd.FrobeniusNorm() / n;

        CheckSpread(xs, source.Span, nameof(source));
        CheckSpread(xd, destination.Span, nameof(destination));

        Matrix<double> covariance = xd.TransposeThisAndMultiply(xs) / n;
        var svd = covariance.Svd(computeVectors: true);
        if (svd.S[d - 2] <= DegeneracyTolerance * Math.Sqrt(varianceSource * varianceDestination))
        {
            ThrowHelper.ThrowArgument(nameof(destination),
                "The matched points do not determine a rotation (the cross-covariance has rank below d - 1).");
        }

        double reflection = Math.Sign(svd.U.Determinant() * svd.VT.Determinant());
        Vector<double> signs = Vector<double>.Build.Dense(d, 1.0);
        signs[d - 1] = reflection < 0 ? -1.0 : 1.0;
        Matrix<double> rotation = svd.U * Matrix<double>.Build.DiagonalOfDiagonalVector(signs) * svd.VT;
        double scale = svd.S.DotProduct(signs) / varianceSource;
        Vector<double> translation = meanDestination - (scale * (rotation * meanSource));

        var result = new SimilarityTransform(rotation.ToRowMajorArray(), scale, translation.ToArray());
        rmsResidual = result.RmsDistance(source, destination);
        return result;
    }

    /// <summary>Gets the inverse transform y ↦ (1/s) Rᵀ (y − t).</summary>
    /// <returns>A new transform.</returns>
    public SimilarityTransform Inverse()
    {
        int d = Dimension;
        var rotation = new double[d * d];
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                rotation[(r * d) + c] = _rotation[(c * d) + r];
            }
        }

        var translation = new double[d];
        for (int r = 0; r < d; r++)
        {
            double sum = 0;
            for (int c = 0; c < d; c++)
            {
                sum += rotation[(r * d) + c] * _translation[c];
            }

            translation[r] = -sum / Scale;
        }

        return new SimilarityTransform(rotation, 1.0 / Scale, translation);
    }

    /// <summary>Applies the transform to points, one per row: yᵢ = s R xᵢ + t.</summary>
    /// <param name="points">Points, n × d.</param>
    /// <param name="destination">Receives the transformed points, n × d; may be the same memory as <paramref name="points"/>.</param>
    /// <exception cref="ArgumentException">The dimensions do not match.</exception>
    public void Apply(ReadOnlyMatrixSpan<double> points, MatrixSpan<double> destination)
    {
        int d = Dimension;
        ThrowHelper.ThrowIfLengthMismatch(d, points.Columns, nameof(points));
        ThrowHelper.ThrowIfLengthMismatch(d, destination.Columns, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(points.Rows, destination.Rows, nameof(destination));
        Span<double> row = stackalloc double[MaxDimension];
        row = row[..d];
        for (int i = 0; i < points.Rows; i++)
        {
            TransformPoint(points.Row(i), row);
            row.CopyTo(destination.Row(i));
        }
    }

    /// <summary>Applies the inverse transform to points: xᵢ = (1/s) Rᵀ (yᵢ − t).</summary>
    /// <param name="points">Points, n × d.</param>
    /// <param name="destination">Receives the transformed points, n × d; may be the same memory as <paramref name="points"/>.</param>
    /// <exception cref="ArgumentException">The dimensions do not match.</exception>
    public void ApplyInverse(ReadOnlyMatrixSpan<double> points, MatrixSpan<double> destination)
    {
        int d = Dimension;
        ThrowHelper.ThrowIfLengthMismatch(d, points.Columns, nameof(points));
        ThrowHelper.ThrowIfLengthMismatch(d, destination.Columns, nameof(destination));
        ThrowHelper.ThrowIfLengthMismatch(points.Rows, destination.Rows, nameof(destination));
        Span<double> row = stackalloc double[MaxDimension];
        row = row[..d];
        for (int i = 0; i < points.Rows; i++)
        {
            ReadOnlySpan<double> y = points.Row(i);
            for (int r = 0; r < d; r++)
            {
                double sum = 0;
                for (int c = 0; c < d; c++)
                {
                    sum += _rotation[(c * d) + r] * (y[c] - _translation[c]);
                }

                row[r] = sum / Scale;
            }

            row.CopyTo(destination.Row(i));
        }
    }

    /// <summary>Writes the homogeneous (d + 1) × (d + 1) row-major matrix [[s R, t], [0, 1]].</summary>
    /// <param name="destination">Receives (d + 1)² values.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not (d + 1)² long.</exception>
    public void GetHomogeneousMatrix(Span<double> destination)
    {
        int d = Dimension, m = d + 1;
        ThrowHelper.ThrowIfLengthMismatch(m * m, destination.Length);
        destination.Clear();
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                destination[(r * m) + c] = Scale * _rotation[(r * d) + c];
            }

            destination[(r * m) + d] = _translation[r];
        }

        destination[(d * m) + d] = 1.0;
    }

    private void TransformPoint(ReadOnlySpan<double> x, Span<double> y)
    {
        int d = Dimension;
        for (int r = 0; r < d; r++)
        {
            double sum = 0;
            for (int c = 0; c < d; c++)
            {
                sum += _rotation[(r * d) + c] * x[c];
            }

            y[r] = (Scale * sum) + _translation[r];
        }
    }

    private double RmsDistance(ReadOnlyMatrixSpan<double> source, ReadOnlyMatrixSpan<double> destination)
    {
        Span<double> mapped = stackalloc double[MaxDimension];
        mapped = mapped[..Dimension];
        double sum = 0;
        for (int i = 0; i < source.Rows; i++)
        {
            TransformPoint(source.Row(i), mapped);
            ReadOnlySpan<double> target = destination.Row(i);
            for (int c = 0; c < Dimension; c++)
            {
                double e = target[c] - mapped[c];
                sum += e * e;
            }
        }

        return Math.Sqrt(sum / source.Rows);
    }

    private static Matrix<double> Centred(ReadOnlyMatrixSpan<double> points, out Vector<double> mean)
    {
        Matrix<double> m = MathNetInterop.ToMatrix(points);
        mean = m.ColumnSums() / points.Rows;
        for (int c = 0; c < m.ColumnCount; c++)
        {
            double mc = mean[c];
            for (int r = 0; r < m.RowCount; r++)
            {
                m[r, c] -= mc;
            }
        }

        return m;
    }

    private static void CheckSpread(Matrix<double> centred, ReadOnlySpan<double> raw, string paramName)
    {
        Vector<double> singular = centred.Svd(computeVectors: false).S;
        double magnitude = 0;
        foreach (double v in raw)
        {
            magnitude += v * v;
        }

        if (singular[0] <= DegeneracyTolerance * Math.Sqrt(magnitude))
        {
            ThrowHelper.ThrowArgument(paramName, "The points coincide (no spread): a similarity transform is not determined.");
        }

        int d = centred.ColumnCount;
        if (singular[d - 2] <= DegeneracyTolerance * singular[0])
        {
            ThrowHelper.ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The points are degenerate: they span fewer than {d - 1} dimensions (collinear in 3-D); the rotation is not determined."));
        }
    }
}

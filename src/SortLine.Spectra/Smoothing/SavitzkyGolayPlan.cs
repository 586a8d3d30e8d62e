using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Smoothing;

/// <summary>
/// A Savitzky–Golay filter (smoothing or derivative) along the bands of a spectrum, with the edges handled as SciPy's
/// <c>savgol_filter(mode='interp')</c>: the first and last <c>WindowLength / 2</c> outputs come from the polynomial fitted
/// to the first / last window of samples, evaluated (or differentiated) at those positions.
/// All coefficients (interior and both edge blocks) are computed once, here; the plan is immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Units: <see cref="Delta"/> is the sample spacing in the unit of the abscissa (e.g. nm); the derivative of order d is in
/// (spectrum unit) / (abscissa unit)^d. The samples are assumed equally spaced.</para>
/// <para>Coefficients: least-squares fit (QR of the scaled Vandermonde matrix, MathNet) of a polynomial of order
/// <see cref="PolynomialOrder"/> to the window, derivative of order <see cref="DerivativeOrder"/> at the output position.</para>
/// <para>Precision: the double path matches SciPy 1.10 to about 1e-12 relative to the spectrum scale for the windows tested
/// (≤ 51); the float path uses the coefficients rounded to float and accumulates in float. The SIMD and scalar interior loops
/// give bitwise identical results (same operations, same order, no fused multiply-add).</para>
/// </remarks>
public sealed partial class SavitzkyGolayPlan
{
    private readonly double[] _interior;
    private readonly double[] _leftEdge;
    private readonly double[] _rightEdge;
    private readonly float[] _interiorF;
    private readonly float[] _leftEdgeF;
    private readonly float[] _rightEdgeF;
    private readonly double[] _edgesVector;
    private readonly float[] _edgesVectorF;

    /// <summary>Builds a plan.</summary>
    /// <param name="windowLength">Window length in samples: odd, ≥ 3.</param>
    /// <param name="polynomialOrder">Order of the fitted polynomial: 0 ≤ order &lt; <paramref name="windowLength"/>.</param>
    /// <param name="derivativeOrder">Derivative to compute: 0 (smoothing) ≤ d ≤ <paramref name="polynomialOrder"/>.</param>
    /// <param name="delta">Sample spacing (&gt; 0, finite), used to scale derivatives; e.g. nm per band.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range, or the window is even.</exception>
    public SavitzkyGolayPlan(int windowLength, int polynomialOrder, int derivativeOrder = 0, double delta = 1.0)
    {
        ThrowHelper.ThrowIfOutOfRange(windowLength, 3, int.MaxValue / 2);
        if (windowLength % 2 == 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(windowLength), windowLength, "The window length must be odd.");
        }

        ThrowHelper.ThrowIfOutOfRange(polynomialOrder, 0, windowLength - 1);
        ThrowHelper.ThrowIfOutOfRange(derivativeOrder, 0, polynomialOrder);
        if (!(delta > 0 && double.IsFinite(delta)))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(delta), delta, "The sample spacing must be positive and finite.");
        }

        WindowLength = windowLength;
        PolynomialOrder = polynomialOrder;
        DerivativeOrder = derivativeOrder;
        Delta = delta;
        int half = windowLength / 2;
        _interior = new double[windowLength];
        _leftEdge = new double[half * windowLength];
        _rightEdge = new double[half * windowLength];
        Matrix<double> rows = FitRows(windowLength, polynomialOrder, derivativeOrder, delta);
        for (int k = 0; k < windowLength; k++)
        {
            _interior[k] = rows[half, k];
            for (int i = 0; i < half; i++)
            {
                _leftEdge[(i * windowLength) + k] = rows[i, k];
                _rightEdge[(i * windowLength) + k] = rows[half + 1 + i, k];
            }
        }

        _interiorF = ToSingle(_interior);
        _leftEdgeF = ToSingle(_leftEdge);
        _rightEdgeF = ToSingle(_rightEdge);
        _edgesVector = TransposeEdges<double>(_leftEdge, _rightEdge, windowLength, half, VectorStep<double>());
        _edgesVectorF = TransposeEdges<float>(_leftEdgeF, _rightEdgeF, windowLength, half, VectorStep<float>());
    }

    /// <summary>Gets the window length (samples, odd).</summary>
    public int WindowLength { get; }

    /// <summary>Gets the order of the fitted polynomial.</summary>
    public int PolynomialOrder { get; }

    /// <summary>Gets the derivative order (0 = smoothing).</summary>
    public int DerivativeOrder { get; }

    /// <summary>Gets the sample spacing (abscissa unit per sample).</summary>
    public double Delta { get; }

    /// <summary>Gets the interior weights: <c>y[i] = Σ_k Coefficients[k] · x[i - WindowLength/2 + k]</c>.</summary>
    public ReadOnlySpan<double> Coefficients => _interior;

    /// <summary>Smooths (or differentiates) one spectrum in double. Allocates nothing; SIMD for the interior.</summary>
    /// <param name="spectrum">Input samples, at least <see cref="WindowLength"/> long.</param>
    /// <param name="destination">Output, same length; must not overlap <paramref name="spectrum"/>.</param>
    /// <exception cref="ArgumentException">The spectrum is shorter than the window, the lengths differ, or the spans overlap.</exception>
    public void Apply(ReadOnlySpan<double> spectrum, Span<double> destination)
    {
        Validate(spectrum, destination);
        Filter(spectrum, destination, _interior, _leftEdge, _rightEdge, _edgesVector);
    }

    /// <summary>Smooths (or differentiates) one spectrum in float. Allocates nothing; SIMD for the interior.</summary>
    /// <param name="spectrum">Input samples, at least <see cref="WindowLength"/> long.</param>
    /// <param name="destination">Output, same length; must not overlap <paramref name="spectrum"/>.</param>
    /// <exception cref="ArgumentException">The spectrum is shorter than the window, the lengths differ, or the spans overlap.</exception>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> destination)
    {
        Validate(spectrum, destination);
        Filter(spectrum, destination, _interiorF, _leftEdgeF, _rightEdgeF, _edgesVectorF);
    }

    /// <summary>Gets the float interior weights (for the SIMD tests).</summary>
    internal ReadOnlySpan<float> CoefficientsSingle => _interiorF;

    /// <summary>
    /// The kernel: both edge blocks (vectorised across outputs when accelerated, else scalar dot products; bitwise the same),
    /// then the interior (vector prefix, overlapping last vector or scalar tail).
    /// </summary>
    internal static void Filter<T>(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> interior, ReadOnlySpan<T> left, ReadOnlySpan<T> right, ReadOnlySpan<T> edgesVector)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int w = interior.Length;
        int half = w / 2;
        int n = x.Length;
        ReadOnlySpan<T> first = x[..w];
        ReadOnlySpan<T> last = x[(n - w)..];
        if (edgesVector.IsEmpty || !TryEdgesVector(first, last, edgesVector, half, y))
        {
            EdgesScalar(first, last, left, right, half, y);
        }

        // Interior outputs y[half + k] = Σ_j c[j] x[k + j], k in [0, n - w].
        Span<T> inner = y.Slice(half, n - w + 1);
        int done = InteriorVector(x, interior, inner);
        int step = VectorStep<T>();
        if (done < inner.Length && step > 0 && inner.Length >= step)
        {
            // The remainder as one more vector that overlaps the prefix: each output is computed by the same operations in
            // the same order, so it equals the scalar result bit for bit, at a fraction of the scalar tail's cost.
            int start = inner.Length - step;
            InteriorVector(x[start..], interior, inner[start..]);
        }
        else
        {
            InteriorScalar(x[done..], interior, inner[done..]);
        }
    }

    /// <summary>The edge blocks as scalar dot products (the reference of <see cref="TryEdgesVector{T}"/>).</summary>
    internal static void EdgesScalar<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> last, ReadOnlySpan<T> left, ReadOnlySpan<T> right, int half, Span<T> y)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int w = first.Length;
        int n = y.Length;
        for (int i = 0; i < half; i++)
        {
            y[i] = Dot(left.Slice(i * w, w), first);
            y[n - half + i] = Dot(right.Slice(i * w, w), last);
        }
    }

    private static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        for (int k = 0; k < a.Length; k++)
        {
            sum += a[k] * b[k];
        }

        return sum;
    }

    private void Validate<T>(ReadOnlySpan<T> spectrum, Span<T> destination)
    {
        if (spectrum.Length < WindowLength)
        {
            ThrowHelper.ThrowSpectrumShorterThanWindow(spectrum.Length, WindowLength, nameof(spectrum));
        }

        ThrowHelper.ThrowIfLengthMismatch(spectrum.Length, destination.Length, nameof(destination));
        ThrowHelper.ThrowIfOverlapping(spectrum, destination);
    }

    /// <summary>
    /// Row p (0 ≤ p &lt; w) holds the weights that give the d-th derivative, at sample p of a window of w samples, of the
    /// least-squares polynomial through the window. The abscissa is centred on p and scaled by w/2 so the Vandermonde
    /// matrix stays well conditioned; the scale is undone analytically.
    /// </summary>
    private static Matrix<double> FitRows(int w, int order, int deriv, double delta)
    {
        int half = w / 2;
        double factorial = 1;
        for (int k = 2; k <= deriv; k++)
        {
            factorial *= k;
        }

        double scale = factorial / Math.Pow(half * delta, deriv);
        var rows = Matrix<double>.Build.Dense(w, w);
        var a = Matrix<double>.Build.Dense(w, order + 1);
        for (int p = 0; p < w; p++)
        {
            for (int j = 0; j < w; j++)
            {
                double t = (j - p) / (double)half;
                double power = 1;
                for (int k = 0; k <= order; k++)
                {
                    a[j, k] = power;
                    power *= t;
                }
            }

            // Least squares: β = R⁻¹ Qᵀ x; the derivative at t = 0 is d! β_d (in scaled units).
            var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
            Matrix<double> pseudoInverse = qr.R.Solve(qr.Q.Transpose());
            for (int j = 0; j < w; j++)
            {
                rows[p, j] = pseudoInverse[deriv, j] * scale;
            }
        }

        return rows;
    }

    private static float[] ToSingle(double[] values)
    {
        var result = new float[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }
}

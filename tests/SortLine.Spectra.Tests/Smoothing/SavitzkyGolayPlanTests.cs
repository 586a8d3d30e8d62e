using FsCheck.Xunit;
using SortLine.Spectra.Smoothing;

namespace SortLine.Spectra.Tests.Smoothing;

public sealed class SavitzkyGolayPlanTests
{
    private static readonly string[] Minerals = ["lepidolite", "muscovite", "kaolinite", "spodumene"];

    public static TheoryData<int> FloatLengths => SimdLengths.For(SavitzkyGolayPlan.VectorStep<float>());

    public static TheoryData<int> DoubleLengths => SimdLengths.For(SavitzkyGolayPlan.VectorStep<double>());

    public static TheoryData<int, int, int, int> CameraCases()
    {
        var data = new TheoryData<int, int, int, int>();
        foreach ((int w, int p, int d) in new[] { (5, 2, 0), (11, 2, 0), (11, 3, 1), (15, 4, 2), (7, 6, 3), (21, 0, 0) })
        {
            for (int m = 0; m < Minerals.Length; m++)
            {
                data.Add(w, p, d, m);
            }
        }

        return data;
    }

    // Golden: scipy.signal.savgol_filter(x, w, p, deriv=d, delta=Δ, mode='interp') on USGS spectra resampled by SPy
    // onto a 288-band 900-2500 nm camera. Tolerance 1e-9 relative to the largest |output| of the case (derivatives
    // cross zero, so a pointwise relative bound is meaningless there).
    [Theory]
    [MemberData(nameof(CameraCases))]
    public void Apply_Camera288Spectra_MatchesSciPy(int window, int order, int deriv, int mineral)
    {
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (expectedAll, _, _) = GoldenFile.ReadMatrix($"preprocess/savgol_camera288_w{window}_p{order}_d{deriv}.csv");
        double delta = GoldenFile.ReadJson("preprocess/cases.json").GetProperty("savgol_camera288_delta").GetDouble();
        double[] x = Column(spectra, columns, mineral);
        double[] expected = Column(expectedAll, columns, mineral);
        var plan = new SavitzkyGolayPlan(window, order, deriv, delta);
        var actual = new double[x.Length];

        plan.Apply(x, actual);

        Tolerance.AssertClose(expected, actual, rel: 1e-9, abs: 1e-9 * MaxAbs(expected), what: $"savgol w{window} p{order} d{deriv} {Minerals[mineral]}");
    }

    [Theory]
    [InlineData(11, 2, 0)]
    [InlineData(25, 3, 1)]
    [InlineData(51, 4, 2)]
    public void Apply_Usgs2151Spectrum_MatchesSciPy(int window, int order, int deriv)
    {
        var (usgs, _, columns) = GoldenFile.ReadMatrix("preprocess/usgs_2151.csv");
        double[] x = Column(usgs, columns, 2); // lepidolite (columns: wavelength, fwhm, minerals...)
        double[] expected = GoldenFile.ReadVector($"preprocess/savgol_usgs2151_w{window}_p{order}_d{deriv}.csv");
        var plan = new SavitzkyGolayPlan(window, order, deriv, delta: 1.0);
        var actual = new double[x.Length];

        plan.Apply(x, actual);

        Tolerance.AssertClose(expected, actual, rel: 1e-9, abs: 1e-9 * MaxAbs(expected), what: $"savgol w{window} p{order} d{deriv}");
    }

    // The float path: coefficients rounded to float and float accumulation; 1e-5 of the output scale.
    [Theory]
    [InlineData(11, 2, 0)]
    [InlineData(11, 3, 1)]
    [InlineData(15, 4, 2)]
    public void ApplyFloat_Camera288Spectra_MatchesSciPyToFloatPrecision(int window, int order, int deriv)
    {
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        var (expectedAll, _, _) = GoldenFile.ReadMatrix($"preprocess/savgol_camera288_w{window}_p{order}_d{deriv}.csv");
        double delta = GoldenFile.ReadJson("preprocess/cases.json").GetProperty("savgol_camera288_delta").GetDouble();
        double[] x = Column(spectra, columns, 0);
        double[] expected = Column(expectedAll, columns, 0);
        var xf = Array.ConvertAll(x, v => (float)v);
        var actual = new float[x.Length];

        new SavitzkyGolayPlan(window, order, deriv, delta).Apply(xf, actual);

        Tolerance.AssertClose(expected, actual, rel: 1e-5, abs: 1e-5 * MaxAbs(expected), what: "float savgol");
    }

    [Fact]
    public void Coefficients_Window5Order2_AreTheClassicalTable()
    {
        // Savitzky & Golay (1964), quadratic/cubic 5-point smoothing: (-3, 12, 17, 12, -3) / 35.
        double[] expected = [-3 / 35.0, 12 / 35.0, 17 / 35.0, 12 / 35.0, -3 / 35.0];

        var plan = new SavitzkyGolayPlan(5, 2);

        Tolerance.AssertClose(expected, plan.Coefficients, rel: 1e-14, abs: 1e-15, what: "coefficients");
    }

    // Property: a polynomial of degree ≤ the plan's order is reproduced exactly (to rounding) everywhere, edges included,
    // and its d-th derivative is computed exactly.
    [Property(Replay = "(987654321,12345)", MaxTest = 200)]
    public void Apply_PolynomialUpToOrder_IsReproducedWithItsDerivative(int seed)
    {
        var rng = new Random(seed);
        int window = 3 + (2 * rng.Next(0, 20));
        int order = rng.Next(0, Math.Min(window - 1, 6) + 1);
        int deriv = rng.Next(0, Math.Min(order, 3) + 1);
        int n = window + rng.Next(0, 60);
        int degree = rng.Next(0, order + 1);
        var poly = new double[degree + 1];
        for (int k = 0; k <= degree; k++)
        {
            poly[k] = (rng.NextDouble() * 2) - 1;
        }

        double delta = 2.0 / (n - 1); // abscissa t in [-1, 1]
        var x = new double[n];
        var expected = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = -1 + (i * delta);
            x[i] = Evaluate(poly, t, 0);
            expected[i] = Evaluate(poly, t, deriv);
        }

        var plan = new SavitzkyGolayPlan(window, order, deriv, delta);
        var actual = new double[n];
        plan.Apply(x, actual);

        // Rounding of the fit grows with the derivative order as (window · delta)^-d.
        double scale = Math.Max(1, MaxAbs(expected)) * Math.Pow(Math.Max(1, 1 / (window * delta)), deriv);
        Tolerance.AssertClose(expected, actual, rel: 0, abs: 1e-8 * scale, what: $"seed {seed}: w{window} p{order} d{deriv} degree {degree} n {n}");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    public void Constructor_EvenWindow_ThrowsOutOfRange(int window)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SavitzkyGolayPlan(window, 2));
        Assert.Equal("windowLength", ex.ParamName);
    }

    [Fact]
    public void Constructor_WindowBelowThree_ThrowsOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SavitzkyGolayPlan(1, 0));
    }

    [Fact]
    public void Constructor_OrderNotBelowWindow_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SavitzkyGolayPlan(5, 5));
        Assert.Equal("polynomialOrder", ex.ParamName);
    }

    [Fact]
    public void Constructor_DerivativeAboveOrder_ThrowsOutOfRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SavitzkyGolayPlan(7, 2, derivativeOrder: 3));
        Assert.Equal("derivativeOrder", ex.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    public void Constructor_BadDelta_ThrowsOutOfRange(double delta)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SavitzkyGolayPlan(7, 2, 1, delta));
    }

    [Fact]
    public void Apply_WindowLongerThanSpectrum_ThrowsNamingSpectrum()
    {
        var plan = new SavitzkyGolayPlan(11, 2);

        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(new double[10], new double[10]));
        Assert.Equal("spectrum", ex.ParamName);
    }

    [Fact]
    public void Apply_DestinationLengthMismatch_Throws()
    {
        var plan = new SavitzkyGolayPlan(5, 2);

        var ex = Assert.Throws<ArgumentException>(() => plan.Apply(new float[20], new float[19]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void Apply_InPlace_Throws()
    {
        var plan = new SavitzkyGolayPlan(5, 2);
        var buffer = new double[20];

        Assert.Throws<ArgumentException>(() => plan.Apply(buffer, buffer));
    }

    [Fact]
    public void Apply_SpectrumEqualToWindow_UsesEdgeFitsAndCentreOnly()
    {
        // With n == window the whole output is the polynomial fitted to all samples: a line stays a line.
        var plan = new SavitzkyGolayPlan(5, 1);
        double[] x = [1, 3, 5, 7, 9];
        var y = new double[5];

        plan.Apply(x, y);

        Tolerance.AssertClose(x, y, rel: 1e-14, abs: 1e-14, what: "line");
    }

    [Theory]
    [MemberData(nameof(FloatLengths))]
    [Trait("Category", "Simd")]
    public void InteriorFloat_VectorAndScalar_AreBitwiseEqual(int outputs)
    {
        var plan = new SavitzkyGolayPlan(11, 3);
        var rng = new Random(outputs);
        var x = new float[outputs + plan.WindowLength - 1];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)rng.NextDouble();
        }

        var expected = new float[outputs];
        var actual = new float[outputs];
        SavitzkyGolayPlan.InteriorScalar<float>(x, plan.CoefficientsSingle, expected);

        int done = SavitzkyGolayPlan.InteriorVector<float>(x, plan.CoefficientsSingle, actual);
        SavitzkyGolayPlan.InteriorScalar<float>(x.AsSpan(done), plan.CoefficientsSingle, actual.AsSpan(done));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(DoubleLengths))]
    [Trait("Category", "Simd")]
    public void InteriorDouble_VectorAndScalar_AreBitwiseEqual(int outputs)
    {
        var plan = new SavitzkyGolayPlan(15, 4, 2);
        var rng = new Random(outputs + 1);
        var x = new double[outputs + plan.WindowLength - 1];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = rng.NextDouble();
        }

        var expected = new double[outputs];
        var actual = new double[outputs];
        SavitzkyGolayPlan.InteriorScalar<double>(x, plan.Coefficients, expected);

        int done = SavitzkyGolayPlan.InteriorVector<double>(x, plan.Coefficients, actual);
        SavitzkyGolayPlan.InteriorScalar<double>(x.AsSpan(done), plan.Coefficients, actual.AsSpan(done));

        Assert.Equal(expected, actual);
    }

    private static double Evaluate(double[] poly, double t, int deriv)
    {
        double sum = 0;
        for (int k = deriv; k < poly.Length; k++)
        {
            double factor = 1;
            for (int m = 0; m < deriv; m++)
            {
                factor *= k - m;
            }

            sum += poly[k] * factor * Math.Pow(t, k - deriv);
        }

        return sum;
    }

    private static double[] Column(double[] data, int columns, int column)
    {
        var result = new double[data.Length / columns];
        for (int r = 0; r < result.Length; r++)
        {
            result[r] = data[(r * columns) + column];
        }

        return result;
    }

    private static double MaxAbs(double[] values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    // Apply's interior ends with an overlapping vector instead of a scalar tail; it must still equal the scalar loop bitwise.
    [Theory]
    [MemberData(nameof(FloatLengths))]
    [Trait("Category", "Simd")]
    public void ApplyFloat_AnyLength_InteriorEqualsScalarLoopBitwise(int outputs)
    {
        int length = Math.Max(outputs, 1); // at least one interior output (the spectrum is at least one window long)
        var plan = new SavitzkyGolayPlan(11, 3);
        int n = length + plan.WindowLength - 1;
        var rng = new Random(length);
        float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble())];
        var expected = new float[length];
        var actual = new float[n];
        SavitzkyGolayPlan.InteriorScalar<float>(x, plan.CoefficientsSingle, expected);

        plan.Apply(x, actual);

        Assert.Equal(expected, actual.AsSpan(plan.WindowLength / 2, length).ToArray());
    }

    // The edge blocks run as vectors across their outputs (left and right outputs share lanes); each lane must equal the
    // scalar dot product bitwise. Windows from 3 (one output per side) to 51 (several vector chunks per edge).
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(21)]
    [InlineData(51)]
    [Trait("Category", "Simd")]
    public void Edges_VectorAndScalar_AreBitwiseEqual(int window)
    {
        AssertEdgesBitwiseEqual<float>(window, SavitzkyGolayPlan.VectorStep<float>());
        AssertEdgesBitwiseEqual<double>(window, SavitzkyGolayPlan.VectorStep<double>());
    }

    private static void AssertEdgesBitwiseEqual<T>(int window, int step)
        where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        int half = window / 2;
        int n = (2 * window) + 7;
        var rng = new Random(window);
        T[] left = [.. Enumerable.Range(0, half * window).Select(_ => T.CreateChecked(rng.NextDouble() - 0.3))];
        T[] right = [.. Enumerable.Range(0, half * window).Select(_ => T.CreateChecked(rng.NextDouble() - 0.3))];
        T[] x = [.. Enumerable.Range(0, n).Select(_ => T.CreateChecked(rng.NextDouble()))];
        var expected = new T[n];
        var actual = new T[n];
        SavitzkyGolayPlan.EdgesScalar<T>(x.AsSpan(0, window), x.AsSpan(n - window), left, right, half, expected);

        T[] transposed = SavitzkyGolayPlan.TransposeEdges<T>(left, right, window, half, step);
        bool vectorised = SavitzkyGolayPlan.TryEdgesVector<T>(x.AsSpan(0, window), x.AsSpan(n - window), transposed, half, actual);

        Assert.Equal(step > 0, vectorised);
        if (vectorised)
        {
            Assert.Equal(expected, actual);
        }
    }
}

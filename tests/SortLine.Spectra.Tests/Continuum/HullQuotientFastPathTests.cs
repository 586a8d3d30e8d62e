using System.Numerics;
using System.Runtime.Intrinsics;
using FsCheck.Xunit;
using SortLine.Spectra.Continuum;

namespace SortLine.Spectra.Tests.Continuum;

/// <summary>
/// The fast path (gift wrapping with a SIMD scan, fused interpolation and division) against the scalar monotone chain:
/// same vertices and bitwise the same quotient and non-positive count, on random, constructed tie/collinear and real
/// spectra. These run again with the ISAs switched off in CI (the fast path then takes narrower vectors or the reference).
/// </summary>
[Trait("Category", "Simd")]
public sealed class HullQuotientFastPathTests
{
    public static TheoryData<int> Lengths => SimdLengths.For(Vector512<float>.Count);

    // Random spectra of many shapes (smooth + noise, pure noise, plateaus, straight ramps with notches, negative parts), float
    // and double. The ramp 0.3 + 0.001·i is collinear only up to rounding: there the two algorithms may disagree on a
    // near-collinear vertex, and the property then checks the documented bound instead of bitwise equality.
    [Property(Replay = "(97531,24681)", MaxTest = 400)]
    public void ApplyFast_RandomSpectrum_EqualsMonotoneChain(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(1, 400);
        double[] wl = RandomAxis(rng, n);
        double[] s = RandomShape(rng, n);

        AssertSameAsReference(wl, s, $"seed {seed}, n {n}", allowRoundingTies: true);
        AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), $"seed {seed}, n {n} (float)", allowRoundingTies: true);
    }

    // Ties on purpose: small integers make every product and difference exact, so collinear points and equal slopes are
    // exact ties; they fall on both sides of vector lanes and chunk boundaries.
    [Property(Replay = "(8675309,43)", MaxTest = 300)]
    public void ApplyFast_IntegerCollinearSpectrum_EqualsMonotoneChain(int seed)
    {
        (double[] wl, double[] s) = IntegerCollinearCase(seed);

        AssertSameAsReference(wl, s, $"seed {seed}, n {s.Length}");
        AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), $"seed {seed}, n {s.Length} (float)");
    }

    // Regression: from vertex 62 the points 63 and 65..68 all have slope -2 (exact ties). The pruned search scans the
    // block of largest slope bound (65..68) before the earlier block 64..67 with four lanes of double (AVX2): each lane
    // must still keep the farther of two tied points, so the vertex is 68, not 67.
    [Fact]
    public void ApplyFast_TiedPointsInBlocksScannedOutOfOrder_TakesFarthestPoint()
    {
        (double[] wl, double[] s) = IntegerCollinearCase(72);

        AssertSameAsReference(wl, s, "seed 72");
        AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), "seed 72 (float)");
    }

    private static (double[] Wavelengths, double[] Spectrum) IntegerCollinearCase(int seed)
    {
        var rng = new Random(seed);
        int n = rng.Next(2, 200);
        var wl = new double[n];
        var s = new double[n];
        int y = rng.Next(1, 50);
        int step = rng.Next(-3, 4);
        for (int i = 0; i < n; i++)
        {
            wl[i] = 1000 + i;
            if (rng.Next(8) == 0)
            {
                step = rng.Next(-3, 4);
            }

            // Straight runs (collinear), with occasional drops below the run.
            s[i] = y - (rng.Next(5) == 0 ? rng.Next(1, 4) : 0);
            y += step;
        }

        return (wl, s);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(288)]
    public void ApplyFast_AllCollinear_KeepsOnlyEndpoints(int n)
    {
        var wl = new float[n];
        var s = new float[n];
        for (int i = 0; i < n; i++)
        {
            wl[i] = 1000 + (2 * i);
            s[i] = 3 + i;
        }

        var q = new float[n];
        var hull = new int[n];
        int nonPositive = HullQuotient.ApplyFast<float>(wl, s, q, hull, out int vertices);

        Assert.Equal(0, nonPositive);
        Assert.Equal([0, n - 1], hull[..vertices]);
        Assert.All(q, v => Assert.Equal(1f, v));
    }

    [Theory]
    [InlineData(40)]
    [InlineData(288)]
    public void ApplyFast_EqualMaximumSlopes_TakesFarthestPoint(int n)
    {
        // A flat top at the maximum, hit by points in different lanes and chunks: only the first and last are vertices.
        var wl = new double[n];
        var s = new double[n];
        for (int i = 0; i < n; i++)
        {
            wl[i] = i;
            s[i] = i % 7 == 0 ? 10 : 5;
        }

        s[0] = 10;
        s[n - 1] = 10;
        var hull = new int[n];

        HullQuotient.ApplyFast<double>(wl, s, new double[n], hull, out int vertices);

        Assert.Equal([0, n - 1], hull[..vertices]);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Apply_AnyLength_EqualsMonotoneChain(int length)
    {
        var rng = new Random(length + 1);
        double[] wl = RandomAxis(rng, length);
        var s = new double[length];
        for (int i = 0; i < length; i++)
        {
            s[i] = 0.5 + (0.2 * Math.Sin(i * 0.03)) - (0.1 * Math.Exp(-Math.Pow(((i % 300) - 150) / 12.0, 2))) + (0.005 * rng.NextDouble());
        }

        AssertSameAsReference(wl, s, $"length {length}");
        AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), $"length {length} (float)");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Apply_Usgs2151Spectrum_EqualsMonotoneChain(int column)
    {
        var (usgs, _, columns) = GoldenFile.ReadMatrix("preprocess/usgs_2151.csv");
        double[] wl = Column(usgs, columns, 0);
        double[] s = Column(usgs, columns, column);

        AssertSameAsReference(wl, s, $"USGS column {column}");
        AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), $"USGS column {column} (float)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Apply_Camera288SpectrumWithNoise_EqualsMonotoneChain(int mineral)
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        double[] wl = Column(bands, 3, 0);
        double[] s = Column(spectra, columns, mineral);
        var rng = new Random(mineral);
        for (int trial = 0; trial < 50; trial++)
        {
            double[] noisy = Array.ConvertAll(s, v => v + ((rng.NextDouble() - 0.5) * 0.01));
            AssertSameAsReference(wl, noisy, $"mineral {mineral}, trial {trial}");
            AssertSameAsReference(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(noisy, v => (float)v), $"mineral {mineral}, trial {trial} (float)");
        }
    }

    // A push-broom line through one plan: runs of one mineral with random brightness and noise, then another.
    [Theory]
    [InlineData(17)]
    [InlineData(2026)]
    public void PlanApply_LineOfPixels_EachEqualsMonotoneChain(int seed)
    {
        var (bands, _, _) = GoldenFile.ReadMatrix("preprocess/resample_camera288_bands.csv");
        var (spectra, _, columns) = GoldenFile.ReadMatrix("preprocess/resample_camera288_spectra.csv");
        double[] wl = Column(bands, 3, 0);
        float[] wlf = Array.ConvertAll(wl, v => (float)v);
        var plan = new HullQuotientPlan(wl);
        var rng = new Random(seed);
        int mineral = 0;
        for (int pixel = 0; pixel < 384; pixel++)
        {
            if (pixel % 24 == 0)
            {
                mineral = rng.Next(columns);
            }

            double brightness = 0.5 + rng.NextDouble();
            float[] s = Array.ConvertAll(Column(spectra, columns, mineral), v => (float)((v * brightness) + ((rng.NextDouble() - 0.5) * 0.004)));
            var expected = new float[s.Length];
            var expectedHull = new int[s.Length];
            int expectedNonPositive = HullQuotient.ApplyScalar<float>(wlf, s, expected, expectedHull);
            int expectedVertices = HullQuotient.FindHullScalar<float>(wlf, s, expectedHull);
            var actual = new float[s.Length];
            var hull = new int[s.Length];

            int nonPositive = plan.Apply(s, actual, hull, out int vertices);

            AssertPathMatches(wlf, s, (expected, expectedNonPositive, expectedHull[..expectedVertices]), (actual, nonPositive, hull[..vertices]),
                $"seed {seed}, pixel {pixel}", allowRoundingTies: false);
        }
    }

    [Theory]
    [InlineData(40, 0)]
    [InlineData(40, 17)]
    [InlineData(40, 39)]
    [InlineData(288, 280)]
    [InlineData(288, 287)]
    public void Apply_NonFiniteValue_ThrowsNamingSpectrum(int n, int at)
    {
        foreach (double bad in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
        {
            var plan = new HullQuotientPlan(RandomAxis(new Random(1), n));
            var s = new double[n];
            Array.Fill(s, 0.5);
            s[at] = bad;
            float[] sf = Array.ConvertAll(s, v => (float)v);

            var ex = Assert.Throws<ArgumentException>(() => plan.Apply(s, new double[n], new int[n]));
            var exf = Assert.Throws<ArgumentException>(() => plan.Apply(sf, new float[n], new int[n]));
            var exInto = Assert.Throws<ArgumentException>(() => plan.Apply(sf, new float[n], new int[n], out _));

            Assert.Equal("spectrum", ex.ParamName);
            Assert.Equal("spectrum", exf.ParamName);
            Assert.Equal("spectrum", exInto.ParamName);
            Assert.Contains($"Element {at} ", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"Element {at} ", exInto.Message, StringComparison.Ordinal);
        }
    }

    // The wavelength check is vectorised: a bad value anywhere (vector body or tail) must still be caught.
    [Theory]
    [InlineData(40, 0, double.NaN)]
    [InlineData(40, 9, double.NaN)]
    [InlineData(40, 17, double.PositiveInfinity)]
    [InlineData(40, 21, -1.0)]
    [InlineData(40, 39, 0.0)]
    [InlineData(288, 150, 1000.0)]
    public void Apply_BadWavelengthAnywhere_ThrowsNamingWavelengths(int n, int at, double value)
    {
        double[] wl = [.. Enumerable.Range(0, n).Select(i => 1000.0 + i)];
        wl[at] = value;
        var s = new double[n];
        Array.Fill(s, 0.5);

        var ex = Assert.Throws<ArgumentException>(() => HullQuotient.Apply<double>(wl, s, new double[n], new int[n]));
        var exf = Assert.Throws<ArgumentException>(() => HullQuotient.Apply<float>(Array.ConvertAll(wl, v => (float)v), Array.ConvertAll(s, v => (float)v), new float[n], new int[n]));

        Assert.Equal("wavelengths", ex.ParamName);
        Assert.Equal("wavelengths", exf.ParamName);
    }

    private static void AssertSameAsReference<T>(T[] wl, T[] s, string what, bool allowRoundingTies = false)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = s.Length;
        var expected = new T[n];
        var expectedHull = new int[n];
        int expectedNonPositive = HullQuotient.ApplyScalar<T>(wl, s, expected, expectedHull);
        int expectedVertices = HullQuotient.FindHullScalar<T>(wl, s, expectedHull);
        var reference = (Quotient: expected, NonPositive: expectedNonPositive, Hull: expectedHull[..expectedVertices]);

        var actual = new T[n];
        var hull = new int[n];
        int nonPositive = HullQuotient.ApplyFast<T>(wl, s, actual, hull, out int vertices);
        AssertPathMatches(wl, s, reference, (actual, nonPositive, hull[..vertices]), $"{what}, gift wrap", allowRoundingTies);

        if (typeof(T) == typeof(double) && n > 0)
        {
            var plan = new HullQuotientPlan((double[])(object)wl);
            var fromPlan = new double[n];
            Assert.Equal(expectedNonPositive, plan.Apply((double[])(object)s, fromPlan, new int[n]));
            Assert.Equal((double[])(object)actual, fromPlan);
        }
    }

    private static void AssertPathMatches<T>(T[] wl, T[] s, (T[] Quotient, int NonPositive, int[] Hull) expected, (T[] Quotient, int NonPositive, int[] Hull) actual,
        string what, bool allowRoundingTies)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = s.Length;
        if (!expected.Hull.AsSpan().SequenceEqual(actual.Hull))
        {
            Assert.True(allowRoundingTies, $"{what}: vertices [{string.Join(",", expected.Hull)}] vs [{string.Join(",", actual.Hull)}]");

            // Near-collinear points (a cross product at rounding level) may be a vertex in one and not the other: the
            // documented difference. Every such point lies on the other hull's continuum to rounding, so the quotients agree.
            var continuum = new T[n];
            HullQuotient.InterpolateScalar<T>(wl, s, expected.Hull, continuum, markNonPositive: false);
            double tolerance = typeof(T) == typeof(float) ? 1e-5 : 1e-12;
            foreach (int v in actual.Hull.Except(expected.Hull))
            {
                double value = double.CreateChecked(s[v]);
                double onHull = double.CreateChecked(continuum[v]);
                Assert.True(Math.Abs(value - onHull) <= tolerance * Math.Max(Math.Abs(value), 1e-3), $"{what}: vertex {v} ({value}) is not on the reference hull ({onHull})");
            }

            Tolerance.AssertClose(Array.ConvertAll(expected.Quotient, v => double.CreateChecked(v)), Array.ConvertAll(actual.Quotient, v => double.CreateChecked(v)), rel: tolerance, what: what);
            return;
        }

        Assert.Equal(expected.NonPositive, actual.NonPositive);
        for (int i = 0; i < n; i++)
        {
            // Bitwise (so +0 and -0 differ), since the fast paths promise the reference's operations in its order.
            Assert.True(BitEquals(expected.Quotient[i], actual.Quotient[i]), $"{what}: quotient[{i}] {expected.Quotient[i]} vs {actual.Quotient[i]}");
        }
    }

    private static bool BitEquals<T>(T a, T b)
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? BitConverter.SingleToInt32Bits((float)(object)a) == BitConverter.SingleToInt32Bits((float)(object)b)
            : BitConverter.DoubleToInt64Bits((double)(object)a) == BitConverter.DoubleToInt64Bits((double)(object)b);

    private static double[] RandomAxis(Random rng, int n)
    {
        var wl = new double[n];
        double x = 900 + (rng.NextDouble() * 100);
        bool uniform = rng.Next(2) == 0;
        for (int i = 0; i < n; i++)
        {
            x += uniform ? 5.5 : 0.5 + (rng.NextDouble() * 10);
            wl[i] = x;
        }

        return wl;
    }

    private static double[] RandomShape(Random rng, int n)
    {
        var s = new double[n];
        int shape = rng.Next(5);
        for (int i = 0; i < n; i++)
        {
            s[i] = shape switch
            {
                0 => 0.5 + (0.2 * Math.Sin(i * 0.05)) + ((rng.NextDouble() - 0.5) * 0.02),
                1 => rng.NextDouble(),
                2 => Math.Round(rng.NextDouble() * 4) / 4,
                3 => 0.3 + (0.001 * i) - (i % 37 < 5 ? 0.1 : 0),
                _ => (0.3 * Math.Sin(i * 0.1)) + ((rng.NextDouble() - 0.7) * 0.6),
            };
        }

        return s;
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
}

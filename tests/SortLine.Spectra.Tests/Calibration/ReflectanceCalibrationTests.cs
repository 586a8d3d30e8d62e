using FsCheck.Xunit;
using SortLine.Spectra.Calibration;

namespace SortLine.Spectra.Tests.Calibration;

public sealed class ReflectanceCalibrationTests
{
    public static TheoryData<int> Lengths => SimdLengths.For(ReflectanceCalibration.VectorStep);

    [Fact]
    public void Apply_KnownFrames_ComputesRawMinusDarkOverRange()
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(1, 3, [100, 0, 1000], [1100, 40000, 3000]);
        var r = new float[3];

        cal.Apply([600, 10000, 1000], r);

        Assert.Equal([0.5f, 0.25f, 0f], r);
    }

    [Fact]
    public void Apply_WhiteEqualsDark_WritesZeroAndFlagsDead()
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(2, 2, [500, 500, 500, 500], [500, 1500, 1500, 500]);
        var r = new float[4];

        cal.Apply([900, 1000, 1000, 100], r);

        Assert.Equal([0f, 0.5f, 0.5f, 0f], r);
        Assert.Equal(2, cal.DeadCellCount);
        Assert.True(cal.IsDead(0, 0));
        Assert.False(cal.IsDead(0, 1));
        Assert.True(cal.IsDead(1, 1));
    }

    [Theory]
    [InlineData(4.0, true)]
    [InlineData(4.5, false)]
    public void Create_RangeAtThreshold_IsDeadOnlyWhenNotAbove(double range, bool dead)
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(1, 1, [1000], [1000 + range], deadThresholdDn: 4.0);

        Assert.Equal(dead, cal.DeadMask[0]);
    }

    [Fact]
    public void Create_NoDarkLine_ThrowsNamingDark()
    {
        var dark = new ReferenceFrameAccumulator(2, 3);
        var white = new ReferenceFrameAccumulator(2, 3);
        white.Add(new ushort[6]);

        var ex = Assert.Throws<ArgumentException>(() => ReflectanceCalibration.Create(dark, white));
        Assert.Equal("dark", ex.ParamName);
    }

    [Fact]
    public void Create_NoWhiteLine_ThrowsNamingWhite()
    {
        var dark = new ReferenceFrameAccumulator(2, 3);
        dark.Add(new ushort[6]);
        var white = new ReferenceFrameAccumulator(2, 3);

        var ex = Assert.Throws<ArgumentException>(() => ReflectanceCalibration.Create(dark, white));
        Assert.Equal("white", ex.ParamName);
    }

    [Fact]
    public void Create_MismatchedFrameSizes_Throws()
    {
        var dark = new ReferenceFrameAccumulator(2, 3);
        dark.Add(new ushort[6]);
        var white = new ReferenceFrameAccumulator(3, 2);
        white.Add(new ushort[6]);

        var ex = Assert.Throws<ArgumentException>(() => ReflectanceCalibration.Create(dark, white));
        Assert.Equal("white", ex.ParamName);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Create_BadThreshold_ThrowsOutOfRange(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReflectanceCalibration.FromReferenceFrames(1, 1, [0], [100], threshold));
    }

    [Fact]
    public void Apply_WrongRawLength_ThrowsNamingRawLine()
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(2, 2, new double[4], [100, 100, 100, 100]);

        var ex = Assert.Throws<ArgumentException>(() => cal.Apply(new ushort[3], new float[4]));
        Assert.Equal("rawLine", ex.ParamName);
    }

    [Fact]
    public void Apply_WrongDestinationLength_ThrowsNamingReflectanceLine()
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(2, 2, new double[4], [100, 100, 100, 100]);

        var ex = Assert.Throws<ArgumentException>(() => cal.Apply(new ushort[4], new float[5]));
        Assert.Equal("reflectanceLine", ex.ParamName);
    }

    [Fact]
    public void ApplyPixel_OutOfRangePixel_ThrowsOutOfRange()
    {
        var cal = ReflectanceCalibration.FromReferenceFrames(2, 2, new double[4], [100, 100, 100, 100]);

        Assert.Throws<ArgumentOutOfRangeException>(() => cal.ApplyPixel(2, new ushort[2], new float[2]));
    }

    [Property(Replay = "(20251123,7)", MaxTest = 50)]
    public bool ApplyPixel_AnyPixel_EqualsSliceOfApply(int seed)
    {
        var rng = new Random(seed);
        (ReflectanceCalibration cal, _, ushort[] white) = RandomCalibration(rng, identicalLines: false);
        var raw = new ushort[white.Length];
        for (int i = 0; i < raw.Length; i++)
        {
            raw[i] = (ushort)rng.Next(0, 65536);
        }

        var line = new float[raw.Length];
        cal.Apply(raw, line);
        int pixel = rng.Next(cal.Pixels);
        var spectrum = new float[cal.Bands];
        cal.ApplyPixel(pixel, raw.AsSpan(pixel * cal.Bands, cal.Bands), spectrum);

        return spectrum.AsSpan().SequenceEqual(line.AsSpan(pixel * cal.Bands, cal.Bands));
    }

    // White and dark lines are N identical copies, so the averaged references are the integer lines themselves.
    [Property(Replay = "(1234567,89)", MaxTest = 100)]
    public void Apply_WhiteReference_IsOneExceptDeadCells(int seed)
    {
        var rng = new Random(seed);
        (ReflectanceCalibration cal, _, ushort[] white) = RandomCalibration(rng, identicalLines: true);
        var r = new float[white.Length];

        cal.Apply(white, r);

        for (int i = 0; i < r.Length; i++)
        {
            float expected = cal.DeadMask[i] ? 0f : 1f;
            Assert.True(Math.Abs(r[i] - expected) <= 2.5e-7f, $"seed {seed}: cell {i} is {r[i]}, expected {expected}");
        }
    }

    [Property(Replay = "(7654321,13)", MaxTest = 100)]
    public void Apply_DarkReference_IsZero(int seed)
    {
        var rng = new Random(seed);
        (ReflectanceCalibration cal, ushort[] dark, _) = RandomCalibration(rng, identicalLines: true);
        var r = new float[dark.Length];

        cal.Apply(dark, r);

        Assert.All(r, v => Assert.Equal(0f, v));
    }

    // With distinct reference lines the mean reflectance of the white lines is 1 (the kernel is affine in raw).
    [Property(Replay = "(42,4243)", MaxTest = 50)]
    public void Apply_WhiteLinesAveraged_IsOneExceptDeadCells(int seed)
    {
        var rng = new Random(seed);
        int pixels = rng.Next(1, 20), bands = rng.Next(1, 40), n = rng.Next(1, 8);
        var dark = new ReferenceFrameAccumulator(pixels, bands);
        var white = new ReferenceFrameAccumulator(pixels, bands);
        var whiteLines = new List<ushort[]>();
        ushort[] baseDark = RandomLine(rng, pixels * bands, 0, 3000);
        for (int k = 0; k < n; k++)
        {
            dark.Add(Jitter(rng, baseDark, 20));
            ushort[] w = Jitter(rng, baseDark, 0);
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = (ushort)(w[i] + 1000 + rng.Next(0, 60000));
            }

            whiteLines.Add(w);
            white.Add(w);
        }

        var cal = ReflectanceCalibration.Create(dark, white);
        var sum = new double[pixels * bands];
        var r = new float[sum.Length];
        foreach (ushort[] w in whiteLines)
        {
            cal.Apply(w, r);
            for (int i = 0; i < r.Length; i++)
            {
                sum[i] += r[i];
            }
        }

        for (int i = 0; i < sum.Length; i++)
        {
            double expected = cal.DeadMask[i] ? 0 : 1;
            Assert.True(Math.Abs((sum[i] / n) - expected) <= 1e-5, $"seed {seed}: cell {i} mean {sum[i] / n}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    [Trait("Category", "Simd")]
    public void Calibrate_VectorAndScalar_AreBitwiseEqual(int length)
    {
        var rng = new Random(length);
        ushort[] raw = RandomLine(rng, length, 0, 65536);
        var offset = new float[length];
        var inverse = new float[length];
        for (int i = 0; i < length; i++)
        {
            offset[i] = (float)(rng.NextDouble() * 4000);
            inverse[i] = rng.Next(10) == 0 ? 0f : (float)(1 / (10 + (rng.NextDouble() * 60000)));
        }

        var expected = new float[length];
        var actual = new float[length];
        ReflectanceCalibration.CalibrateScalar(raw, offset, inverse, expected);

        ReflectanceCalibration.Calibrate(raw, offset, inverse, actual);

        Assert.Equal(expected, actual);
    }

    private static (ReflectanceCalibration Cal, ushort[] Dark, ushort[] White) RandomCalibration(Random rng, bool identicalLines)
    {
        int pixels = rng.Next(1, 24), bands = rng.Next(1, 64), n = rng.Next(1, 6);
        ushort[] dark = RandomLine(rng, pixels * bands, 0, 4000);
        var white = new ushort[dark.Length];
        for (int i = 0; i < white.Length; i++)
        {
            // About one cell in eight has (almost) no range and must come out dead.
            int range = rng.Next(8) == 0 ? rng.Next(0, 5) : rng.Next(5, 65535 - dark[i]);
            white[i] = (ushort)Math.Min(65535, dark[i] + range);
        }

        var d = new ReferenceFrameAccumulator(pixels, bands);
        var w = new ReferenceFrameAccumulator(pixels, bands);
        for (int k = 0; k < n; k++)
        {
            d.Add(identicalLines ? dark : Jitter(rng, dark, 3));
            w.Add(identicalLines ? white : Jitter(rng, white, 3));
        }

        return (ReflectanceCalibration.Create(d, w), dark, white);
    }

    private static ushort[] RandomLine(Random rng, int length, int min, int max)
    {
        var line = new ushort[length];
        for (int i = 0; i < length; i++)
        {
            line[i] = (ushort)rng.Next(min, max);
        }

        return line;
    }

    private static ushort[] Jitter(Random rng, ushort[] line, int amplitude)
    {
        var result = new ushort[line.Length];
        for (int i = 0; i < line.Length; i++)
        {
            result[i] = (ushort)Math.Clamp(line[i] + rng.Next(-amplitude, amplitude + 1), 0, 65535);
        }

        return result;
    }
}

using SortLine.Learning.Retraining;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;

namespace SortLine.Learning.Tests.Retraining;

public sealed class SwirLinePreprocessorTests
{
    private const int Pixels = 5, Bands = 40;

    private static double[] Wavelengths() => Enumerable.Range(0, Bands).Select(b => 1000.0 + (10.0 * b)).ToArray();

    private static (ReflectanceCalibration Calibration, ushort[] Raw) Data(bool withDeadCell)
    {
        var random = new Random(7);
        var dark = new double[Pixels * Bands];
        var white = new double[Pixels * Bands];
        var raw = new ushort[Pixels * Bands];
        for (int i = 0; i < dark.Length; i++)
        {
            dark[i] = 300 + (10 * random.NextDouble());
            white[i] = 3000 + (100 * random.NextDouble());
            double reflectance = 0.4 + (0.3 * Math.Sin(i % Bands * 0.2)) + (0.01 * random.NextDouble());
            raw[i] = (ushort)Math.Round(dark[i] + (reflectance * (white[i] - dark[i])));
        }

        if (withDeadCell)
        {
            white[(2 * Bands) + 17] = dark[(2 * Bands) + 17]; // pixel 2, band 17
        }

        return (ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, dark, white), raw);
    }

    [Fact]
    public void Apply_EqualsReflectanceThenSavitzkyGolayThenHullQuotient()
    {
        (ReflectanceCalibration calibration, ushort[] raw) = Data(withDeadCell: false);
        var plan = new SavitzkyGolayPlan(11, 2);
        var preprocessor = new SwirLinePreprocessor(calibration, Wavelengths(), plan, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var actual = new float[Pixels * Bands];

        preprocessor.Apply(raw, actual);

        var reflectance = new float[Pixels * Bands];
        calibration.Apply(raw, reflectance);
        float[] wavelengths = Array.ConvertAll(Wavelengths(), w => (float)w);
        var smoothed = new float[Bands];
        var expected = new float[Bands];
        var hull = new int[Bands];
        for (int p = 0; p < Pixels; p++)
        {
            plan.Apply(reflectance.AsSpan(p * Bands, Bands), smoothed);
            HullQuotient.Apply<float>(wavelengths, smoothed, expected, hull);
            Assert.Equal(expected, actual.AsSpan(p * Bands, Bands).ToArray());
        }
    }

    [Fact]
    public void Apply_DeadCell_ReplacedByInterpolationOfItsNeighbours()
    {
        (ReflectanceCalibration calibration, ushort[] raw) = Data(withDeadCell: true);
        (ReflectanceCalibration clean, _) = Data(withDeadCell: false);
        var plan = new SavitzkyGolayPlan(11, 2);
        var withDead = new float[Pixels * Bands];
        new SwirLinePreprocessor(calibration, Wavelengths(), plan, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch).Apply(raw, withDead);

        // Expected: the clean pixel's reflectance with band 17 replaced by the mean of bands 16 and 18, then SG and hull.
        var reflectance = new float[Pixels * Bands];
        clean.Apply(raw, reflectance);
        Span<float> pixel = reflectance.AsSpan(2 * Bands, Bands);
        pixel[17] = pixel[16] + ((pixel[18] - pixel[16]) / 2);
        var smoothed = new float[Bands];
        var expected = new float[Bands];
        plan.Apply(pixel, smoothed);
        HullQuotient.Apply<float>(Array.ConvertAll(Wavelengths(), w => (float)w), smoothed, expected, new int[Bands]);

        Assert.Equal(1, calibration.DeadCellCount);
        Assert.Equal(expected, withDead.AsSpan(2 * Bands, Bands).ToArray());
    }

    [Fact]
    public void Parameters_DescribeTheReferencesAndFilter()
    {
        (ReflectanceCalibration calibration, _) = Data(withDeadCell: false);
        var captured = new DateTimeOffset(2025, 11, 23, 6, 0, 0, TimeSpan.Zero);
        var preprocessor = new SwirLinePreprocessor(calibration, Wavelengths(), new SavitzkyGolayPlan(11, 2), captured, captured.AddMinutes(1));

        Assert.Equal(11, preprocessor.Parameters.SavitzkyGolayWindow);
        Assert.Equal(2, preprocessor.Parameters.SavitzkyGolayOrder);
        Assert.True(preprocessor.Parameters.HullQuotient);
        Assert.Equal(captured, preprocessor.Parameters.DarkReference.CapturedUtc);
        Assert.NotEqual(preprocessor.Parameters.DarkReference.Sha256Hex, preprocessor.Parameters.WhiteReference.Sha256Hex);
    }
}

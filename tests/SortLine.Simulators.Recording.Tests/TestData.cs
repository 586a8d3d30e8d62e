using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;

namespace SortLine.Simulators.Recording.Tests;

/// <summary>Deterministic inputs shared by the tests.</summary>
internal static class TestData
{
    public static SwirCameraInfo Camera(int pixels, int bands, double lineRateHz = 250, int bitDepth = 16)
    {
        var centres = new double[bands];
        var fwhm = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            centres[b] = 950.0 + (b * 6.123456789);
            fwhm[b] = 7.25 + (b * 0.001);
        }

        return new SwirCameraInfo("TestCam, rev. {2}", pixels, centres, fwhm, lineRateHz, bitDepth);
    }

    /// <summary>The count of (line, pixel, band): covers the full uint16 range, including values above 32767.</summary>
    public static ushort Value(int line, int pixel, int band) => (ushort)((line * 7919) + (pixel * 104729) + (band * 31) + (line * pixel * band));

    public static void Fill(SwirLine line, int index, long encoder, long timestamp)
    {
        for (int p = 0; p < line.Pixels; p++)
        {
            for (int b = 0; b < line.Bands; b++)
            {
                line.Data[(p * line.Bands) + b] = Value(index, p, b);
            }
        }

        line.Stamp = new SampleStamp(index, new EncoderPosition(encoder), timestamp);
    }

    public static string RepoRoot()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "SortLine.sln")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("SortLine.sln not found above " + AppContext.BaseDirectory);
    }

    public static string JasperHeader => Path.Combine(AppContext.BaseDirectory, "data", "hsi", "jasper_ridge", "jasper_ridge_100x100x198_uint16_bsq.hdr");
}

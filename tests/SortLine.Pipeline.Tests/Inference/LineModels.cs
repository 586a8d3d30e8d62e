using SortLine.Pipeline.Inference;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Tests.Inference;

/// <summary>Line models and preprocessing over <see cref="SimulatedCameraData"/> for the classification tests.</summary>
internal static class LineModels
{
    /// <summary>A model whose line class ids are its own output indices (class k named "ck" on both sides).</summary>
    public static LineModel Identity(SimulatedCameraData data, string version, AffineModel? model = null, PixelRejectRule? reject = null)
    {
        AffineModel m = model ?? data.Model;
        string[] names = [.. Enumerable.Range(0, m.OutputCount).Select(k => $"c{k}")];
        return new LineModel(version, m, new SavitzkyGolayPlan(11, 2), new HullQuotientPlan(data.Wavelengths), reject ?? new PixelRejectRule(0),
            names, names, lineRejectClass: 250);
    }

    /// <summary>The line preprocessing of the data (Savitzky-Golay 11/2, hull quotient), by default without a brightness rule.</summary>
    public static LinePreprocessing Preprocessing(SimulatedCameraData data, double threshold = double.NegativeInfinity, ReflectanceCalibration? calibration = null) =>
        new(calibration ?? data.Calibration, new SavitzkyGolayPlan(11, 2), new HullQuotientPlan(data.Wavelengths), threshold);

    /// <summary>
    /// The data's calibration with its white frame scaled by <paramref name="scale"/> and tilted across the bands (×0.8 at the
    /// first band to ×1.2 at the last), as if the white reference had been captured again under a different lamp: both the
    /// brightness and the spectral shape (so the hull quotient) change.
    /// </summary>
    public static ReflectanceCalibration ScaledWhite(SimulatedCameraData data, double scale)
    {
        ReflectanceCalibration c = data.Calibration;
        double[] white = c.WhiteFrame.ToArray();
        ReadOnlySpan<double> dark = c.DarkFrame;
        for (int i = 0; i < white.Length; i++)
        {
            double tilt = 0.8 + (0.4 * (i % c.Bands) / (c.Bands - 1));
            white[i] = dark[i] + ((white[i] - dark[i]) * scale * tilt);
        }

        return ReflectanceCalibration.FromReferenceFrames(c.Pixels, c.Bands, dark, white, c.DeadThresholdDn);
    }

    /// <summary>The step-by-step reference: reflectance of the whole line, then Savitzky-Golay and hull quotient per pixel.</summary>
    public static (float[] Features, bool[] Foreground) Reference(ReflectanceCalibration calibration, double[] wavelengths, ushort[] raw, double threshold)
    {
        int pixels = calibration.Pixels, bands = calibration.Bands;
        var reflectance = new float[raw.Length];
        calibration.Apply(raw, reflectance);
        var smoothing = new SavitzkyGolayPlan(11, 2);
        float[] axis = Array.ConvertAll(wavelengths, w => (float)w);
        var features = new float[raw.Length];
        var foreground = new bool[pixels];
        var smoothed = new float[bands];
        var hull = new int[bands];
        for (int p = 0; p < pixels; p++)
        {
            Span<float> r = reflectance.AsSpan(p * bands, bands);
            double mean = 0;
            foreach (float v in r)
            {
                mean += v;
            }

            foreground[p] = mean / bands >= threshold;
            smoothing.Apply(r, smoothed);
            HullQuotient.Apply<float>(axis, smoothed, features.AsSpan(p * bands, bands), hull);
        }

        return (features, foreground);
    }
}

using System.Globalization;
using SortLine.Simulators.Recording.Envi;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;

namespace SortLine.Learning.Tests.TestSupport;

/// <summary>
/// The real Jasper Ridge scene (data/hsi/jasper_ridge), preprocessed as tests/golden/generators/learning.py does:
/// reflectance = DN / 10000, Savitzky-Golay (11, 2) along bands, hull quotient over the nominal linear wavelength grid
/// of band_table.csv (the header's wavelengths are not monotonic). Pixel p = row · 100 + column.
/// </summary>
internal sealed class JasperRidge
{
    private static readonly Lazy<JasperRidge> Instance = new(Load);

    private JasperRidge(double[] spectra, int[] labels, int bands)
    {
        Spectra = spectra;
        Labels = labels;
        Bands = bands;
    }

    public static JasperRidge Scene => Instance.Value;

    public static readonly string[] ClassNames = ["tree", "water", "dirt", "road"];

    public double[] Spectra { get; }

    public int[] Labels { get; }

    public int Bands { get; }

    public int Pixels => Labels.Length;

    private static JasperRidge Load()
    {
        string dir = RepoData.PathOf(Path.Combine("hsi", "jasper_ridge"));
        double[] wavelengths = File.ReadLines(Path.Combine(dir, "band_table.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[4], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        int[] labels = File.ReadLines(Path.Combine(dir, "labels_argmax_100x100.csv"))
            .SelectMany(l => l.Split(',')).Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

        using EnviImage image = EnviImage.Open(Path.Combine(dir, "jasper_ridge_100x100x198_uint16_bsq.hdr"));
        int bands = image.Bands, samples = image.Samples;
        if (wavelengths.Length != bands || labels.Length != image.Lines * samples)
        {
            throw new InvalidDataException("Jasper Ridge band table or labels do not match the cube.");
        }

        var plan = new SavitzkyGolayPlan(11, 2);
        var spectra = new double[image.Lines * samples * bands];
        var raw = new ushort[samples * bands];
        var reflectance = new double[bands];
        var smooth = new double[bands];
        var hull = new int[bands];
        for (int row = 0; row < image.Lines; row++)
        {
            image.ReadLine(row, raw);
            for (int col = 0; col < samples; col++)
            {
                for (int b = 0; b < bands; b++)
                {
                    reflectance[b] = raw[(col * bands) + b] / 10000.0;
                }

                plan.Apply(reflectance, smooth);
                HullQuotient.Apply<double>(wavelengths, smooth, spectra.AsSpan(((row * samples) + col) * bands, bands), hull);
            }
        }

        return new JasperRidge(spectra, labels, bands);
    }
}

using SortLine.Benchmarks.Infrastructure;
using SortLine.Pipeline.Inference;
using SortLine.Spectra;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// Realistic SWIR lines (384 px × 288 bands, 12-bit DN) of the case-study minerals (USGS spectra) on a dark belt, with
/// per-cell dark offset and gain, shot and read noise, and a PLS-DA student (5 classes, 17 components) trained on 16 lines
/// preprocessed by the same chain (reflectance → Savitzky–Golay (11, 2) → hull quotient).
/// </summary>
internal sealed class SwirStudentData
{
    public const int Pixels = 384, Bands = 288, Classes = 5, Components = 17;

    public SwirStudentData(int lines, int seed = 20261123)
    {
        var rng = new Random(seed);
        Wavelengths = [.. Enumerable.Range(0, Bands).Select(i => 900.0 + (i * 1600.0 / (Bands - 1)))];
        double[][] library = [.. RepositoryData.CaseStudyMinerals.Select(f => RepositoryData.LibrarySpectrum(f, Wavelengths)), Enumerable.Repeat(0.05, Bands).ToArray()];
        var dark = new double[Pixels * Bands];
        var white = new double[Pixels * Bands];
        for (int i = 0; i < dark.Length; i++)
        {
            dark[i] = 180 + (40 * rng.NextDouble());
            white[i] = dark[i] + 3000 + (600 * rng.NextDouble());
        }

        Calibration = ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, dark, white);
        Smoothing = new SavitzkyGolayPlan(11, 2);
        HullQuotient = new HullQuotientPlan(Wavelengths);
        const int TrainingLines = 16;
        ushort[][] training = MakeLines(TrainingLines, library, dark, white, rng, out int[][] labels);
        var x = new double[TrainingLines * Pixels * Bands];
        var preprocessed = new float[Pixels * Bands];
        for (int l = 0; l < TrainingLines; l++)
        {
            Preprocess(training[l], preprocessed);
            for (int k = 0; k < preprocessed.Length; k++)
            {
                x[(l * Pixels * Bands) + k] = preprocessed[k];
            }
        }

        int[] y = [.. labels.SelectMany(l => l)];
        Model = PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(x, y.Length, Bands), y, Classes, new PlsOptions { Components = Components }).ToAffine();
        Raw = MakeLines(lines, library, dark, white, rng, out _);
    }

    public double[] Wavelengths { get; }

    public ReflectanceCalibration Calibration { get; }

    public SavitzkyGolayPlan Smoothing { get; }

    public HullQuotientPlan HullQuotient { get; }

    public AffineModel Model { get; }

    public ushort[][] Raw { get; }

    public LineClassifier CreateClassifier(PixelRejectRule reject) => new("bench", Calibration, Smoothing, HullQuotient, Model, reject);

    /// <summary>The step-by-step preprocessing of a whole line (the kernels one after the other).</summary>
    public void Preprocess(ReadOnlySpan<ushort> raw, Span<float> preprocessed)
    {
        var reflectance = new float[Pixels * Bands];
        var smoothed = new float[Bands];
        var hull = new int[Bands];
        Calibration.Apply(raw, reflectance);
        for (int p = 0; p < Pixels; p++)
        {
            Smoothing.Apply(reflectance.AsSpan(p * Bands, Bands), smoothed);
            HullQuotient.Apply(smoothed, preprocessed.Slice(p * Bands, Bands), hull);
        }
    }

    private static ushort[][] MakeLines(int count, double[][] library, double[] dark, double[] white, Random rng, out int[][] truth)
    {
        var raw = new ushort[count][];
        truth = new int[count][];
        for (int l = 0; l < count; l++)
        {
            raw[l] = new ushort[Pixels * Bands];
            truth[l] = new int[Pixels];
            int segment = 0;
            for (int p = 0; p < Pixels; p++)
            {
                segment = p % 24 == 0 ? rng.Next(Classes) : segment; // particles ~24 px wide; class 4 is the belt
                truth[l][p] = segment;
                double brightness = 0.8 + (0.4 * rng.NextDouble());
                for (int b = 0; b < Bands; b++)
                {
                    double r = ((0.85 * library[segment][b]) + (0.15 * library[rng.Next(Classes)][b])) * brightness;
                    int i = (p * Bands) + b;
                    double dn = dark[i] + ((white[i] - dark[i]) * r);
                    double gaussian = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                    dn += (Math.Sqrt(dn) + 4) * gaussian;
                    raw[l][i] = (ushort)Math.Clamp(Math.Round(dn), 0, 4095);
                }
            }
        }

        return raw;
    }
}

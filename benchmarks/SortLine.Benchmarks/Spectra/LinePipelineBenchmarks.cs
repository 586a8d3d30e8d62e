using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SortLine.Benchmarks.Infrastructure;
using SortLine.Spectra;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// One 384-pixel × 288-band uint16 SWIR line through the whole per-line chain on one core:
/// reflectance → Savitzky–Golay (11, 2) → hull quotient → PLS-DA (5 classes, 17 components) → class per pixel.
/// Lines are built from real USGS spectra (the case-study minerals on a dark belt) with detector gain, dark offset
/// and noise; the student is trained on the same chain. Goal: ≥ 10,000 lines/s/core and 0 B allocated per line.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Configuration))]
public class LinePipelineBenchmarks
{
    public const int Pixels = 384, Bands = 288, Classes = 5, Components = 17, Lines = 64;

    private ushort[][] _raw = [];
    private int[][] _truth = [];
    private float[] _wavelengths = [];
    private ReflectanceCalibration _calibration = null!;
    private SavitzkyGolayPlan _smoothing = null!;
    private AffineClassifier _classifier = null!;
    private float[] _reflectance = [];
    private float[] _smoothed = [];
    private float[] _quotient = [];
    private int[] _hullScratch = [];
    private int[] _classIds = [];
    private float[] _scores = [];
    private int _next;

    /// <summary>Gets the share of pixels of the benchmark lines classified as their true class (printed at setup).</summary>
    public double Accuracy { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(20261123);
        double[] wl = Enumerable.Range(0, Bands).Select(i => 900.0 + (i * 1600.0 / (Bands - 1))).ToArray();
        _wavelengths = wl.Select(w => (float)w).ToArray();
        double[][] library = [.. RepositoryData.CaseStudyMinerals.Select(f => RepositoryData.LibrarySpectrum(f, wl)), Enumerable.Repeat(0.05, Bands).ToArray()];

        // Detector: per-cell dark offset and gain (12-bit), as averaged reference frames.
        var dark = new double[Pixels * Bands];
        var white = new double[Pixels * Bands];
        for (int i = 0; i < dark.Length; i++)
        {
            dark[i] = 180 + (40 * rng.NextDouble());
            white[i] = dark[i] + 3000 + (600 * rng.NextDouble());
        }

        _calibration = ReflectanceCalibration.FromReferenceFrames(Pixels, Bands, dark, white, ReflectanceCalibration.DefaultDeadThresholdDn);
        _smoothing = new SavitzkyGolayPlan(11, 2);
        _reflectance = new float[Pixels * Bands];
        _smoothed = new float[Bands];
        _quotient = new float[Pixels * Bands];
        _hullScratch = new int[Bands];
        _classIds = new int[Pixels];
        _scores = new float[Classes];

        // Training lines first (the MSKD student would get these labels from the LIBS teacher), then benchmark lines.
        const int trainingLines = 16;
        var (trainRaw, trainTruth) = MakeLines(trainingLines, library, dark, white, rng);
        var x = new double[trainingLines * Pixels * Bands];
        var labels = new int[trainingLines * Pixels];
        for (int l = 0; l < trainingLines; l++)
        {
            Preprocess(trainRaw[l]);
            for (int k = 0; k < Pixels * Bands; k++)
            {
                x[(l * Pixels * Bands) + k] = _quotient[k];
            }

            trainTruth[l].CopyTo(labels, l * Pixels);
        }

        PlsDiscriminantModel model = PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(x, labels.Length, Bands), labels, Classes,
            new PlsOptions { Components = Components });
        _classifier = model.ToClassifier();

        (_raw, _truth) = MakeLines(Lines, library, dark, white, rng);
        int correct = 0;
        for (int l = 0; l < Lines; l++)
        {
            ClassifyLine(_raw[l]);
            correct += _classIds.Zip(_truth[l]).Count(p => p.First == p.Second);
        }

        Accuracy = correct / (double)(Lines * Pixels);
        Console.WriteLine($"// LinePipeline: {Lines} lines of {Pixels} px x {Bands} bands; PLS-DA ({Components} components) pixel accuracy vs truth {Accuracy:P2}");
    }

    /// <summary>One line, raw counts to class per pixel.</summary>
    [Benchmark]
    public int OneLine()
    {
        int line = _next;
        _next = (_next + 1) % Lines;
        ClassifyLine(_raw[line]);
        return _classIds[0];
    }

    private void ClassifyLine(ReadOnlySpan<ushort> raw)
    {
        Preprocess(raw);
        _classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(_quotient, Pixels, Bands), _classIds, _scores);
    }

    private void Preprocess(ReadOnlySpan<ushort> raw)
    {
        _calibration.Apply(raw, _reflectance);
        for (int p = 0; p < Pixels; p++)
        {
            int offset = p * Bands;
            _smoothing.Apply(_reflectance.AsSpan(offset, Bands), _smoothed);
            HullQuotient.Apply<float>(_wavelengths, _smoothed, _quotient.AsSpan(offset, Bands), _hullScratch);
        }
    }

    /// <summary>Lines of particles: each pixel one mineral (or belt) with a little of the others, DN with shot and read noise.</summary>
    private static (ushort[][] Raw, int[][] Truth) MakeLines(int count, double[][] library, double[] dark, double[] white, Random rng)
    {
        var raw = new ushort[count][];
        var truth = new int[count][];
        for (int l = 0; l < count; l++)
        {
            raw[l] = new ushort[Pixels * Bands];
            truth[l] = new int[Pixels];
            int segmentClass = 0;
            for (int p = 0; p < Pixels; p++)
            {
                if (p % 24 == 0)
                {
                    segmentClass = rng.Next(Classes); // particles ~24 px wide, belt gaps are class 4
                }

                truth[l][p] = segmentClass;
                double brightness = 0.8 + (0.4 * rng.NextDouble());
                for (int b = 0; b < Bands; b++)
                {
                    double r = ((0.85 * library[segmentClass][b]) + (0.15 * library[rng.Next(Classes)][b])) * brightness;
                    int i = (p * Bands) + b;
                    double dn = dark[i] + ((white[i] - dark[i]) * r);
                    dn += Math.Sqrt(dn) * Gaussian(rng) + (4 * Gaussian(rng));
                    raw[l][i] = (ushort)Math.Clamp(Math.Round(dn), 0, 4095);
                }
            }
        }

        return (raw, truth);
    }

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new LinesPerSecondColumn());
    }
}

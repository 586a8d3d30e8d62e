using BenchmarkDotNet.Attributes;
using SortLine.Spectra;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;

namespace SortLine.Benchmarks.Spectra;

/// <summary>
/// PLS-DA training (PLS2 NIPALS, 20,000 spectra × 288 bands, 5 classes one-hot, 17 components: the methods brief's
/// student) and line-rate inference (affine classify of one 384 × 288 float SWIR line, 5 classes). Reference for the
/// fit: scikit-learn 1.2.1 <c>PLSRegression(17).fit</c> on 20,000 × 288 USGS mixtures took 3.6 s (scale=True) on
/// this machine, single-threaded BLAS.
/// </summary>
[MemoryDiagnoser]
public class PlsBenchmarks
{
    private const int Samples = 20_000, Bands = 288, Classes = 5, Components = 17, Pixels = 384;

    private double[] _x = [];
    private int[] _labels = [];
    private float[] _line = [];
    private int[] _ids = [];
    private float[] _scores = [];
    private AffineClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(17);
        double[] endmembers = Endmembers(rng);
        _x = new double[Samples * Bands];
        _labels = new int[Samples];
        var abundance = new double[Classes];
        for (int r = 0; r < Samples; r++)
        {
            double sum = 0;
            for (int k = 0; k < Classes; k++)
            {
                abundance[k] = Math.Pow(rng.NextDouble(), 2);
                sum += abundance[k];
            }

            _labels[r] = Array.IndexOf(abundance, abundance.Max());
            for (int i = 0; i < Bands; i++)
            {
                double v = 0;
                for (int k = 0; k < Classes; k++)
                {
                    v += abundance[k] / sum * endmembers[(k * Bands) + i];
                }

                _x[(r * Bands) + i] = v + (0.005 * (rng.NextDouble() - 0.5));
            }
        }

        PlsDiscriminantModel model = PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(_x.AsSpan(0, 2_000 * Bands), 2_000, Bands), _labels.AsSpan(0, 2_000),
            Classes, new PlsOptions { Components = Components });
        _classifier = model.ToClassifier();
        _line = new float[Pixels * Bands];
        for (int k = 0; k < _line.Length; k++)
        {
            _line[k] = (float)_x[k];
        }

        _ids = new int[Pixels];
        _scores = new float[Classes];
    }

    [Benchmark]
    public PlsDiscriminantModel FitPlsDa20000x288x17() =>
        PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(_x, Samples, Bands), _labels, Classes, new PlsOptions { Components = Components });

    [Benchmark]
    public int ClassifyLine384x288()
    {
        _classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(_line, Pixels, Bands), _ids, _scores);
        return _ids[Pixels / 2];
    }

    /// <summary>The scalar reference over the same line, for the SIMD speed-up.</summary>
    [Benchmark]
    public int ClassifyLine384x288Scalar()
    {
        for (int r = 0; r < Pixels; r++)
        {
            _classifier.PredictScalar(_line.AsSpan(r * Bands, Bands), _scores);
            _ids[r] = AffineClassifier.ArgMax(_scores);
        }

        return _ids[Pixels / 2];
    }

    /// <summary>Smooth reflectance-like curves with a few Gaussian absorption features each.</summary>
    private static double[] Endmembers(Random rng)
    {
        var e = new double[Classes * Bands];
        for (int k = 0; k < Classes; k++)
        {
            double level = 0.4 + (0.4 * rng.NextDouble());
            for (int f = 0; f < 4; f++)
            {
                double centre = rng.NextDouble() * Bands, width = 3 + (15 * rng.NextDouble()), depth = 0.05 + (0.2 * rng.NextDouble());
                for (int i = 0; i < Bands; i++)
                {
                    e[(k * Bands) + i] -= depth * Math.Exp(-0.5 * Math.Pow((i - centre) / width, 2));
                }
            }

            for (int i = 0; i < Bands; i++)
            {
                e[(k * Bands) + i] += level;
            }
        }

        return e;
    }
}

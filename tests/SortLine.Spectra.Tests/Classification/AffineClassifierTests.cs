using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;
using SortLine.Testing;

namespace SortLine.Spectra.Tests.Classification;

public sealed class AffineClassifierTests
{
    /// <summary>Band counts around every vector width (4, 8, 16 floats) plus the SWIR line size and a long spectrum.</summary>
    public static TheoryData<int, int> SimdShapes()
    {
        var data = new TheoryData<int, int>();
        foreach (int bands in new[] { 0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 19, 31, 32, 33, 35, 288, 384 * 288 })
        {
            foreach (int classes in new[] { 1, 4, 5, 9 })
            {
                if (bands < 1000 || classes == 5)
                {
                    data.Add(bands, classes);
                }
            }
        }

        return data;
    }

    /// <summary>
    /// Vector and scalar paths agree within 2·(n + 3)·2⁻²⁴·(|d_j| + Σᵢ |W_ji (xᵢ − cᵢ)|), twice the worst-case
    /// float rounding bound of each (n = band count), as the XML docs state.
    /// </summary>
    [Theory]
    [Trait("Category", "Simd")]
    [MemberData(nameof(SimdShapes))]
    public void Predict_VectorAndScalar_AgreeWithinFloatBound(int bands, int classes)
    {
        var rng = new Random((bands * 31) + classes);
        AffineModel model = RandomModel(rng, bands, classes);
        var classifier = new AffineClassifier(model);
        float[] x = RandomSpectrum(rng, bands);
        var vector = new float[classes];
        var scalar = new float[classes];

        bool vectorized = classifier.TryPredictVector(x, vector);
        classifier.PredictScalar(x, scalar);

        if (!vectorized)
        {
            Assert.Equal(0, classifier.VectorWidth); // the dispatcher fell back: nothing else to compare
            return;
        }

        for (int j = 0; j < classes; j++)
        {
            double magnitude = Math.Abs(model.CenterOutput[j]);
            for (int i = 0; i < bands; i++)
            {
                magnitude += Math.Abs(model.Weights[j, i] * (x[i] - model.Center[i]));
            }

            double bound = 2 * (bands + 3) * Math.Pow(2, -24) * magnitude;
            Assert.True(Math.Abs(vector[j] - scalar[j]) <= bound, $"bands {bands} class {j}: vector {vector[j]:R} scalar {scalar[j]:R} bound {bound:E3}");
        }
    }

    [Fact]
    [Trait("Category", "Simd")]
    public void ClassifyLine_SwirLine_EqualsPerPixelScalarWhereMarginExceedsBound()
    {
        const int Pixels = 384, Bands = 288, Classes = 5;
        var rng = new Random(384288);
        var classifier = new AffineClassifier(RandomModel(rng, Bands, Classes));
        var line = new float[Pixels * Bands];
        for (int r = 0; r < Pixels; r++)
        {
            RandomSpectrum(rng, Bands).CopyTo(line, r * Bands);
        }

        var ids = new int[Pixels];
        classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(line, Pixels, Bands), ids, new float[Classes]);

        int compared = 0;
        var scores = new float[Classes];
        for (int r = 0; r < Pixels; r++)
        {
            classifier.PredictScalar(line.AsSpan(r * Bands, Bands), scores);
            float[] sorted = scores.OrderDescending().ToArray();
            if (sorted[0] - sorted[1] > 1e-3f * Math.Max(1f, Math.Abs(sorted[0])))
            {
                Assert.Equal(AffineClassifier.ArgMax(scores), ids[r]);
                compared++;
            }
        }

        Assert.True(compared > Pixels * 9 / 10, $"only {compared} pixels had a clear margin");
    }

    [Theory]
    [InlineData(3, float.NaN)]
    [InlineData(288, float.NaN)]
    [InlineData(3, float.PositiveInfinity)]
    [InlineData(288, float.NegativeInfinity)]
    public void Classify_NonFiniteBand_ReturnsNoClass(int bands, float bad)
    {
        var rng = new Random(bands);
        var classifier = new AffineClassifier(RandomModel(rng, bands, 5));
        float[] x = RandomSpectrum(rng, bands);
        x[bands / 2] = bad;

        int id = classifier.Classify(x, new float[5]);

        Assert.Equal(AffineClassifier.NoClass, id);
    }

    [Fact]
    public void Classify_ExactTie_ReturnsLowestClass()
    {
        // Classes 1 and 2 have identical rows and beat class 0 for a positive spectrum.
        double[] w = [0, 0, 0, 1, 2, 3, 1, 2, 3];
        var classifier = new AffineClassifier(AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, 3, 3), [0.0, 0, 0]));

        int id = classifier.Classify([1f, 1f, 1f], new float[3]);

        Assert.Equal(1, id);
    }

    [Fact]
    public void Predict_KnownModel_EqualsWxPlusB()
    {
        double[] w = [1, 2, 3, -1, 0, 0.5];
        var classifier = new AffineClassifier(AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, 2, 3), [0.25, -4]));
        var scores = new float[2];

        classifier.Predict([1f, 1f, 2f], scores);

        Assert.Equal([9.25f, -4f], scores);
    }

    [Fact]
    public void Classify_ScratchTooShort_ThrowsNamingScratch()
    {
        var classifier = new AffineClassifier(RandomModel(new Random(1), 8, 5));

        var ex = Assert.Throws<ArgumentException>(() => classifier.Classify(new float[8], new float[4]));

        Assert.Equal("scoresScratch", ex.ParamName);
    }

    [Fact]
    public void ClassifyLine_WrongBandCount_ThrowsNamingLine()
    {
        var classifier = new AffineClassifier(RandomModel(new Random(1), 8, 5));

        var ex = Assert.Throws<ArgumentException>(() =>
            classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(new float[18], 2, 9), new int[2], new float[5]));

        Assert.Equal("line", ex.ParamName);
    }

    [Fact]
    public void ClassifyLine_AfterWarmUp_AllocatesNothing()
    {
        var classifier = new AffineClassifier(RandomModel(new Random(2), 288, 5));
        var line = new float[384 * 288];
        var ids = new int[384];
        var scratch = new float[5];

        AllocationAssert.NoAllocations(() => classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(line, 384, 288), ids, scratch));
    }

    private static AffineModel RandomModel(Random rng, int bands, int classes)
    {
        var w = new double[classes * bands];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = (rng.NextDouble() * 2) - 1;
        }

        var center = new double[bands];
        for (int i = 0; i < bands; i++)
        {
            center[i] = 0.3 + (0.4 * rng.NextDouble());
        }

        var offset = new double[classes];
        for (int j = 0; j < classes; j++)
        {
            offset[j] = rng.NextDouble();
        }

        return AffineModel.Create(new ReadOnlyMatrixSpan<double>(w, classes, bands), center, offset);
    }

    private static float[] RandomSpectrum(Random rng, int bands)
    {
        var x = new float[bands];
        for (int i = 0; i < bands; i++)
        {
            x[i] = (float)rng.NextDouble();
        }

        return x;
    }
}

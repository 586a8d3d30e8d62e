using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Tests.Regression;

public sealed class PlsDiscriminantTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(17, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    [InlineData(10, false)]
    [InlineData(17, false)]
    public void Classify_UsgsMixtures_ClassesIdenticalToScikitLearn(int components, bool scale)
    {
        int[] expected = Array.ConvertAll(GoldenFile.ReadVector($"pls/{PlsGolden.CaseName("da", components, scale)}_classes.csv"), v => (int)v);
        PlsDiscriminantModel model = FitGolden(components, scale);
        var x = PlsGolden.XTest;
        var actual = new int[x.Rows];

        model.Classify(new ReadOnlyMatrixSpan<double>(x.Data, x.Rows, x.Columns), actual);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(17, true)]
    [InlineData(17, false)]
    public void ToClassifier_UsgsMixtures_FloatLineClassesIdenticalToScikitLearn(int components, bool scale)
    {
        int[] expected = Array.ConvertAll(GoldenFile.ReadVector($"pls/{PlsGolden.CaseName("da", components, scale)}_classes.csv"), v => (int)v);
        AffineClassifier classifier = FitGolden(components, scale).ToClassifier();
        var x = PlsGolden.XTest;
        float[] line = Array.ConvertAll(x.Data, v => (float)v);
        var actual = new int[x.Rows];

        classifier.ClassifyLine(new ReadOnlyMatrixSpan<float>(line, x.Rows, x.Columns), actual, new float[classifier.ClassCount]);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void CrossValidate_ContiguousFolds_CurveMatchesScikitLearnKFold()
    {
        int[] expected = Array.ConvertAll(GoldenFile.ReadVector("pls/cv_contiguous.csv"), v => (int)v);
        var x = PlsGolden.XTrain;
        int[] labels = PlsGolden.LabelsTrain;
        int[] folds = CrossValidationFolds.Contiguous(x.Rows, 5);

        PlsCrossValidation cv = PlsDiscriminant.CrossValidate(new ReadOnlyMatrixSpan<double>(x.Data, x.Rows, x.Columns), labels,
            PlsGolden.ClassCount, folds, new PlsOptions { Components = expected.Length });

        Assert.Equal(expected, cv.Misclassified.ToArray());
        Assert.Equal(Array.IndexOf(expected, expected.Min()) + 1, cv.BestComponents);
        Assert.Equal((double)expected[0] / x.Rows, cv.MisclassificationRate[0]);
    }

    [Fact]
    public void CrossValidate_TiedMinimum_ChoosesFewerComponents()
    {
        // Two well-separated classes on a 3-band line: every A gives zero errors, so A = 1 must be chosen.
        double[] x = [0, 0, 1, 0.1, 0, 1, 0, 0.1, 1, 5, 5, 1, 5.1, 5, 1, 5, 5.1, 1, 0.05, 0.05, 1, 5.05, 5.05, 1];
        int[] labels = [0, 0, 0, 1, 1, 1, 0, 1];
        int[] folds = [0, 1, 0, 1, 0, 1, 1, 0];

        PlsCrossValidation cv = PlsDiscriminant.CrossValidate(new ReadOnlyMatrixSpan<double>(x, 8, 3), labels, 2, folds,
            new PlsOptions { Components = 2 });

        Assert.Equal([0, 0], cv.Misclassified.ToArray());
        Assert.Equal(1, cv.BestComponents);
    }

    [Fact]
    public void Stratified_SameSeed_SameFoldsAndBalancedClasses()
    {
        int[] labels = PlsGolden.LabelsTrain;

        int[] a = CrossValidationFolds.Stratified(labels, PlsGolden.ClassCount, 5, seed: 42);
        int[] b = CrossValidationFolds.Stratified(labels, PlsGolden.ClassCount, 5, seed: 42);
        int[] c = CrossValidationFolds.Stratified(labels, PlsGolden.ClassCount, 5, seed: 43);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        for (int k = 0; k < PlsGolden.ClassCount; k++)
        {
            int[] perFold = new int[5];
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] == k)
                {
                    perFold[a[i]]++;
                }
            }

            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {k}: {string.Join(",", perFold)}");
        }

        int[] sizes = Enumerable.Range(0, 5).Select(f => a.Count(v => v == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void Contiguous_ElevenSamplesThreeFolds_FirstFoldsOneLarger()
    {
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2], CrossValidationFolds.Contiguous(11, 3));
    }

    [Fact]
    public void Fit_LabelOutOfRange_ThrowsNamingLabels()
    {
        double[] x = [0, 1, 2, 3, 4, 5];

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(x, 3, 2), [0, 1, 2], 2, new PlsOptions { Components = 1 }));

        Assert.Equal("labels", ex.ParamName);
    }

    [Fact]
    public void CrossValidate_EmptyFold_Throws()
    {
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7];

        var ex = Assert.Throws<ArgumentException>(() => PlsDiscriminant.CrossValidate(new ReadOnlyMatrixSpan<double>(x, 4, 2),
            [0, 1, 0, 1], 2, [0, 0, 2, 2], new PlsOptions { Components = 1 }));

        Assert.Equal("folds", ex.ParamName);
    }

    private static PlsDiscriminantModel FitGolden(int components, bool scale)
    {
        var x = PlsGolden.XTrain;
        return PlsDiscriminant.Fit(new ReadOnlyMatrixSpan<double>(x.Data, x.Rows, x.Columns), PlsGolden.LabelsTrain,
            PlsGolden.ClassCount, new PlsOptions { Components = components, Scale = scale });
    }
}

using SortLine.Learning.Student;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Spectra;
using Xunit.Abstractions;

namespace SortLine.Learning.Tests.Student;

/// <summary>
/// Golden evidence on real data: PLS-DA on the Jasper Ridge AVIRIS scene against scikit-learn 1.2.1
/// (tests/golden/generators/learning.py). Same preprocessing, the same seeded 10 % stratified training pixels
/// (jasper_train_indices.csv), a fixed number of components; accuracy on the other 9,000 pixels.
/// </summary>
public class StudentTrainerJasperTests(ITestOutputHelper output)
{
    private static (double[] X, int[] Y, int[] TestPixels, int[] Train) Split()
    {
        JasperRidge scene = JasperRidge.Scene;
        int[] train = GoldenFile.ReadInts("learning/jasper_train_indices.csv");
        int bands = scene.Bands;
        var x = new double[train.Length * bands];
        var y = new int[train.Length];
        for (int i = 0; i < train.Length; i++)
        {
            scene.Spectra.AsSpan(train[i] * bands, bands).CopyTo(x.AsSpan(i * bands, bands));
            y[i] = scene.Labels[train[i]];
        }

        var inTrain = new HashSet<int>(train);
        int[] test = Enumerable.Range(0, scene.Pixels).Where(p => !inTrain.Contains(p)).ToArray();
        return (x, y, test, train);
    }

    private static StudentEvaluation EvaluateOn(StudentFit fit, int[] pixels, out int[] predicted)
    {
        JasperRidge scene = JasperRidge.Scene;
        var all = new ReadOnlyMatrixSpan<double>(scene.Spectra, scene.Pixels, scene.Bands);
        predicted = StudentTrainer.Classify(fit.Model, all);
        int[] p = predicted;
        return StudentEvaluation.Score(pixels.Select(i => p[i]).ToArray(), pixels.Select(i => scene.Labels[i]).ToArray(), 4);
    }

    [Fact]
    public void Preprocessing_MatchesScipyAndSpy()
    {
        JasperRidge scene = JasperRidge.Scene;
        var (probe, rows, columns) = GoldenFile.ReadMatrix("learning/jasper_preprocessed_probe.csv");

        Assert.Equal(scene.Bands + 1, columns);
        for (int r = 0; r < rows; r++)
        {
            int pixel = (int)probe[r * columns];
            for (int b = 0; b < scene.Bands; b++)
            {
                Assert.Equal(probe[(r * columns) + 1 + b], scene.Spectra[(pixel * scene.Bands) + b], 1e-9);
            }
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(17)]
    public void Fit_FixedComponents_AccuracyWithinHalfAPointOfScikitLearn(int components)
    {
        var (x, y, test, _) = Split();
        double sklearnAccuracy = GoldenFile.ReadJson("learning/jasper_cases.json").GetProperty("pls").GetProperty($"{components}").GetProperty("test_accuracy").GetDouble();
        int[] sklearnPredicted = GoldenFile.ReadInts($"learning/jasper_pls{components}_predicted.csv");

        StudentFit fit = StudentTrainer.Fit(new ReadOnlyMatrixSpan<double>(x, y.Length, JasperRidge.Scene.Bands), y, JasperRidge.ClassNames,
            new StudentTrainerOptions { Components = components });
        StudentEvaluation evaluation = EvaluateOn(fit, test, out int[] predicted);

        double agreement = predicted.Zip(sklearnPredicted).Count(p => p.First == p.Second) / (double)predicted.Length;
        output.WriteLine($"A = {components}: C# test accuracy {evaluation.Accuracy:P3}, scikit-learn {sklearnAccuracy:P3}, per-pixel agreement {agreement:P3}");
        Assert.Equal(components, fit.Components);
        Assert.Equal(1000, fit.TrainingCount);
        Assert.Equal(9000, evaluation.Count);
        Assert.True(Math.Abs(evaluation.Accuracy - sklearnAccuracy) <= 0.005, $"C# {evaluation.Accuracy} vs scikit-learn {sklearnAccuracy}");
        Assert.True(agreement >= 0.995, $"agreement {agreement}");
    }

    [Fact]
    public void Fit_CrossValidated_BeatsThePcaKMeansBaseline()
    {
        var (x, y, test, _) = Split();
        JasperRidge scene = JasperRidge.Scene;
        var all = new ReadOnlyMatrixSpan<double>(scene.Spectra, scene.Pixels, scene.Bands);

        StudentFit fit = StudentTrainer.Fit(new ReadOnlyMatrixSpan<double>(x, y.Length, scene.Bands), y, JasperRidge.ClassNames);
        StudentEvaluation student = EvaluateOn(fit, test, out _);
        var baselineModel = SwirPcaKMeansBaseline.Fit(all, clusterCount: 4, seed: 1);
        StudentEvaluation baseline = baselineModel.Score(all, scene.Labels, 4);

        output.WriteLine($"student: A = {fit.Components} by 5-fold CV (curve min {fit.CrossValidationErrorRate.Min():P2}), test {student}");
        output.WriteLine($"baseline: PCA {baselineModel.ComponentCount} components ({baselineModel.ExplainedVarianceRatio:P2}) + k-means, all pixels {baseline}");
        Assert.Equal(30, fit.CrossValidationErrorRate.Count);
        Assert.Equal(fit.CrossValidationErrorRate.Min(), fit.CrossValidationErrorRate[fit.Components - 1]);
        Assert.True(student.Accuracy > baseline.Accuracy + 0.05, $"student {student.Accuracy} vs baseline {baseline.Accuracy}");
    }

    [Fact]
    public void Baseline_Jasper_Keeps98PercentVarianceWithScikitLearnsComponentCount()
    {
        JasperRidge scene = JasperRidge.Scene;
        var expected = GoldenFile.ReadJson("learning/jasper_cases.json").GetProperty("baseline_pca_kmeans");

        var baseline = SwirPcaKMeansBaseline.Fit(new ReadOnlyMatrixSpan<double>(scene.Spectra, scene.Pixels, scene.Bands), 4);

        Assert.Equal(expected.GetProperty("pca_components").GetInt32(), baseline.ComponentCount);
        // 1e-5: two of the 10,000 pixels have a smoothed band-0 reflectance within 1e-17 of zero, whose sign (and so its
        // hull quotient, 0 or 1) differs between SciPy's and SortLine's Savitzky-Golay rounding.
        Assert.Equal(expected.GetProperty("explained_variance_ratio").GetDouble(), baseline.ExplainedVarianceRatio, 1e-5);
    }
}

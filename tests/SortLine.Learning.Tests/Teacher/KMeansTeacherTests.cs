using Xunit.Abstractions;
using SortLine.Learning.Teacher;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Spectra;

namespace SortLine.Learning.Tests.Teacher;

public class KMeansTeacherTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_SyntheticPureMinerals_RecoversTheMineralsAtLeast95Percent()
    {
        var (features, truth, rows, extractor) = TeacherData.Batch(seed: 100, perClass: 60);

        TeacherFit fit = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements);

        double accuracy = truth.Zip(fit.MineralLabels).Count(p => p.First == p.Second) / (double)rows;
        output.WriteLine($"teacher training accuracy {accuracy:P2} on {rows} synthetic points");
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy:P2}");
        Assert.Equal(SyntheticLibs.MineralNames, fit.Model.MineralNames);
    }

    [Fact]
    public void Label_NewPoints_NearestCentroidAccuracyAtLeast95Percent()
    {
        var (features, _, rows, extractor) = TeacherData.Batch(seed: 200, perClass: 60);
        TeacherModel model = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements).Model;
        var (testFeatures, testTruth, testRows, _) = TeacherData.Batch(seed: 201, perClass: 40);

        int correct = 0;
        for (int i = 0; i < testRows; i++)
        {
            TeacherLabel label = model.Label(testFeatures.AsSpan(i * model.FeatureCount, model.FeatureCount));
            correct += label.Mineral == testTruth[i] ? 1 : 0;
            Assert.InRange(label.Confidence, 0, 1);
        }

        output.WriteLine($"teacher nearest-centroid accuracy {correct}/{testRows} on new synthetic points");
        Assert.True(correct / (double)testRows >= 0.95, $"test accuracy {correct}/{testRows}");
    }

    [Fact]
    public void Fit_KnowledgeInitialisation_EachClusterCentroidShowsItsMineralsElements()
    {
        var (features, _, rows, extractor) = TeacherData.Batch(seed: 300, perClass: 40);

        TeacherModel model = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements).Model;

        double[] knowledge = MineralTable.Default.BuildCentroids(extractor.Elements);
        int d = model.FeatureCount;
        for (int i = 0; i < model.ClusterCount; i++)
        {
            Assert.Equal(i, model.ClusterMinerals[i]);
            for (int j = 0; j < d; j++)
            {
                // A mineral's own elements end up clearly present (> 0.25 of the batch maximum), the others absent (< 0.05).
                double value = model.Centroids[i, j];
                if (knowledge[(i * d) + j] == 1.0)
                {
                    Assert.True(value > 0.25, $"{model.MineralNames[i]} {model.Elements[j]} = {value}");
                }
                else
                {
                    Assert.True(Math.Abs(value) < 0.05, $"{model.MineralNames[i]} {model.Elements[j]} = {value}");
                }
            }
        }
    }

    [Fact]
    public void Fit_PermutedMineralTable_ClassesFollowTheTableOrder()
    {
        var (features, truth, rows, extractor) = TeacherData.Batch(seed: 400, perClass: 40);
        MineralTable reversed = new([.. MineralTable.Default.Minerals.Reverse()]);

        TeacherFit fit = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements, reversed);

        int classes = reversed.Count;
        double accuracy = truth.Zip(fit.MineralLabels).Count(p => classes - 1 - p.First == p.Second) / (double)rows;
        Assert.True(accuracy >= 0.95, $"accuracy {accuracy:P2}");
        Assert.Equal("background", fit.Model.MineralNames[0]);
    }

    [Fact]
    public void Fit_ElbowSelection_ChoosesKAndNamesEveryClusterByNearestKnowledge()
    {
        var (features, truth, rows, extractor) = TeacherData.Batch(seed: 500, perClass: 40);
        var options = new TeacherOptions { ClusterCountSelection = ClusterCountSelection.Elbow, ElbowMinClusters = 1, ElbowMaxClusters = 9, Seed = 3 };

        TeacherFit fit = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements, options: options);

        Assert.Equal(9, fit.ElbowInertias.Count);
        Assert.InRange(fit.Model.ClusterCount, 4, 6);
        double accuracy = truth.Zip(fit.MineralLabels).Count(p => p.First == p.Second) / (double)rows;
        output.WriteLine($"elbow k = {fit.Model.ClusterCount}, accuracy {accuracy:P2}");
        Assert.True(accuracy >= 0.75, $"accuracy {accuracy:P2} with k = {fit.Model.ClusterCount}");
    }

    [Fact]
    public void Fit_TooFewPoints_Throws()
    {
        var (features, _, _, extractor) = TeacherData.Batch(seed: 600, perClass: 1);

        Assert.Throws<ArgumentException>(() =>
            KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, 4, extractor.FeatureCount), extractor.Elements));
    }

    [Fact]
    public void Fit_ElementCountMismatch_Throws()
    {
        var (features, _, rows, extractor) = TeacherData.Batch(seed: 601, perClass: 2);

        Assert.Throws<ArgumentException>(() =>
            KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), ["Al", "K"]));
    }
}

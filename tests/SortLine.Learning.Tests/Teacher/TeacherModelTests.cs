using SortLine.Learning.Teacher;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Spectra;

namespace SortLine.Learning.Tests.Teacher;

public class TeacherModelTests
{
    private static TeacherModel TwoMineralModel() => TeacherModel.Create(
        ["Si", "Na"], ["quartz", "albite"], [10.0, 4.0],
        new ReadOnlyMatrixSpan<double>([1.0, 0.0, 1.0, 1.0], 2, 2), [0, 1], trainingSampleCount: 7, inertia: 0.5);

    [Fact]
    public void Label_OnACentroid_ConfidenceOneDistanceZero()
    {
        TeacherModel model = TwoMineralModel();

        TeacherLabel label = model.Label([10.0, 4.0]); // scaled (1, 1) = albite's centroid

        Assert.Equal(1, label.Mineral);
        Assert.Equal(0, label.Distance, 12);
        Assert.Equal(1, label.Confidence, 12);
    }

    [Fact]
    public void Label_MidwayBetweenMinerals_ConfidenceNearZero()
    {
        TeacherModel model = TwoMineralModel();

        TeacherLabel label = model.Label([10.0, 2.0 + 1e-9]); // scaled (1, 0.5): equidistant

        Assert.Equal(0, label.Confidence, 6);
    }

    [Fact]
    public void Label_AnalyticPoint_DistanceAndConfidenceMatch()
    {
        TeacherModel model = TwoMineralModel();

        TeacherLabel label = model.Label([7.0, 0.8]); // scaled (0.7, 0.2): d1 = √(0.09 + 0.04), d2 = √(0.09 + 0.64)

        double d1 = Math.Sqrt(0.13), d2 = Math.Sqrt(0.73);
        Assert.Equal(0, label.Mineral);
        Assert.Equal(d1, label.Distance, 12);
        Assert.Equal((d2 - d1) / (d2 + d1), label.Confidence, 12);
    }

    [Fact]
    public void Label_AllClustersOneMineral_ConfidenceOne()
    {
        TeacherModel model = TeacherModel.Create(["Si"], ["quartz", "albite"], [1.0],
            new ReadOnlyMatrixSpan<double>([0.0, 1.0], 2, 1), [0, 0], 2, 0);

        Assert.Equal(1.0, model.Label([0.4]).Confidence);
    }

    [Fact]
    public void Label_WrongLengthOrNaN_Throws()
    {
        TeacherModel model = TwoMineralModel();

        Assert.Throws<ArgumentException>(() => model.Label([1.0]));
        Assert.Throws<ArgumentException>(() => model.Label([double.NaN, 1.0]));
    }

    [Fact]
    public void ToJson_FromJson_RoundTripsExactly()
    {
        var (features, _, rows, extractor) = TeacherData.Batch(seed: 700, perClass: 20);
        TeacherModel model = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(features, rows, extractor.FeatureCount), extractor.Elements).Model;

        TeacherModel copy = TeacherModel.FromJson(model.ToJson());

        Assert.Equal(model.Elements, copy.Elements);
        Assert.Equal(model.MineralNames, copy.MineralNames);
        Assert.Equal(model.MaxAbs.ToArray(), copy.MaxAbs.ToArray());
        Assert.Equal(model.Centroids.Span.ToArray(), copy.Centroids.Span.ToArray());
        Assert.Equal(model.ClusterMinerals.ToArray(), copy.ClusterMinerals.ToArray());
        Assert.Equal(model.TrainingSampleCount, copy.TrainingSampleCount);
        Assert.Equal(model.Inertia, copy.Inertia);
        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<double> x = features.AsSpan(i * model.FeatureCount, model.FeatureCount);
            Assert.Equal(model.Label(x), copy.Label(x));
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\":\"other\",\"version\":1}")]
    [InlineData("{\"format\":\"sortline-libs-teacher\",\"version\":2}")]
    [InlineData("{\"format\":\"sortline-libs-teacher\",\"version\":1,\"elements\":[\"Si\"]}")]
    public void FromJson_Invalid_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => TeacherModel.FromJson(json));
    }

    [Fact]
    public void FromJson_ClusterMineralOutOfRange_ThrowsFormatException()
    {
        string json = TwoMineralModel().ToJson().Replace("\"clusterMinerals\": [\n    0,\n    1\n  ]", "\"clusterMinerals\": [0, 5]", StringComparison.Ordinal);
        Assert.Contains("[0, 5]", json, StringComparison.Ordinal);

        Assert.Throws<FormatException>(() => TeacherModel.FromJson(json));
    }

    [Fact]
    public void Create_DuplicateElement_Throws()
    {
        Assert.Throws<ArgumentException>(() => TeacherModel.Create(["Si", "Si"], ["a"], [1.0, 1.0],
            new ReadOnlyMatrixSpan<double>([0.0, 0.0], 1, 2), [0], 1, 0));
    }
}

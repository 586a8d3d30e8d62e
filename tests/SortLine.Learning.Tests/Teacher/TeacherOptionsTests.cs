using SortLine.Learning.Teacher;

namespace SortLine.Learning.Tests.Teacher;

public class TeacherOptionsTests
{
    [Fact]
    public void Defaults_AreTheMethodsBriefValues()
    {
        var options = new TeacherOptions();

        Assert.Equal(1e5, options.AlsLambda);
        Assert.Equal(0.01, options.AlsAsymmetry);
        Assert.Equal(10, options.AlsIterations);
        Assert.Equal(17, options.Lines.Count);
        Assert.Equal(ClusterCountSelection.Knowledge, options.ClusterCountSelection);
        Assert.True(options.DropUncoveredLines);
    }

    [Fact]
    public void Setters_OutOfRange_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { AlsLambda = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { AlsAsymmetry = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { AlsIterations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { LineHalfWindowNm = double.NaN });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { EmissionThresholdSigma = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { MinEmissionChannels = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeacherOptions { FeatureKind = (LineFeatureKind)7 });
        Assert.Throws<ArgumentException>(() => new TeacherOptions { Lines = [] });
    }

    [Fact]
    public void Validate_ElbowRangeInverted_Throws()
    {
        var options = new TeacherOptions { ElbowMinClusters = 6, ElbowMaxClusters = 3 };

        Assert.Throws<ArgumentException>(options.Validate);
    }
}

using SortLine.Learning.Teacher;

namespace SortLine.Learning.Tests.Teacher;

public class MineralTableTests
{
    [Fact]
    public void BuildCentroids_DefaultTable_OneWhereTheMineralShowsTheElement()
    {
        double[] c = MineralTable.Default.BuildCentroids(["Al", "K", "Li", "Na", "Si", "Rb"]);

        Assert.Equal(new double[]
        {
            1, 1, 1, 0, 1, 1, // lepidolite: Li, Rb, K, Al, Si
            1, 0, 0, 1, 1, 0, // albite: Na, Al, Si
            0, 0, 0, 0, 1, 0, // quartz: Si
            1, 1, 0, 0, 1, 0, // muscovite: K, Al, Si
            0, 0, 0, 0, 0, 0, // background
        }, c);
    }

    [Fact]
    public void BuildCentroids_ElementNotAFeature_Ignored()
    {
        double[] c = MineralTable.Default.BuildCentroids(["Si"]);

        Assert.Equal([1.0, 1.0, 1.0, 1.0, 0.0], c);
    }

    [Fact]
    public void Constructor_RepeatedName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MineralTable([new Mineral("quartz", ["Si"]), new Mineral("quartz", [])]));
    }

    [Fact]
    public void Constructor_BlankElement_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MineralTable([new Mineral("quartz", [" "])]));
    }

    [Fact]
    public void Constructor_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => new MineralTable([]));
    }
}

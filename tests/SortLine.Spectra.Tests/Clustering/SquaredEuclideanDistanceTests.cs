using SortLine.Spectra.Clustering;

namespace SortLine.Spectra.Tests.Clustering;

[Trait("Category", "Simd")]
public sealed class SquaredEuclideanDistanceTests
{
    // 0, 1, V-1, V, V+1 and 2V+3 for V = 2, 4 and 8 doubles (Vector128/256/512), a SWIR spectrum and a SWIR line.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(11)]
    [InlineData(17)]
    [InlineData(19)]
    [InlineData(288)]
    [InlineData(384 * 288)]
    public void Compute_AnyLength_MatchesScalarReference(int length)
    {
        var random = new Random(length);
        double[] x = Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] y = Enumerable.Range(0, length).Select(_ => random.NextDouble() * 2).ToArray();

        double actual = SquaredEuclideanDistance.Compute(x, y);
        double expected = SquaredEuclideanDistance.ComputeScalar(x, y);

        Assert.InRange(actual, expected * (1 - 1e-12), expected * (1 + 1e-12));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(288)]
    public void Compute_UnitOffsetInEveryElement_ReturnsLength(int length)
    {
        double[] x = Enumerable.Repeat(0.25, length).ToArray();
        double[] y = Enumerable.Repeat(1.25, length).ToArray();

        double actual = SquaredEuclideanDistance.Compute(x, y);

        Assert.Equal(length, actual);
    }

    [Fact]
    public void Compute_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => SquaredEuclideanDistance.Compute(new double[3], new double[4]));
    }
}

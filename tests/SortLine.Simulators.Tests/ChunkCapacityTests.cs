using SortLine.Simulators.Belt;

namespace SortLine.Simulators.Tests;

public sealed class ChunkCapacityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(911)]
    [InlineData(100_000)]
    public void WithHeadroom_AnyCount_IsAMultipleOf64AtLeastOneAndAHalfTimesIt(int count)
    {
        int size = ChunkCapacity.WithHeadroom(count);

        Assert.Equal(0, size % 64);
        Assert.True(size >= count * 1.5, $"{size} < 1.5 × {count}");
        Assert.True(size < (count * 1.5) + 64, $"{size} has more than one block of slack over 1.5 × {count}");
    }

    [Fact]
    public void Observe_ChunksWithinTheSizes_DoNotRaiseThem()
    {
        var capacity = new ChunkCapacity();
        capacity.Observe(900, 1000, 2000);
        (int p, int g, int b) = (capacity.Particles, capacity.Grains, capacity.BinItems);

        capacity.Observe(1200, 1400, 2900); // larger than before, but within the 1.5× headroom

        Assert.Equal((ChunkCapacity.WithHeadroom(900), ChunkCapacity.WithHeadroom(1000), ChunkCapacity.WithHeadroom(2000)), (p, g, b));
        Assert.Equal((p, g, b), (capacity.Particles, capacity.Grains, capacity.BinItems));
    }

    [Fact]
    public void Observe_ChunkOutgrowingASize_RaisesOnlyThatSize()
    {
        var capacity = new ChunkCapacity();
        capacity.Observe(900, 1000, 2000);
        int grains = capacity.Grains;
        int bins = capacity.BinItems;

        capacity.Observe(1500, 10, 10);

        Assert.Equal(ChunkCapacity.WithHeadroom(1500), capacity.Particles);
        Assert.Equal((grains, bins), (capacity.Grains, capacity.BinItems));
    }
}

using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Tests;

public sealed class SwirLineRendererTests
{
    [Theory]
    [Trait("Category", "Simd")]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(19)]
    [InlineData(288)]
    [InlineData(384 * 288)]
    public void Render_VectorAndScalar_BitIdentical(int length)
    {
        var random = new Random(length);
        float[] reflectance = Fill(random, length, 0, 1.2f);
        float[] dark = Fill(random, length, 0, 500);
        float[] gain = Fill(random, length, 0, 3500);
        float[] noise = Fill(random, length, -5, 5);
        var model = new DetectorModel(1.01f, 10f, 36f, 4095f);
        var expected = new ushort[length];
        var actual = new ushort[length];

        SwirLineRenderer.RenderScalar(reflectance, dark, gain, noise, model, expected);
        SwirLineRenderer.Render(reflectance, dark, gain, noise, model, actual);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Render_OverRange_ClipsToMaxCount()
    {
        var model = new DetectorModel(1f, 10f, 0f, 4095f);
        var destination = new ushort[16];
        SwirLineRenderer.Render(Enumerable.Repeat(2f, 16).ToArray(), new float[16], Enumerable.Repeat(4000f, 16).ToArray(), new float[16], model, destination);
        Assert.All(destination, d => Assert.Equal(4095, d));
    }

    private static float[] Fill(Random random, int length, float min, float max)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = min + ((max - min) * random.NextSingle());
        }

        return values;
    }
}

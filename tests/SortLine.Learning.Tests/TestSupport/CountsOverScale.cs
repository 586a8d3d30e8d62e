using SortLine.Learning.Pairing;

namespace SortLine.Learning.Tests.TestSupport;

/// <summary>A pixel preprocessing that is easy to check by hand: spectrum = counts / scale + offset × pixel.</summary>
internal sealed class CountsOverScale(int pixels, int bands, float scale, float pixelOffset = 0) : ISwirPixelPreprocessor
{
    public int Pixels => pixels;

    public int Bands => bands;

    public int ScratchLength => 1;

    public int HullScratchLength => 1;

    public int Calls { get; private set; }

    public void PreprocessPixel(int pixel, ReadOnlySpan<ushort> rawPixel, Span<float> spectrum, Span<float> scratch, Span<int> hullScratch)
    {
        Assert.True(scratch.Length >= ScratchLength && hullScratch.Length >= HullScratchLength, "the history passes the scratch it was asked for");
        Calls++;
        for (int b = 0; b < rawPixel.Length; b++)
        {
            spectrum[b] = (rawPixel[b] / scale) + (pixelOffset * pixel);
        }
    }
}

using SortLine.Learning.Pairing;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Service.Line;

namespace SortLine.Service.Tests.Line;

public sealed class PairingHistoryTests
{
    [Fact]
    public async Task Append_LearningSideHoldsHistory_SkipsWithoutWaiting()
    {
        var history = new PairingHistory();
        history.Start(4, pixels: 2, bands: 3);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task learner = Task.Factory.StartNew(() => history.TryUse(0, (_, _) =>
        {
            holding.Set();
            release.Wait();
        }), TaskCreationOptions.LongRunning);
        holding.Wait();

        bool appended = history.Append(new ushort[6], new SampleStamp(0, new EncoderPosition(0), 0), new bool[2], new HalvingPreprocessor(2, 3));
        release.Set();
        await learner;

        Assert.False(appended);
        long count = -1;
        history.TryUse(0, (h, _) => count = h.AppendedCount);
        Assert.Equal(0, count);
    }

    [Fact]
    public void Append_Free_AppendsLine()
    {
        var history = new PairingHistory();
        history.Start(4, pixels: 2, bands: 3);

        bool appended = history.Append([1, 2, 3, 4, 5, 6], new SampleStamp(0, new EncoderPosition(0), 0), [true, false], new HalvingPreprocessor(2, 3));

        Assert.True(appended);
        float[] spectrum = [];
        history.TryUse(0, (h, _) => spectrum = h.GetSpectrum(0, 1).ToArray());
        Assert.Equal([2f, 2.5f, 3f], spectrum); // pixel 1's raw counts, preprocessed on demand by the line's preprocessor
    }

    /// <summary>A preprocessing that is easy to check by hand: counts / 2.</summary>
    private sealed class HalvingPreprocessor(int pixels, int bands) : ISwirPixelPreprocessor
    {
        public int Pixels => pixels;

        public int Bands => bands;

        public int ScratchLength => 0;

        public int HullScratchLength => 0;

        public void PreprocessPixel(int pixel, ReadOnlySpan<ushort> rawPixel, Span<float> spectrum, Span<float> scratch, Span<int> hullScratch)
        {
            for (int b = 0; b < rawPixel.Length; b++)
            {
                spectrum[b] = rawPixel[b] / 2f;
            }
        }
    }
}

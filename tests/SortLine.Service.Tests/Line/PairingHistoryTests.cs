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

        bool appended = history.Append(new float[6], new SampleStamp(0, new EncoderPosition(0), 0), new bool[2]);
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

        bool appended = history.Append([1, 2, 3, 4, 5, 6], new SampleStamp(0, new EncoderPosition(0), 0), [true, false]);

        Assert.True(appended);
        float[] spectrum = [];
        history.TryUse(0, (h, _) => spectrum = h.GetSpectrum(0, 1).ToArray());
        Assert.Equal([4f, 5f, 6f], spectrum);
    }
}

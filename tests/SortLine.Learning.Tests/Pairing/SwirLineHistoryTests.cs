using SortLine.Learning.Pairing;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Testing;

namespace SortLine.Learning.Tests.Pairing;

public class SwirLineHistoryTests
{
    private const int Pixels = 3, Bands = 2;

    /// <summary>Line i holds value 1000 i + 10 pixel + band.</summary>
    private static float[] Line(int i)
    {
        var line = new float[Pixels * Bands];
        for (int p = 0; p < Pixels; p++)
        {
            for (int b = 0; b < Bands; b++)
            {
                line[(p * Bands) + b] = (1000 * i) + (10 * p) + b;
            }
        }

        return line;
    }

    private static SwirLineHistory Filled(int capacity, params long[] encoders)
    {
        var history = new SwirLineHistory(capacity, Pixels, Bands);
        for (int i = 0; i < encoders.Length; i++)
        {
            history.Append(Line(i), new SampleStamp(i, new EncoderPosition(encoders[i]), 100 * i));
        }

        return history;
    }

    [Fact]
    public void Append_MoreThanCapacity_KeepsTheNewestLines()
    {
        SwirLineHistory history = Filled(4, 100, 110, 120, 130, 140, 150);

        Assert.Equal(4, history.Count);
        Assert.Equal(2, history.OldestSequence);
        Assert.Equal(5, history.NewestSequence);
        Assert.False(history.Contains(1));
        Assert.Equal([4020f, 4021f], history.GetSpectrum(4, 2).ToArray());
        Assert.Equal(new EncoderPosition(150), history.GetStamp(5).Encoder);
    }

    [Theory]
    [InlineData(131, 3)]   // nearest is 130
    [InlineData(135, 4)]   // tie between 130 and 140: the later line
    [InlineData(124, 2)]   // nearest is 120 (the oldest held)
    [InlineData(150, 5)]
    [InlineData(154, 5)]   // beyond the newest, within the offset
    [InlineData(116, 2)]   // before the oldest, within the offset
    public void TryFindNearest_AfterWrap_FindsTheNearestLine(long encoder, long expected)
    {
        SwirLineHistory history = Filled(4, 100, 110, 120, 130, 140, 150);

        bool found = history.TryFindNearest(new EncoderPosition(encoder), 5, out long sequence, out PairingFailure failure);

        Assert.True(found);
        Assert.Equal(PairingFailure.None, failure);
        Assert.Equal(expected, sequence);
    }

    [Theory]
    [InlineData(100, PairingFailure.TooOld)]      // evicted by the wrap
    [InlineData(114, PairingFailure.TooOld)]
    [InlineData(156, PairingFailure.NotYetSeen)]
    public void TryFindNearest_OutsideTheHeldRange_FailsWithReason(long encoder, PairingFailure expected)
    {
        SwirLineHistory history = Filled(4, 100, 110, 120, 130, 140, 150);

        bool found = history.TryFindNearest(new EncoderPosition(encoder), 5, out long sequence, out PairingFailure failure);

        Assert.False(found);
        Assert.Equal(expected, failure);
        Assert.Equal(-1, sequence);
    }

    [Fact]
    public void TryFindNearest_InAGapOfDroppedLines_NoLineNearby()
    {
        SwirLineHistory history = Filled(8, 100, 110, 200, 210);

        Assert.False(history.TryFindNearest(new EncoderPosition(155), 10, out _, out PairingFailure failure));
        Assert.Equal(PairingFailure.NoLineNearby, failure);
    }

    [Fact]
    public void TryFindNearest_Empty_NotYetSeen()
    {
        var history = new SwirLineHistory(4, Pixels, Bands);

        Assert.False(history.TryFindNearest(new EncoderPosition(0), 1000, out _, out PairingFailure failure));
        Assert.Equal(PairingFailure.NotYetSeen, failure);
    }

    [Fact]
    public void TryFindNearest_StoppedBelt_TakesTheLatestLineAtThatPosition()
    {
        SwirLineHistory history = Filled(8, 100, 110, 110, 110, 120);

        Assert.True(history.TryFindNearest(new EncoderPosition(111), 5, out long sequence, out _));
        Assert.Equal(3, sequence);
    }

    [Fact]
    public void Append_EncoderGoesBackwards_Throws()
    {
        SwirLineHistory history = Filled(4, 100, 110);

        Assert.Throws<ArgumentException>(() => history.Append(Line(2), new SampleStamp(2, new EncoderPosition(105), 0)));
    }

    [Fact]
    public void GetSpectrum_OverwrittenLine_Throws()
    {
        SwirLineHistory history = Filled(2, 100, 110, 120);

        Assert.Throws<ArgumentOutOfRangeException>(() => history.GetSpectrum(0, 0));
    }

    [Fact]
    public void Append_AfterWarmUp_AllocatesNothing()
    {
        var history = new SwirLineHistory(16, 384, 288);
        var line = new float[384 * 288];
        var mask = new bool[384];
        int i = 0;

        // 40 appends per round wrap the 16-line ring, so the steady state includes wrap-around.
        AllocationAssert.NoAllocations(() =>
        {
            for (int k = 0; k < 40; k++, i++)
            {
                history.Append(line, new SampleStamp(i, new EncoderPosition(i * 10L), i), mask);
                history.TryFindNearest(new EncoderPosition(i * 5L), 10, out _, out _);
            }
        });
    }

    [Fact]
    public void RawLines_GetSpectrum_EachLineWithItsOwnPreprocessing()
    {
        var history = SwirLineHistory.ForRawLines(4, Pixels, Bands);
        var before = new CountsOverScale(Pixels, Bands, scale: 2);
        var after = new CountsOverScale(Pixels, Bands, scale: 4, pixelOffset: 1); // a recalibration between lines 1 and 2
        ushort[] raw = [10, 20, 30, 40, 50, 60];
        for (int i = 0; i < 4; i++)
        {
            history.AppendRaw(raw, new SampleStamp(i, new EncoderPosition(100 + (10 * i)), i), i < 2 ? before : after, [true, false, true]);
        }

        Assert.True(history.HoldsRawLines);
        Assert.Equal([15f, 20f], history.GetSpectrum(1, 1).ToArray());
        Assert.Equal([8.5f, 11f], history.GetSpectrum(2, 1).ToArray());
        Assert.Equal([14.5f, 17f], history.GetSpectrum(3, 2).ToArray());
        Assert.True(history.TryGetForeground(3, 2, out bool foreground) && foreground);
    }

    [Fact]
    public void RawLines_SamePixelTwice_PreprocessedOnce()
    {
        var history = SwirLineHistory.ForRawLines(4, Pixels, Bands);
        var preprocessing = new CountsOverScale(Pixels, Bands, scale: 2);
        history.AppendRaw(new ushort[Pixels * Bands], new SampleStamp(0, new EncoderPosition(0), 0), preprocessing);

        history.GetSpectrum(0, 1);
        history.GetSpectrum(0, 1);
        history.GetSpectrum(0, 2);

        Assert.Equal(2, preprocessing.Calls);
    }

    [Fact]
    public void RawLines_WrongKindOrShape_Throws()
    {
        var raw = SwirLineHistory.ForRawLines(4, Pixels, Bands);
        var spectra = new SwirLineHistory(4, Pixels, Bands);
        var stamp = new SampleStamp(0, new EncoderPosition(0), 0);

        Assert.Throws<InvalidOperationException>(() => raw.Append(Line(0), stamp));
        Assert.Throws<InvalidOperationException>(() => spectra.AppendRaw(new ushort[Pixels * Bands], stamp, new CountsOverScale(Pixels, Bands, 1)));
        ArgumentException shape = Assert.Throws<ArgumentException>(() => raw.AppendRaw(new ushort[Pixels * Bands], stamp, new CountsOverScale(Pixels + 1, Bands, 1)));
        Assert.Equal("preprocessor", shape.ParamName);
        Assert.Throws<ArgumentException>(() => raw.AppendRaw(new ushort[5], stamp, new CountsOverScale(Pixels, Bands, 1)));
        Assert.Equal(0, raw.AppendedCount);
    }

    [Fact]
    public void RawLines_AppendAndLookUpAfterWarmUp_AllocatesNothing()
    {
        var history = SwirLineHistory.ForRawLines(16, 384, 288);
        var preprocessing = new CountsOverScale(384, 288, scale: 4000);
        var line = new ushort[384 * 288];
        var mask = new bool[384];
        int i = 0;

        AllocationAssert.NoAllocations(() =>
        {
            for (int k = 0; k < 40; k++, i++)
            {
                history.AppendRaw(line, new SampleStamp(i, new EncoderPosition(i * 10L), i), preprocessing, mask);
                history.GetSpectrum(i, k % 384);
            }
        });
    }
}

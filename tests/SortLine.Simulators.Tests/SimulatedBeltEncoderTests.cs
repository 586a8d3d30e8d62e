using SortLine.Sensors.Encoder;
using SortLine.Simulators.Encoder;
using SortLine.Testing;

namespace SortLine.Simulators.Tests;

public sealed class SimulatedBeltEncoderTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    [InlineData(3.0)]
    public void Read_Timed_MonotoneAndEqualToSpeedTimesTime(double speed)
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = speed, CountsPerMetre = 12_500 }, time);
        long previous = encoder.Read().Counts;
        var random = new Random(1);
        double elapsed = 0;
        for (int i = 0; i < 1000; i++)
        {
            TimeSpan step = TimeSpan.FromTicks(random.Next(1, 50_000));
            time.Advance(step);
            elapsed += step.TotalSeconds;
            long counts = encoder.Read().Counts;
            Assert.True(counts >= previous);
            Assert.Equal(Math.Floor(speed * elapsed * 12_500), counts, 1.0);
            previous = counts;
        }
    }

    [Fact]
    public void SetBeltSpeed_MidRun_KeepsPositionAndChangesRate()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = 1 }, time);
        time.Advance(TimeSpan.FromSeconds(1));
        encoder.SetBeltSpeed(3);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(40_000, encoder.Read().Counts);
        Assert.Equal(new EncoderPosition(30_000), encoder.PositionAt(time.GetTimestamp() - (TimeSpan.TicksPerSecond / 3)));
    }

    [Fact]
    public void AdvanceBy_Stepped_AccumulatesFractionalCountsExactly()
    {
        var encoder = SimulatedBeltEncoder.CreateStepped(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = 2 });
        for (int i = 0; i < 670; i++)
        {
            encoder.AdvanceBy(TimeSpan.FromSeconds(1.0 / 670));
        }

        Assert.Equal(20_000, encoder.Read().Counts, 1.0);
        encoder.Advance(5);
        Assert.True(encoder.IsStepped);
    }

    [Fact]
    public void Advance_Timed_Throws()
    {
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), new ManualTimeProvider());
        Assert.Throws<InvalidOperationException>(() => encoder.Advance(1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(11.0)]
    public void Constructor_SpeedOutOfRange_Throws(double speed)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedBeltEncoder.CreateStepped(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = speed }));
        Assert.Equal(nameof(SimulatedEncoderOptions.BeltSpeedMetresPerSecond), error.ParamName);
    }

    [Theory]
    [InlineData(10_000L, 100)]     // 1 ms period: 1 kHz for 0.1 s
    [InlineData(100_000L, 100)]    // 10 ms: 100 Hz for 1 s
    [InlineData(30_000L, 333)]     // 3 ms: 333 samples in 1 s (the 334th is due at 1.002 s)
    public async Task ReadPositionsAsync_ManualClock_CountIsRateTimesTimeWithExactMonotonePositions(long periodTicks, int expected)
    {
        const double Speed = 2.0, CountsPerMetre = 12_500;
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = Speed, CountsPerMetre = CountsPerMetre }, time);
        TimeSpan period = TimeSpan.FromTicks(periodTicks);
        TimeSpan span = periodTicks == 10_000 ? TimeSpan.FromSeconds(0.1) : TimeSpan.FromSeconds(1);
        await using IAsyncEnumerator<EncoderSample> samples = encoder.ReadPositionsAsync(period, CancellationToken.None).GetAsyncEnumerator();

        ValueTask<bool> first = samples.MoveNextAsync();   // starts the stream at t = 0 and waits for the first latch
        Assert.False(first.IsCompleted);
        time.Advance(span);
        Assert.True(await first);
        var taken = new List<EncoderSample> { samples.Current };
        ValueTask<bool> next;
        while ((next = samples.MoveNextAsync()).IsCompleted)
        {
            Assert.True(await next);
            taken.Add(samples.Current);
        }

        Assert.Equal(expected, taken.Count);   // the sample after them is not due yet
        for (int k = 1; k <= taken.Count; k++)
        {
            long at = k * periodTicks;
            Assert.Equal(at, taken[k - 1].Timestamp);
            Assert.Equal((long)Math.Floor(Speed * CountsPerMetre * at / TimeSpan.TicksPerSecond), taken[k - 1].Position.Counts);
        }

        Assert.All(taken.Zip(taken.Skip(1)), p => Assert.True(p.Second.Position >= p.First.Position && p.Second.Timestamp > p.First.Timestamp));
        time.Advance(period);
        Assert.True(await next);
        Assert.Equal((expected + 1) * periodTicks, samples.Current.Timestamp);
    }

    [Fact]
    public async Task ReadPositionsAsync_CancelledWhileWaiting_ThrowsOperationCanceled()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), time);
        using var cts = new CancellationTokenSource();
        await using IAsyncEnumerator<EncoderSample> samples = encoder.ReadPositionsAsync(TimeSpan.FromMilliseconds(10), cts.Token).GetAsyncEnumerator();
        ValueTask<bool> first = samples.MoveNextAsync(); // starts the stream's clock at t = 0
        time.Advance(TimeSpan.FromMilliseconds(15));
        Assert.True(await first);

        ValueTask<bool> waiting = samples.MoveNextAsync(); // the 20 ms latch is not due yet
        Assert.False(waiting.IsCompleted);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.False(time.HasTimerAfterNow); // the stream's timer is released
    }

    [Fact]
    public async Task ReadPositionsAsync_SteadyState_AllocatesNothingPerSample()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), time);
        await using IAsyncEnumerator<EncoderSample> samples = encoder.ReadPositionsAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None).GetAsyncEnumerator();
        ValueTask<bool> first = samples.MoveNextAsync(); // starts the stream's clock at t = 0
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await first);

        AllocationAssert.NoAllocations(() =>
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            for (int i = 0; i < 100; i++)
            {
                ValueTask<bool> next = samples.MoveNextAsync();
                Assert.True(next.IsCompletedSuccessfully, "A due sample was not ready at once.");
            }
        });
    }

    [Fact]
    public void ReadPositionsAsync_SteppedEncoderOrNonPositivePeriod_Throws()
    {
        var stepped = SimulatedBeltEncoder.CreateStepped(new SimulatedEncoderOptions());
        var timed = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), new ManualTimeProvider());

        Assert.Throws<InvalidOperationException>(() => stepped.ReadPositionsAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => timed.ReadPositionsAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => timed.ReadPositionsAsync(TimeSpan.FromTicks(-1), CancellationToken.None));
    }
}

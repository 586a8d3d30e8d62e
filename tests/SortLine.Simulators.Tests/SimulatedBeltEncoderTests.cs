using SortLine.Sensors.Encoder;
using SortLine.Simulators.Encoder;

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
}

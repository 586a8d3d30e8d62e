using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>DateTime clamping rules of OPC 10000-6 §5.2.2.5.</summary>
public sealed class UaDateTimeTests
{
    [Fact]
    public void ToWireTicks_MinValue_IsZero() => Assert.Equal(0, UaDateTime.ToWireTicks(DateTime.MinValue));

    [Fact]
    public void ToWireTicks_Epoch_IsZero() => Assert.Equal(0, UaDateTime.ToWireTicks(new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void ToWireTicks_OneTickAfterEpoch_IsOne() =>
        Assert.Equal(1, UaDateTime.ToWireTicks(new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1)));

    [Fact]
    public void ToWireTicks_MatchesFileTimeUtc() =>
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToFileTimeUtc(), UaDateTime.ToWireTicks(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(9999, 12, 31, 23, 59, 59)]
    [InlineData(9999, 12, 31, 23, 59, 59, 999)]
    public void ToWireTicks_AtOrAfterLatest_IsInt64Max(int y, int mo, int d, int h, int mi, int s, int ms = 0) =>
        Assert.Equal(long.MaxValue, UaDateTime.ToWireTicks(new DateTime(y, mo, d, h, mi, s, ms, DateTimeKind.Utc)));

    [Fact]
    public void ToWireTicks_MaxValue_IsInt64Max() => Assert.Equal(long.MaxValue, UaDateTime.ToWireTicks(DateTime.MaxValue));

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void FromWireTicks_ZeroOrNegative_IsMinValue(long ticks) => Assert.Equal(DateTime.MinValue, UaDateTime.FromWireTicks(ticks));

    [Fact]
    public void FromWireTicks_Int64Max_IsMaxValue() => Assert.Equal(DateTime.MaxValue, UaDateTime.FromWireTicks(long.MaxValue));

    [Fact]
    public void FromWireTicks_BeyondDateTimeRange_IsMaxValue() =>
        Assert.Equal(DateTime.MaxValue, UaDateTime.FromWireTicks(DateTime.MaxValue.Ticks - UaDateTime.EpochTicks + 1));

    [Fact]
    public void FromWireTicks_Ordinary_IsUtc() => Assert.Equal(DateTimeKind.Utc, UaDateTime.FromWireTicks(133_485_408_000_000_000).Kind);
}

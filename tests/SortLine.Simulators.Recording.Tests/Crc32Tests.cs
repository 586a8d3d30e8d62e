using System.Text;

namespace SortLine.Simulators.Recording.Tests;

public sealed class Crc32Tests
{
    /// <summary>The bit-at-a-time definition of CRC-32 (reflected 0xEDB88320, init and final XOR 0xFFFFFFFF).</summary>
    private static uint Reference(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFF_FFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1;
            }
        }

        return ~crc;
    }

    [Fact]
    public void Compute_CheckString_IsTheStandardCheckValue()
    {
        Assert.Equal(0xCBF4_3926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(1000)]
    public void Compute_AnyLength_MatchesBitwiseDefinition(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(Reference(data), Crc32.Compute(data));
    }
}

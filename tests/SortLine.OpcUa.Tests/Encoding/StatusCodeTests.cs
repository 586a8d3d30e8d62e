using System.Reflection;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

public sealed class StatusCodeTests
{
    public static TheoryData<string> NodeOpcuaNames => new(GoldenFile.ReadStatusCodes().Keys);

    [Theory]
    [MemberData(nameof(NodeOpcuaNames))]
    public void WellKnownCode_SameValueAsNodeOpcua(string name)
    {
        uint expected = GoldenFile.ReadStatusCodes()[name];
        FieldInfo? field = typeof(StatusCode).GetField(name, BindingFlags.Public | BindingFlags.Static);

        Assert.NotNull(field);
        Assert.Equal(expected, ((StatusCode)field.GetValue(null)!).Code);
    }

    [Theory]
    [InlineData(0x00000000u, true, false, false)]
    [InlineData(0x40920000u, false, true, false)]
    [InlineData(0x80070000u, false, false, true)]
    [InlineData(0x00000480u, true, false, false)]
    public void Severity_FromTopBits(uint code, bool good, bool uncertain, bool bad)
    {
        var status = new StatusCode(code);

        Assert.Equal((good, uncertain, bad), (status.IsGood, status.IsUncertain, status.IsBad));
    }

    [Fact]
    public void ToString_WellKnownWithInfoBits_ShowsNameAndHex()
    {
        Assert.Equal("Good (0x00000480)", new StatusCode(0x480).ToString());
        Assert.Equal("BadDecodingError (0x80070000)", StatusCode.BadDecodingError.ToString());
    }
}

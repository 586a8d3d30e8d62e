using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>Encoding-byte choice for NodeId and ExpandedNodeId (OPC 10000-6 §5.2.2.9-10; expected bytes from the spec tables).</summary>
public sealed class NodeIdEncodingTests
{
    [Theory]
    [InlineData(0, 0u, "0000")]
    [InlineData(0, 255u, "00ff")]
    [InlineData(0, 256u, "01000001")]
    [InlineData(255, 65535u, "01ffffff")]
    [InlineData(256, 1u, "02000101000000")]
    [InlineData(0, 65536u, "02000000000100")]
    public void WriteNodeId_Numeric_PicksSmallestForm(int ns, uint id, string expectedHex)
    {
        byte[] bytes = Codec.Encode(new NodeId(id, (ushort)ns), Codec.WriteNodeId);

        Assert.Equal(expectedHex, GoldenFile.Hex(bytes));
    }

    [Theory]
    [InlineData("02000055000000")] // Numeric form of i=85 (a compact form is not required on decode)
    [InlineData("01005500")] // FourByte form of i=85
    public void ReadNodeId_LargerFormOfSmallId_DecodesToSameNodeId(string hex)
    {
        NodeId nodeId = Codec.Decode(Convert.FromHexString(hex), Codec.ReadNodeId);

        Assert.Equal(new NodeId(85), nodeId);
    }

    [Theory]
    [InlineData("4055")]
    [InlineData("805500000000")]
    public void ReadNodeId_ExpandedFlags_ThrowsDecodingError(string hex)
    {
        var ex = Assert.Throws<UaDecodingException>(() => Codec.Decode(Convert.FromHexString(hex), Codec.ReadNodeId));

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
        Assert.Equal(0, ex.Offset);
    }

    [Theory]
    [InlineData("06")]
    [InlineData("3f")]
    public void ReadNodeId_UnknownForm_ThrowsDecodingError(string hex)
    {
        Assert.Throws<UaDecodingException>(() => Codec.Decode(Convert.FromHexString(hex), Codec.ReadNodeId));
    }

    [Fact]
    public void WriteExpandedNodeId_UriAndServerIndex_SetsBothFlagsAndAppendsFields()
    {
        byte[] bytes = Codec.Encode(new ExpandedNodeId(new NodeId(85), "u", 2), Codec.WriteExpandedNodeId);

        Assert.Equal("c055" + "0100000075" + "02000000", GoldenFile.Hex(bytes));
    }

    [Fact]
    public void NodeId_StringIdentifiers_CompareOrdinally()
    {
        Assert.NotEqual(NodeId.FromString(1, "Line1"), NodeId.FromString(1, "line1"));
        Assert.Equal(NodeId.FromString(1, "Line1"), NodeId.FromString(1, "Line1"));
    }

    [Fact]
    public void NodeId_OpaqueIdentifiers_CompareByContent()
    {
        Assert.Equal(NodeId.FromOpaque(1, [1, 2]), NodeId.FromOpaque(1, [1, 2]));
        Assert.Equal(NodeId.FromOpaque(1, [1, 2]).GetHashCode(), NodeId.FromOpaque(1, [1, 2]).GetHashCode());
        Assert.NotEqual(NodeId.FromOpaque(1, []), NodeId.FromOpaque(1, null));
    }

    [Fact]
    public void NodeId_ToString_UsesStandardNotation()
    {
        Assert.Equal("i=85", new NodeId(85).ToString());
        Assert.Equal("ns=2;s=Line1", NodeId.FromString(2, "Line1").ToString());
    }
}

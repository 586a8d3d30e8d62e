using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

public sealed class HelloMessageTests
{
    private static HelloMessage DecodeBody(byte[] body)
    {
        var reader = new UaBinaryReader(body);
        return HelloMessage.Decode(ref reader);
    }

    private static byte[] Body(HelloMessage hello)
    {
        using var buffer = new PooledByteBuffer(64);
        var writer = new UaBinaryWriter(buffer);
        hello.Encode(ref writer);
        return writer.WrittenSpan.ToArray();
    }

    [Fact]
    public void Decode_GoldenBody_ReadsFields()
    {
        HelloMessage hello = DecodeBody(GoldenFile.ReadBin("hel_message")[8..]);

        Assert.Equal(new HelloMessage { ReceiveBufferSize = 65536, SendBufferSize = 65536, EndpointUrl = "opc.tcp://localhost:4840" }, hello);
    }

    [Theory]
    [InlineData(4095, true)]
    [InlineData(4096, false)]
    public void Decode_EndpointUrlLength_AcceptedBelow4096Bytes(int length, bool accepted)
    {
        byte[] body = Body(new HelloMessage { ReceiveBufferSize = 8192, SendBufferSize = 8192, EndpointUrl = new string('u', length) });

        if (accepted)
        {
            Assert.Equal(length, DecodeBody(body).EndpointUrl!.Length);
        }
        else
        {
            var ex = Assert.Throws<UaDecodingException>(() => DecodeBody(body));
            Assert.Equal(StatusCode.BadTcpEndpointUrlInvalid, ex.StatusCode);
            Assert.Equal(20, ex.Offset);
        }
    }

    [Fact]
    public void Decode_TruncatedBody_ThrowsDecodingError()
    {
        var ex = Assert.Throws<UaDecodingException>(() => DecodeBody(GoldenFile.ReadBin("hel_message")[8..30]));

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsDecodingError()
    {
        byte[] body = [.. GoldenFile.ReadBin("hel_message")[8..], 0x00];

        Assert.Throws<UaDecodingException>(() => DecodeBody(body));
    }
}

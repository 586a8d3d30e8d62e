using System.Buffers;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Transport;

public sealed class UaTcpFramingTests
{
    private static readonly TransportLimits Limits = new(8192, 8192, 0, 0);

    private static byte[] Chunk(string type, char chunk, int size, byte fill = 0xAA)
    {
        var bytes = new byte[Math.Max(size, 8)];
        bytes.AsSpan(8).Fill(fill);
        System.Text.Encoding.ASCII.GetBytes(type).CopyTo(bytes, 0);
        bytes[3] = (byte)chunk;
        BitConverter.GetBytes((uint)size).CopyTo(bytes, 4);
        return bytes;
    }

    private static UaDecodingException ReadFails(byte[] bytes)
    {
        var sequence = new ReadOnlySequence<byte>(bytes);
        return Assert.Throws<UaDecodingException>(() => UaTcpFraming.TryReadMessage(ref sequence, Limits, out _, out _));
    }

    [Fact]
    public void TryReadMessage_GoldenHello_ReturnsHeaderAndBody()
    {
        var buffer = new ReadOnlySequence<byte>(GoldenFile.ReadBin("hel_message"));

        bool complete = UaTcpFraming.TryReadMessage(ref buffer, Limits, out MessageHeader header, out ReadOnlySequence<byte> body);

        Assert.True(complete);
        Assert.Equal(new MessageHeader(MessageType.Hello, ChunkType.Final, 56), header);
        Assert.Equal(48, body.Length);
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(55)]
    public void TryReadMessage_Incomplete_ReturnsFalseAndConsumesNothing(int available)
    {
        byte[] hello = GoldenFile.ReadBin("hel_message");
        var buffer = new ReadOnlySequence<byte>(hello, 0, available);

        bool complete = UaTcpFraming.TryReadMessage(ref buffer, Limits, out _, out _);

        Assert.False(complete);
        Assert.Equal(available, buffer.Length);
    }

    [Theory]
    [InlineData(new[] { 1 })]
    [InlineData(new[] { 3, 5 })]
    [InlineData(new[] { 4, 8, 20, 40 })]
    public void TryReadMessage_SplitAcrossSegments_ReassemblesBody(int[] cuts)
    {
        byte[] hello = GoldenFile.ReadBin("hel_message");
        ReadOnlySequence<byte> buffer = SequenceSegments.Split(hello, cuts);

        bool complete = UaTcpFraming.TryReadMessage(ref buffer, Limits, out MessageHeader header, out ReadOnlySequence<byte> body);

        Assert.True(complete);
        Assert.Equal(MessageType.Hello, header.MessageType);
        Assert.Equal(hello.AsSpan(8).ToArray(), body.ToArray());
    }

    [Fact]
    public void TryReadMessage_TwoChunksBackToBack_ReadsOneAtATime()
    {
        byte[] first = Chunk("MSG", 'C', 24, 0x01);
        byte[] second = Chunk("MSG", 'F', 30, 0x02);
        var buffer = SequenceSegments.Split([.. first, .. second], 10, 26);

        Assert.True(UaTcpFraming.TryReadMessage(ref buffer, Limits, out MessageHeader h1, out ReadOnlySequence<byte> b1));
        Assert.True(UaTcpFraming.TryReadMessage(ref buffer, Limits, out MessageHeader h2, out ReadOnlySequence<byte> b2));

        Assert.Equal((ChunkType.Intermediate, 16L), (h1.ChunkType, b1.Length));
        Assert.Equal((ChunkType.Final, 22L), (h2.ChunkType, b2.Length));
        Assert.All(b2.ToArray(), b => Assert.Equal(0x02, b));
        Assert.True(buffer.IsEmpty);
    }

    [Theory]
    [InlineData("XYZ", 'F')]
    [InlineData("hel", 'F')]
    [InlineData("MSG", 'X')]
    [InlineData("HEL", 'C')]
    [InlineData("OPN", 'A')]
    [InlineData("CLO", 'C')]
    public void TryReadMessage_BadTypeOrChunkType_ThrowsTcpMessageTypeInvalid(string type, char chunk)
    {
        var ex = ReadFails(Chunk(type, chunk, 64)[..8]);

        Assert.Equal(StatusCode.BadTcpMessageTypeInvalid, ex.StatusCode);
    }

    [Theory]
    [InlineData(8193u)]
    [InlineData(uint.MaxValue)]
    public void TryReadMessage_SizeAboveReceiveBuffer_ThrowsTcpMessageTooLargeBeforeBodyArrives(uint size)
    {
        byte[] header = Chunk("MSG", 'F', 8)[..8];
        BitConverter.GetBytes(size).CopyTo(header, 4);

        var ex = ReadFails(header);

        Assert.Equal(StatusCode.BadTcpMessageTooLarge, ex.StatusCode);
        Assert.Equal(4, ex.Offset);
    }

    [Theory]
    [InlineData("MSG", 0)]
    [InlineData("MSG", 15)]
    [InlineData("HEL", 31)]
    [InlineData("ACK", 27)]
    public void TryReadMessage_SizeBelowMinimum_ThrowsDecodingError(string type, int size)
    {
        var ex = ReadFails(Chunk(type, 'F', size)[..8]);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void TryReadMessage_SizeExactlyReceiveBuffer_Accepted()
    {
        var buffer = new ReadOnlySequence<byte>(Chunk("MSG", 'F', 8192));

        Assert.True(UaTcpFraming.TryReadMessage(ref buffer, Limits, out MessageHeader header, out _));
        Assert.Equal(8192u, header.MessageSize);
    }
}

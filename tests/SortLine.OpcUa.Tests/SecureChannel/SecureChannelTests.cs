using System.Buffers;
using System.Buffers.Binary;
using Microsoft.Extensions.Time.Testing;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Transport;
using Channel = SortLine.OpcUa.SecureChannel.SecureChannel;

namespace SortLine.OpcUa.Tests.SecureChannel;

public sealed class SecureChannelTests
{
    private const uint ChannelId = 77;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ArrayBufferWriter<byte> _output = new();

    private Channel Create(uint sendBufferSize = 8192, uint maxRequestMessageSize = 0, uint maxRequestChunkCount = 0, uint maxResponseMessageSize = 0, uint maxResponseChunkCount = 0) =>
        new(ChannelId, NoneSecurityPolicy.Instance, new SecureChannelLimits
        {
            ReceiveBufferSize = 8192,
            SendBufferSize = sendBufferSize,
            MaxRequestMessageSize = maxRequestMessageSize,
            MaxRequestChunkCount = maxRequestChunkCount,
            MaxResponseMessageSize = maxResponseMessageSize,
            MaxResponseChunkCount = maxResponseChunkCount,
            MinTokenLifetime = TimeSpan.FromSeconds(1),
            MaxTokenLifetime = TimeSpan.FromHours(1),
        }, _time);

    private ChannelEvent Feed(Channel channel, byte[] chunk) => channel.ProcessChunk(ChunkBuilder.Header(chunk), chunk, _output);

    private Channel Opened(uint firstSequence = 1)
    {
        Channel channel = Create();
        Feed(channel, ChunkBuilder.Open(0, firstSequence, 1, SecurityTokenRequestType.Issue));
        _output.Clear();
        return channel;
    }

    private static StatusCode StatusOf(Action action) => Assert.Throws<SecureChannelException>(action).StatusCode;

    [Fact]
    public void ProcessChunk_OpenIssue_AnswersWithChannelIdAndFirstToken()
    {
        Channel channel = Create();

        ChannelEvent result = Feed(channel, ChunkBuilder.Open(0, 51, 1, SecurityTokenRequestType.Issue, requestedLifetime: 600_000));

        Assert.Equal(ChannelEventKind.Opened, result.Kind);
        byte[] response = Assert.Single(ChunkBuilder.SplitChunks(_output.WrittenSpan));
        Assert.Equal("OPNF"u8.ToArray(), response[..4]);
        Assert.Equal(ChannelId, BinaryPrimitives.ReadUInt32LittleEndian(response.AsSpan(8)));
        OpenSecureChannelResponse decoded = ChunkBuilder.DecodeOpenResponse(response);
        Assert.Equal((ChannelId, 1u, 600_000u, 7u), (decoded.ChannelId, decoded.TokenId, decoded.RevisedLifetime, decoded.ResponseHeader.RequestHandle));
    }

    [Fact]
    public void ProcessChunk_SequenceIncrementsAcrossMessageTypes_Accepted()
    {
        Channel channel = Opened(firstSequence: 1000);

        ChannelEvent message = Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 1001, 2, [1, 2, 3]));
        Feed(channel, ChunkBuilder.Open(ChannelId, 1002, 3, SecurityTokenRequestType.Renew));
        ChannelEvent close = Feed(channel, ChunkBuilder.Symmetric(MessageType.CloseSecureChannel, ChunkType.Final, ChannelId, 2, 1003, 4, []));

        Assert.Equal(ChannelEventKind.Request, message.Kind);
        Assert.Equal(ChannelEventKind.Close, close.Kind);
        message.Message!.Dispose();
    }

    [Theory]
    [InlineData(3u)]
    [InlineData(1u)]
    [InlineData(0u)]
    public void ProcessChunk_SequenceGapOrReplay_ThrowsBadSequenceNumberInvalid(uint sequenceNumber)
    {
        Channel channel = Opened(firstSequence: 1);

        StatusCode status = StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, sequenceNumber, 2, [])));

        Assert.Equal(StatusCode.BadSequenceNumberInvalid, status);
    }

    [Theory]
    [InlineData(uint.MaxValue - 1024, 5u, false)]
    [InlineData(uint.MaxValue - 1023, 5u, true)]
    [InlineData(uint.MaxValue - 1023, 1024u, false)]
    [InlineData(uint.MaxValue, 0u, true)]
    [InlineData(uint.MaxValue - 1, uint.MaxValue, true)]
    public void SequenceNumberValidator_LegacyWrap_OnlyAfterThresholdAndBelow1024(uint previous, uint next, bool accepted)
    {
        var validator = default(SequenceNumberValidator);
        Assert.True(validator.TryAccept(previous));

        Assert.Equal(accepted, validator.TryAccept(next));
    }

    [Fact]
    public void SequenceNumberGenerator_PastThreshold_WrapsToOne()
    {
        var generator = new SequenceNumberGenerator(SequenceNumberValidator.WrapThreshold);

        Assert.Equal((SequenceNumberValidator.WrapThreshold, SequenceNumberValidator.WrapThreshold + 1, 1u), (generator.Next(), generator.Next(), generator.Next()));
    }

    [Fact]
    public void Renew_IssuesNewTokenId_OldTokenAcceptedUntilClientUsesNewOne()
    {
        Channel channel = Opened();
        Feed(channel, ChunkBuilder.Open(ChannelId, 2, 2, SecurityTokenRequestType.Renew));
        OpenSecureChannelResponse renewed = ChunkBuilder.DecodeOpenResponse(ChunkBuilder.SplitChunks(_output.WrittenSpan)[0]);

        Assert.Equal(2u, renewed.TokenId);
        Assert.Equal(1u, channel.SendTokenId);
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 3, 3, [])).Message!.Dispose();
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 2, 4, 4, [])).Message!.Dispose();
        Assert.Equal(2u, channel.SendTokenId);
        Assert.Equal(StatusCode.BadSecureChannelTokenUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 5, 5, []))));
    }

    [Fact]
    public void ProcessChunk_UnknownChannelId_ThrowsBadTcpSecureChannelUnknown()
    {
        Channel channel = Opened();

        Assert.Equal(StatusCode.BadTcpSecureChannelUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId + 1, 1, 2, 2, []))));
    }

    [Fact]
    public void ProcessChunk_UnknownToken_ThrowsBadSecureChannelTokenUnknown()
    {
        Channel channel = Opened();

        Assert.Equal(StatusCode.BadSecureChannelTokenUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 9, 2, 2, []))));
    }

    [Fact]
    public void ProcessChunk_MessageBeforeOpen_ThrowsBadTcpSecureChannelUnknown()
    {
        Channel channel = Create();

        Assert.Equal(StatusCode.BadTcpSecureChannelUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 1, 1, []))));
    }

    [Fact]
    public void ProcessChunk_TokenExpired_ThrowsAndExpiresAtIsLifetimePlusGrace()
    {
        Channel channel = Create();
        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, requestedLifetime: 10_000));

        Assert.Equal(_time.GetUtcNow().UtcDateTime.AddSeconds(12.5), channel.ExpiresAt);
        _time.Advance(TimeSpan.FromSeconds(12.5));
        Assert.Equal(StatusCode.BadSecureChannelTokenUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 2, 2, []))));
    }

    [Theory]
    [InlineData(0u, 3_600_000u)]
    [InlineData(10u, 1_000u)]
    [InlineData(50_000u, 50_000u)]
    [InlineData(uint.MaxValue, 3_600_000u)]
    public void Open_RequestedLifetime_RevisedIntoBounds(uint requested, uint revised)
    {
        Channel channel = Create();

        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, requestedLifetime: requested));

        Assert.Equal(revised, ChunkBuilder.DecodeOpenResponse(ChunkBuilder.SplitChunks(_output.WrittenSpan)[0]).RevisedLifetime);
    }

    [Fact]
    public void Open_WrongPolicy_ThrowsBadSecurityPolicyRejected()
    {
        Assert.Equal(StatusCode.BadSecurityPolicyRejected, StatusOf(() => Feed(Create(), ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, policyUri: "http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"))));
    }

    [Fact]
    public void Open_ProtocolVersionDiffersFromHello_ThrowsBadProtocolVersionUnsupported()
    {
        Assert.Equal(StatusCode.BadProtocolVersionUnsupported, StatusOf(() => Feed(Create(), ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, protocolVersion: 1))));
    }

    [Fact]
    public void Open_SignMode_ThrowsBadSecurityModeRejected()
    {
        Assert.Equal(StatusCode.BadSecurityModeRejected, StatusOf(() => Feed(Create(), ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, mode: MessageSecurityMode.Sign))));
    }

    [Fact]
    public void Open_IssueOnOpenChannel_Throws()
    {
        Channel channel = Opened();

        Assert.Equal(StatusCode.BadTcpSecureChannelUnknown, StatusOf(() => Feed(channel, ChunkBuilder.Open(0, 2, 2, SecurityTokenRequestType.Issue))));
    }

    [Fact]
    public void Close_ThenAnyChunk_ThrowsBadSecureChannelClosed()
    {
        Channel channel = Opened();
        Assert.Equal(ChannelEventKind.Close, Feed(channel, ChunkBuilder.Symmetric(MessageType.CloseSecureChannel, ChunkType.Final, ChannelId, 1, 2, 2, [])).Kind);

        Assert.False(channel.IsOpen);
        Assert.Empty(_output.WrittenSpan.ToArray());
        Assert.Equal(StatusCode.BadSecureChannelClosed, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 3, 3, []))));
    }

    [Fact]
    public void Reassembly_IntermediateChunks_ConcatenatedOnFinal()
    {
        Channel channel = Opened();

        ChannelEvent first = Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 2, 9, [1, 2]));
        ChannelEvent second = Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 3, 9, [3]));
        ChannelEvent last = Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 4, 9, [4, 5]));

        Assert.Equal((ChannelEventKind.None, ChannelEventKind.None, ChannelEventKind.Request), (first.Kind, second.Kind, last.Kind));
        Assert.Equal(9u, last.RequestId);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, last.Message!.Memory.ToArray());
        last.Message.Dispose();
    }

    [Fact]
    public void Reassembly_AbortChunk_DiscardsPartialMessageAndChannelStaysOpen()
    {
        Channel channel = Opened();
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 2, 9, [1, 2]));

        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Abort, ChannelId, 1, 3, 9, [0, 0, 0, 0, 255, 255, 255, 255]));
        ChannelEvent next = Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Final, ChannelId, 1, 4, 9, [7]));

        Assert.Equal(0, channel.PendingMessageCount);
        Assert.Equal(new byte[] { 7 }, next.Message!.Memory.ToArray());
        next.Message.Dispose();
    }

    [Fact]
    public void Reassembly_MoreChunksThanMaxChunkCount_ThrowsBeforeFinalChunk()
    {
        Channel channel = Create(maxRequestChunkCount: 2);
        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 2, 9, [1]));
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 3, 9, [1]));

        Assert.Equal(StatusCode.BadTcpMessageTooLarge, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 4, 9, [1]))));
    }

    [Fact]
    public void Reassembly_BodyOverMaxMessageSize_ThrowsWhileAccumulating()
    {
        Channel channel = Create(maxRequestMessageSize: 10);
        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 2, 9, new byte[6]));

        Assert.Equal(StatusCode.BadRequestTooLarge, StatusOf(() => Feed(channel, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Intermediate, ChannelId, 1, 3, 9, new byte[6]))));
    }

    [Fact]
    public void WriteMessage_LargeBody_SplitIntoChunksWithinSendBufferAndConsecutiveSequenceNumbers()
    {
        Channel channel = Opened();
        byte[] body = Enumerable.Range(0, 20_000).Select(i => (byte)i).ToArray();

        StatusCode status = channel.WriteMessage(5, body, _output);

        List<byte[]> chunks = ChunkBuilder.SplitChunks(_output.WrittenSpan);
        Assert.Equal(StatusCode.Good, status);
        Assert.Equal(3, chunks.Count); // 8192 - 24 = 8168 body bytes per chunk
        Assert.All(chunks, c => Assert.True(c.Length <= 8192));
        Assert.Equal("CCF", string.Concat(chunks.Select(c => (char)c[3])));
        Assert.All(chunks, c => Assert.Equal(5u, BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(20))));
        uint[] sequence = [.. chunks.Select(c => BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(16)))];
        Assert.Equal([sequence[0], sequence[0] + 1, sequence[0] + 2], sequence);
        Assert.Equal(body, chunks.SelectMany(c => c[24..]).ToArray());
    }

    [Theory]
    [InlineData(10_000u, 0u)]
    [InlineData(0u, 1u)]
    public void WriteMessage_OverClientLimits_BadResponseTooLargeAndNothingWritten(uint maxMessageSize, uint maxChunkCount)
    {
        Channel channel = Create(maxResponseMessageSize: maxMessageSize, maxResponseChunkCount: maxChunkCount);
        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        _output.Clear();

        StatusCode status = channel.WriteMessage(5, new byte[20_000], _output);

        Assert.Equal(StatusCode.BadResponseTooLarge, status);
        Assert.Equal(0, _output.WrittenCount);
    }
}

using System.Buffers;
using Microsoft.Extensions.Time.Testing;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Transport;
using Channel = SortLine.OpcUa.SecureChannel.SecureChannel;

namespace SortLine.OpcUa.Tests.SecureChannel;

/// <summary>The server-wide budget for partial requests, shared by several channels.</summary>
public sealed class ReassemblyBudgetTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly ArrayBufferWriter<byte> _output = new();

    private Channel Opened(uint channelId, ReassemblyBudget budget)
    {
        var channel = new Channel(channelId, NoneSecurityPolicy.Instance, new SecureChannelLimits
        {
            ReceiveBufferSize = 8192,
            SendBufferSize = 8192,
            MinTokenLifetime = TimeSpan.FromSeconds(1),
            MaxTokenLifetime = TimeSpan.FromHours(1),
        }, _time, budget);
        Feed(channel, ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue));
        return channel;
    }

    private ChannelEvent Feed(Channel channel, byte[] chunk) => channel.ProcessChunk(ChunkBuilder.Header(chunk), chunk, _output);

    private static byte[] Chunk(ChunkType type, uint channelId, uint sequence, uint requestId, int bodyBytes) =>
        ChunkBuilder.Symmetric(MessageType.Message, type, channelId, 1, sequence, requestId, new byte[bodyBytes]);

    [Fact]
    public void ProcessChunk_PartialRequestsOfTwoChannelsExceedBudget_SecondChannelFailsWithBadTcpNotEnoughResources()
    {
        var budget = new ReassemblyBudget(1000);
        Channel a = Opened(1, budget);
        Channel b = Opened(2, budget);
        Feed(a, Chunk(ChunkType.Intermediate, 1, 2, 9, 600));
        Feed(b, Chunk(ChunkType.Intermediate, 2, 2, 9, 300));

        var ex = Assert.Throws<SecureChannelException>(() => Feed(b, Chunk(ChunkType.Intermediate, 2, 3, 9, 200)));

        Assert.Equal(StatusCode.BadTcpNotEnoughResources, ex.StatusCode);
        Assert.Equal(900, budget.InUse); // the refused chunk reserved nothing; the others keep theirs
    }

    [Fact]
    public void ProcessChunk_FinalChunk_ReleasesTheMessagesReservation()
    {
        var budget = new ReassemblyBudget(1000);
        Channel a = Opened(1, budget);
        Feed(a, Chunk(ChunkType.Intermediate, 1, 2, 9, 600));

        ChannelEvent done = Feed(a, Chunk(ChunkType.Final, 1, 3, 9, 700)); // the final chunk itself is never held
        done.Message!.Dispose();

        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public void ProcessChunk_AbortChunk_ReleasesTheMessagesReservation()
    {
        var budget = new ReassemblyBudget(1000);
        Channel a = Opened(1, budget);
        Feed(a, Chunk(ChunkType.Intermediate, 1, 2, 9, 600));

        Feed(a, ChunkBuilder.Symmetric(MessageType.Message, ChunkType.Abort, 1, 1, 3, 9, [0, 0, 0, 0, 255, 255, 255, 255]));

        Assert.Equal(0, budget.InUse);
    }

    [Fact]
    public void Dispose_ChannelWithPartialRequests_ReleasesItsReservationsForOtherChannels()
    {
        var budget = new ReassemblyBudget(1000);
        Channel a = Opened(1, budget);
        Channel b = Opened(2, budget);
        Feed(a, Chunk(ChunkType.Intermediate, 1, 2, 9, 500));
        Feed(a, Chunk(ChunkType.Intermediate, 1, 3, 10, 400));

        a.Dispose();
        ChannelEvent fits = Feed(b, Chunk(ChunkType.Intermediate, 2, 2, 9, 1000));

        Assert.Equal(ChannelEventKind.None, fits.Kind);
        Assert.Equal(1000, budget.InUse);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_CapacityBelowOne_Throws(long capacity) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReassemblyBudget(capacity));
}

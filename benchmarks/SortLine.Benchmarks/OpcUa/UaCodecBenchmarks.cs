using System.Buffers;
using BenchmarkDotNet.Attributes;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Transport;

namespace SortLine.Benchmarks.OpcUa;

/// <summary>
/// The UA Binary codec on the messages a SortLine server sends most: a ReadResponse with 100 DataValues (Double,
/// source and server timestamps), a PublishResponse carrying one DataChangeNotification of 100 monitored items, and
/// the transport framing of a received byte stream (64 MSG chunks of 8 KiB in 4 KiB pipe segments).
/// </summary>
/// <remarks>
/// The PublishResponse is laid out by hand from OPC 10000-4 §5.13.5 (SubscriptionId, AvailableSequenceNumbers[],
/// MoreNotifications, NotificationMessage {SequenceNumber, PublishTime, NotificationData ExtensionObject[]}, Results[],
/// DiagnosticInfos[]) with a DataChangeNotification (811) body of MonitoredItemNotification {ClientHandle, DataValue}[]
/// plus DiagnosticInfos[]: the same bytes and the same codec calls a subscription engine makes.
/// </remarks>
[MemoryDiagnoser]
public class UaCodecBenchmarks
{
    private const int Values = 100;
    private const int Chunks = 64;
    private const int ChunkSize = 8192;
    private static readonly DateTime Now = new(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private ReadResponse _readResponse = null!;
    private DataValue[] _notifications = null!;
    private PooledByteBuffer _buffer = null!;
    private PooledByteBuffer _notificationBuffer = null!;
    private byte[] _readBytes = null!;
    private byte[] _publishBytes = null!;
    private ReadOnlySequence<byte> _stream;
    private TransportLimits _limits;

    [GlobalSetup]
    public void Setup()
    {
        DataValue[] values = [.. Enumerable.Range(0, Values).Select(i => new DataValue { Value = new Variant(i * 0.25), SourceTimestamp = Now.AddMilliseconds(i), ServerTimestamp = Now })];
        _readResponse = new ReadResponse { Results = values, DiagnosticInfos = [] };
        _notifications = values;
        _buffer = new PooledByteBuffer(64 << 10);
        _notificationBuffer = new PooledByteBuffer(64 << 10);
        EncodeReadResponse();
        _readBytes = _buffer.WrittenSpan.ToArray();
        EncodePublishResponse();
        _publishBytes = _buffer.WrittenSpan.ToArray();
        _stream = Segmented(BuildChunks(), 4096);
        _limits = TransportLimits.Default;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _buffer.Dispose();
        _notificationBuffer.Dispose();
    }

    /// <summary>ReadResponse (encoding id, ResponseHeader, 100 DataValues) into a reused pooled buffer.</summary>
    [Benchmark]
    public int EncodeReadResponse()
    {
        _buffer.Reset();
        var writer = new UaBinaryWriter(_buffer);
        writer.WriteNodeId(new NodeId(ReadResponse.EncodingId));
        new ResponseHeader { Timestamp = Now, RequestHandle = 7 }.Encode(ref writer);
        _readResponse.EncodeBody(ref writer);
        writer.Commit();
        return _buffer.WrittenCount;
    }

    /// <summary>The same ReadResponse decoded into objects.</summary>
    [Benchmark]
    public int DecodeReadResponse()
    {
        var reader = new UaBinaryReader(_readBytes);
        _ = reader.ReadNodeId();
        return ReadResponse.Decode(ref reader).Results!.Length;
    }

    /// <summary>PublishResponse with a 100-item DataChangeNotification (body encoded, wrapped in an ExtensionObject).</summary>
    [Benchmark]
    public int EncodePublishResponse()
    {
        _notificationBuffer.Reset();
        var body = new UaBinaryWriter(_notificationBuffer);
        body.WriteArrayLength(_notifications.Length);
        for (int i = 0; i < _notifications.Length; i++)
        {
            body.WriteUInt32((uint)i); // ClientHandle
            body.WriteDataValue(_notifications[i]);
        }

        body.WriteArrayLength(0); // DiagnosticInfos
        body.Commit();

        _buffer.Reset();
        var writer = new UaBinaryWriter(_buffer);
        writer.WriteNodeId(new NodeId(829)); // PublishResponse_Encoding_DefaultBinary
        new ResponseHeader { Timestamp = Now, RequestHandle = 9 }.Encode(ref writer);
        writer.WriteUInt32(1); // SubscriptionId
        writer.WriteArrayLength(1); // AvailableSequenceNumbers
        writer.WriteUInt32(42);
        writer.WriteBoolean(false); // MoreNotifications
        writer.WriteUInt32(42); // NotificationMessage.SequenceNumber
        writer.WriteDateTime(Now);
        writer.WriteArrayLength(1); // NotificationData
        writer.WriteNodeId(new NodeId(811)); // DataChangeNotification_Encoding_DefaultBinary
        writer.WriteByte(0x01); // binary body
        writer.WriteByteString(_notificationBuffer.WrittenSpan);
        writer.WriteArrayLength(0); // Results
        writer.WriteArrayLength(0); // DiagnosticInfos
        writer.Commit();
        return _buffer.WrittenCount;
    }

    /// <summary>The PublishResponse decoded down to its 100 DataValues (what a client does).</summary>
    [Benchmark]
    public int DecodePublishResponse()
    {
        var reader = new UaBinaryReader(_publishBytes);
        _ = reader.ReadNodeId();
        _ = ResponseHeader.Decode(ref reader);
        _ = reader.ReadUInt32();
        _ = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4);
        _ = reader.ReadBoolean();
        _ = reader.ReadUInt32();
        _ = reader.ReadDateTime();
        ExtensionObject[] data = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadExtensionObject(), 3)!;
        var body = new UaBinaryReader(data[0].Body);
        int count = body.ReadArrayLength(5);
        int values = 0;
        for (int i = 0; i < count; i++)
        {
            _ = body.ReadUInt32();
            values += body.ReadDataValue().Value.IsNull ? 0 : 1;
        }

        return values;
    }

    /// <summary>Frames 64 MSG chunks of 8 KiB out of a 4 KiB-segmented receive buffer (header checks, no decoding).</summary>
    [Benchmark]
    public int FrameChunks()
    {
        ReadOnlySequence<byte> buffer = _stream;
        int frames = 0;
        while (UaTcpFraming.TryReadMessage(ref buffer, _limits, out MessageHeader header, out _))
        {
            frames += header.MessageSize > 0 ? 1 : 0;
        }

        return frames;
    }

    private static byte[] BuildChunks()
    {
        var bytes = new byte[Chunks * ChunkSize];
        for (int i = 0; i < Chunks; i++)
        {
            var writer = new UaBinaryWriter(bytes.AsSpan(i * ChunkSize, MessageHeader.Size));
            new MessageHeader(MessageType.Message, i == Chunks - 1 ? ChunkType.Final : ChunkType.Intermediate, ChunkSize).Encode(ref writer);
        }

        return bytes;
    }

    private static ReadOnlySequence<byte> Segmented(byte[] bytes, int segmentSize)
    {
        var first = new Segment(bytes.AsMemory(0, segmentSize), 0);
        Segment last = first;
        for (int offset = segmentSize; offset < bytes.Length; offset += segmentSize)
        {
            last = last.Append(bytes.AsMemory(offset, Math.Min(segmentSize, bytes.Length - offset)));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

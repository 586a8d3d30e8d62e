// Wire layout (OPC 10000-4 §5.12.6) after the encoding NodeId 781:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   MonitoredItemIds  UInt32[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>DeleteMonitoredItems request.</summary>
internal sealed record DeleteMonitoredItemsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (DeleteMonitoredItemsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 781;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>The items.</summary>
    public uint[]? MonitoredItemIds { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static DeleteMonitoredItemsRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        MonitoredItemIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4),
    };
}

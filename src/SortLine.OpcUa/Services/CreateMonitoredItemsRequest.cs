// Wire layout (OPC 10000-4 §5.12.2) after the encoding NodeId 751:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   TimestampsToReturn  enum:TimestampsToReturn
//   ItemsToCreate  MonitoredItemCreateRequest[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateMonitoredItems request.</summary>
internal sealed record CreateMonitoredItemsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (CreateMonitoredItemsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 751;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>Timestamps in the notifications.</summary>
    public TimestampsToReturn TimestampsToReturn { get; init; }

    /// <summary>The items.</summary>
    public MonitoredItemCreateRequest[]? ItemsToCreate { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CreateMonitoredItemsRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        TimestampsToReturn = (TimestampsToReturn)reader.ReadInt32(),
        ItemsToCreate = reader.ReadArray(static (ref UaBinaryReader r) => MonitoredItemCreateRequest.Decode(ref r), 20),
    };
}

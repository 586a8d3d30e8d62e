// Wire layout (OPC 10000-4 §5.12.3) after the encoding NodeId 763:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   TimestampsToReturn  enum:TimestampsToReturn
//   ItemsToModify  MonitoredItemModifyRequest[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ModifyMonitoredItems request.</summary>
internal sealed record ModifyMonitoredItemsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (ModifyMonitoredItemsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 763;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>Timestamps in later notifications.</summary>
    public TimestampsToReturn TimestampsToReturn { get; init; }

    /// <summary>The items.</summary>
    public MonitoredItemModifyRequest[]? ItemsToModify { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ModifyMonitoredItemsRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        TimestampsToReturn = (TimestampsToReturn)reader.ReadInt32(),
        ItemsToModify = reader.ReadArray(static (ref UaBinaryReader r) => MonitoredItemModifyRequest.Decode(ref r), 20),
    };
}

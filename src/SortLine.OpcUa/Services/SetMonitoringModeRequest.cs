// Wire layout (OPC 10000-4 §5.12.4) after the encoding NodeId 769:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   MonitoringMode  enum:MonitoringMode
//   MonitoredItemIds  UInt32[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SetMonitoringMode request.</summary>
internal sealed record SetMonitoringModeRequest : IServiceRequest
{
    /// <summary>Binary encoding id (SetMonitoringModeRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 769;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>The new mode.</summary>
    public MonitoringMode MonitoringMode { get; init; }

    /// <summary>The items.</summary>
    public uint[]? MonitoredItemIds { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SetMonitoringModeRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        MonitoringMode = (MonitoringMode)reader.ReadInt32(),
        MonitoredItemIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4),
    };
}

// Wire layout (OPC 10000-4 §5.12.2.2):
//
//   StatusCode  StatusCode
//   MonitoredItemId  UInt32
//   RevisedSamplingInterval  Double (ms)
//   RevisedQueueSize  UInt32
//   FilterResult  ExtensionObject
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>MonitoredItemCreateResult.</summary>
internal sealed record MonitoredItemCreateResult
{
    /// <summary>The item's status.</summary>
    public StatusCode StatusCode { get; init; }

    /// <summary>The server's id for the item.</summary>
    public uint MonitoredItemId { get; init; }

    /// <summary>Revised sampling interval, ms.</summary>
    public double RevisedSamplingInterval { get; init; }

    /// <summary>Revised queue size.</summary>
    public uint RevisedQueueSize { get; init; }

    /// <summary>Encodes the fields (no filter result: data change filters have none).</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(StatusCode);
        writer.WriteUInt32(MonitoredItemId);
        writer.WriteDouble(RevisedSamplingInterval);
        writer.WriteUInt32(RevisedQueueSize);
        writer.WriteExtensionObject(default);
    }
}

// Wire layout (OPC 10000-4 §5.12.3.2):
//
//   StatusCode  StatusCode
//   RevisedSamplingInterval  Double (ms)
//   RevisedQueueSize  UInt32
//   FilterResult  ExtensionObject
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>MonitoredItemModifyResult.</summary>
internal sealed record MonitoredItemModifyResult
{
    /// <summary>The item's status.</summary>
    public StatusCode StatusCode { get; init; }

    /// <summary>Revised sampling interval, ms.</summary>
    public double RevisedSamplingInterval { get; init; }

    /// <summary>Revised queue size.</summary>
    public uint RevisedQueueSize { get; init; }

    /// <summary>Encodes the fields (no filter result).</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteStatusCode(StatusCode);
        writer.WriteDouble(RevisedSamplingInterval);
        writer.WriteUInt32(RevisedQueueSize);
        writer.WriteExtensionObject(default);
    }
}

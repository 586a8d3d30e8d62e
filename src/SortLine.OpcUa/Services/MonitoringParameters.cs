// Wire layout (OPC 10000-4 §7.21):
//
//   ClientHandle  UInt32
//   SamplingInterval  Double (ms; negative = the publishing interval, 0 = fastest practical)
//   Filter  ExtensionObject (null, or DataChangeFilter 724)
//   QueueSize  UInt32
//   DiscardOldest  Boolean
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>MonitoringParameters (OPC 10000-4 §7.21).</summary>
internal sealed record MonitoringParameters
{
    /// <summary>The client's handle, echoed in every notification.</summary>
    public uint ClientHandle { get; init; }

    /// <summary>Requested sampling interval, ms.</summary>
    public double SamplingInterval { get; init; }

    /// <summary>Filter (null ExtensionObject = none).</summary>
    public ExtensionObject Filter { get; init; }

    /// <summary>Requested queue size.</summary>
    public uint QueueSize { get; init; }

    /// <summary>Discard the oldest value when the queue overflows.</summary>
    public bool DiscardOldest { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static MonitoringParameters Decode(ref UaBinaryReader reader) => new()
    {
        ClientHandle = reader.ReadUInt32(),
        SamplingInterval = reader.ReadDouble(),
        Filter = reader.ReadExtensionObject(),
        QueueSize = reader.ReadUInt32(),
        DiscardOldest = reader.ReadBoolean(),
    };
}

// Wire layout (OPC 10000-4 §5.12.3.2):
//
//   MonitoredItemId  UInt32
//   RequestedParameters  MonitoringParameters
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>MonitoredItemModifyRequest.</summary>
internal sealed record MonitoredItemModifyRequest
{
    /// <summary>The item.</summary>
    public uint MonitoredItemId { get; init; }

    /// <summary>The new parameters.</summary>
    public required MonitoringParameters RequestedParameters { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static MonitoredItemModifyRequest Decode(ref UaBinaryReader reader) => new()
    {
        MonitoredItemId = reader.ReadUInt32(),
        RequestedParameters = MonitoringParameters.Decode(ref reader),
    };
}

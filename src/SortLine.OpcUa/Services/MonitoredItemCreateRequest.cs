// Wire layout (OPC 10000-4 §5.12.2.2):
//
//   ItemToMonitor  ReadValueId
//   MonitoringMode  enum:MonitoringMode (Int32)
//   RequestedParameters  MonitoringParameters
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>MonitoredItemCreateRequest.</summary>
internal sealed record MonitoredItemCreateRequest
{
    /// <summary>The node and attribute.</summary>
    public required ReadValueId ItemToMonitor { get; init; }

    /// <summary>The initial monitoring mode.</summary>
    public MonitoringMode MonitoringMode { get; init; }

    /// <summary>The requested parameters.</summary>
    public required MonitoringParameters RequestedParameters { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static MonitoredItemCreateRequest Decode(ref UaBinaryReader reader) => new()
    {
        ItemToMonitor = ReadValueId.Decode(ref reader),
        MonitoringMode = (MonitoringMode)reader.ReadInt32(),
        RequestedParameters = MonitoringParameters.Decode(ref reader),
    };
}

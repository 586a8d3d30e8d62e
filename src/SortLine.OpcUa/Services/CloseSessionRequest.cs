// Wire layout (OPC 10000-4 §5.6.4) after the encoding NodeId 473:
//
//   RequestHeader  RequestHeader
//   DeleteSubscriptions  Boolean
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CloseSession request.</summary>
internal sealed record CloseSessionRequest : IServiceRequest
{
    /// <summary>Binary encoding id (CloseSessionRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 473;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Delete the session's subscriptions.</summary>
    public bool DeleteSubscriptions { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CloseSessionRequest Decode(ref UaBinaryReader reader)
    {
        return new CloseSessionRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            DeleteSubscriptions = reader.ReadBoolean(),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteBoolean(DeleteSubscriptions);
    }
}

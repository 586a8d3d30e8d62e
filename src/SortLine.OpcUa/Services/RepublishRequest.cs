// Wire layout (OPC 10000-4 §5.13.6) after the encoding NodeId 832:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   RetransmitSequenceNumber  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Republish request.</summary>
internal sealed record RepublishRequest : IServiceRequest
{
    /// <summary>Binary encoding id (RepublishRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 832;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>The message to send again.</summary>
    public uint RetransmitSequenceNumber { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static RepublishRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        RetransmitSequenceNumber = reader.ReadUInt32(),
    };
}

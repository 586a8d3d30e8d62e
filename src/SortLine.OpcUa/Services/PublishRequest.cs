// Wire layout (OPC 10000-4 §5.13.5) after the encoding NodeId 826:
//
//   RequestHeader  RequestHeader
//   SubscriptionAcknowledgements  SubscriptionAcknowledgement[] {SubscriptionId UInt32, SequenceNumber UInt32}
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Publish request.</summary>
internal sealed record PublishRequest : IServiceRequest
{
    /// <summary>Binary encoding id (PublishRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 826;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Acknowledgements, processed on arrival.</summary>
    public SubscriptionAcknowledgement[]? SubscriptionAcknowledgements { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static PublishRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionAcknowledgements = reader.ReadArray(static (ref UaBinaryReader r) => new SubscriptionAcknowledgement(r.ReadUInt32(), r.ReadUInt32()), 8),
    };
}

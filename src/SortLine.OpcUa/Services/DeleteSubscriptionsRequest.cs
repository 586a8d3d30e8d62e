// Wire layout (OPC 10000-4 §5.13.8) after the encoding NodeId 847:
//
//   RequestHeader  RequestHeader
//   SubscriptionIds  UInt32[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>DeleteSubscriptions request.</summary>
internal sealed record DeleteSubscriptionsRequest : IServiceRequest
{
    /// <summary>Binary encoding id (DeleteSubscriptionsRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 847;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscriptions.</summary>
    public uint[]? SubscriptionIds { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static DeleteSubscriptionsRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4),
    };
}

// Wire layout (OPC 10000-4 §5.13.4) after the encoding NodeId 799:
//
//   RequestHeader  RequestHeader
//   PublishingEnabled  Boolean
//   SubscriptionIds  UInt32[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>SetPublishingMode request.</summary>
internal sealed record SetPublishingModeRequest : IServiceRequest
{
    /// <summary>Binary encoding id (SetPublishingModeRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 799;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Enable or disable publishing.</summary>
    public bool PublishingEnabled { get; init; }

    /// <summary>The subscriptions.</summary>
    public uint[]? SubscriptionIds { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static SetPublishingModeRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        PublishingEnabled = reader.ReadBoolean(),
        SubscriptionIds = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4),
    };
}

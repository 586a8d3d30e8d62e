// Wire layout (OPC 10000-4 §5.13.3) after the encoding NodeId 793:
//
//   RequestHeader  RequestHeader
//   SubscriptionId  UInt32
//   RequestedPublishingInterval  Double (ms)
//   RequestedLifetimeCount  UInt32
//   RequestedMaxKeepAliveCount  UInt32
//   MaxNotificationsPerPublish  UInt32
//   Priority  Byte
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ModifySubscription request.</summary>
internal sealed record ModifySubscriptionRequest : IServiceRequest
{
    /// <summary>Binary encoding id (ModifySubscriptionRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 793;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The subscription.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>Requested publishing interval, ms.</summary>
    public double RequestedPublishingInterval { get; init; }

    /// <summary>Requested lifetime count.</summary>
    public uint RequestedLifetimeCount { get; init; }

    /// <summary>Requested keep-alive count.</summary>
    public uint RequestedMaxKeepAliveCount { get; init; }

    /// <summary>Most notifications per Publish response (0 = no limit).</summary>
    public uint MaxNotificationsPerPublish { get; init; }

    /// <summary>Relative priority.</summary>
    public byte Priority { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ModifySubscriptionRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        SubscriptionId = reader.ReadUInt32(),
        RequestedPublishingInterval = reader.ReadDouble(),
        RequestedLifetimeCount = reader.ReadUInt32(),
        RequestedMaxKeepAliveCount = reader.ReadUInt32(),
        MaxNotificationsPerPublish = reader.ReadUInt32(),
        Priority = reader.ReadByte(),
    };
}

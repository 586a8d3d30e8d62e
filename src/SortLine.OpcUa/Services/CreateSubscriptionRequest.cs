// Wire layout (OPC 10000-4 §5.13.2) after the encoding NodeId 787:
//
//   RequestHeader  RequestHeader
//   RequestedPublishingInterval  Double (ms)
//   RequestedLifetimeCount  UInt32
//   RequestedMaxKeepAliveCount  UInt32
//   MaxNotificationsPerPublish  UInt32 (0 = no limit)
//   PublishingEnabled  Boolean
//   Priority  Byte
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateSubscription request.</summary>
internal sealed record CreateSubscriptionRequest : IServiceRequest
{
    /// <summary>Binary encoding id (CreateSubscriptionRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 787;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>Requested publishing interval, ms.</summary>
    public double RequestedPublishingInterval { get; init; }

    /// <summary>Requested lifetime, in publishing intervals.</summary>
    public uint RequestedLifetimeCount { get; init; }

    /// <summary>Requested keep-alive count, in publishing intervals.</summary>
    public uint RequestedMaxKeepAliveCount { get; init; }

    /// <summary>Most notifications per Publish response (0 = no limit).</summary>
    public uint MaxNotificationsPerPublish { get; init; }

    /// <summary>Publishing enabled.</summary>
    public bool PublishingEnabled { get; init; }

    /// <summary>Relative priority.</summary>
    public byte Priority { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CreateSubscriptionRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        RequestedPublishingInterval = reader.ReadDouble(),
        RequestedLifetimeCount = reader.ReadUInt32(),
        RequestedMaxKeepAliveCount = reader.ReadUInt32(),
        MaxNotificationsPerPublish = reader.ReadUInt32(),
        PublishingEnabled = reader.ReadBoolean(),
        Priority = reader.ReadByte(),
    };
}

// Wire layout (OPC 10000-4 §5.13.2) after the encoding NodeId 790:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   SubscriptionId  UInt32
//   RevisedPublishingInterval  Double (ms)
//   RevisedLifetimeCount  UInt32
//   RevisedMaxKeepAliveCount  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateSubscription response.</summary>
internal sealed record CreateSubscriptionResponse : IServiceResponse
{
    /// <summary>Binary encoding id (CreateSubscriptionResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 790;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>The new subscription's id.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>Revised publishing interval, ms.</summary>
    public double RevisedPublishingInterval { get; init; }

    /// <summary>Revised lifetime count.</summary>
    public uint RevisedLifetimeCount { get; init; }

    /// <summary>Revised keep-alive count.</summary>
    public uint RevisedMaxKeepAliveCount { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteUInt32(SubscriptionId);
        writer.WriteDouble(RevisedPublishingInterval);
        writer.WriteUInt32(RevisedLifetimeCount);
        writer.WriteUInt32(RevisedMaxKeepAliveCount);
    }
}

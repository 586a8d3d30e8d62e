// Wire layout (OPC 10000-4 §5.13.3) after the encoding NodeId 796:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   RevisedPublishingInterval  Double (ms)
//   RevisedLifetimeCount  UInt32
//   RevisedMaxKeepAliveCount  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ModifySubscription response.</summary>
internal sealed record ModifySubscriptionResponse : IServiceResponse
{
    /// <summary>Binary encoding id (ModifySubscriptionResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 796;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>Revised publishing interval, ms.</summary>
    public double RevisedPublishingInterval { get; init; }

    /// <summary>Revised lifetime count.</summary>
    public uint RevisedLifetimeCount { get; init; }

    /// <summary>Revised keep-alive count.</summary>
    public uint RevisedMaxKeepAliveCount { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteDouble(RevisedPublishingInterval);
        writer.WriteUInt32(RevisedLifetimeCount);
        writer.WriteUInt32(RevisedMaxKeepAliveCount);
    }
}

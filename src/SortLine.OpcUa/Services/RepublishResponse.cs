// Wire layout (OPC 10000-4 §5.13.6) after the encoding NodeId 835:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   NotificationMessage  NotificationMessage
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Services;

/// <summary>Republish response.</summary>
internal sealed record RepublishResponse : IServiceResponse
{
    /// <summary>Binary encoding id (RepublishResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 835;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>The message as first sent.</summary>
    public required NotificationMessage NotificationMessage { get; init; }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer) => NotificationMessage.Encode(ref writer);
}

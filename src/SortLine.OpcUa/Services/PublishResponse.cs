// Wire layout (OPC 10000-4 §5.13.5) after the encoding NodeId 829:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   SubscriptionId  UInt32
//   AvailableSequenceNumbers  UInt32[]
//   MoreNotifications  Boolean
//   NotificationMessage  NotificationMessage
//   Results  StatusCode[] (one per acknowledgement)
//   DiagnosticInfos  DiagnosticInfo[]
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Subscriptions;

namespace SortLine.OpcUa.Services;

/// <summary>Publish response.</summary>
internal sealed record PublishResponse : IServiceResponse
{
    /// <summary>Binary encoding id (PublishResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 829;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>The subscription the message belongs to.</summary>
    public uint SubscriptionId { get; init; }

    /// <summary>Sequence numbers held for Republish.</summary>
    public uint[]? AvailableSequenceNumbers { get; init; }

    /// <summary>True when MaxNotificationsPerPublish cut the message short.</summary>
    public bool MoreNotifications { get; init; }

    /// <summary>The message (empty NotificationData = keep-alive).</summary>
    public required NotificationMessage NotificationMessage { get; init; }

    /// <summary>One per acknowledgement of the request.</summary>
    public StatusCode[]? Results { get; init; }

    /// <summary>Diagnostics.</summary>
    public DiagnosticInfo[]? DiagnosticInfos { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static PublishResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new PublishResponse
        {
            SubscriptionId = reader.ReadUInt32(),
            AvailableSequenceNumbers = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadUInt32(), 4),
            MoreNotifications = reader.ReadBoolean(),
            NotificationMessage = NotificationMessage.Decode(ref reader),
            Results = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadStatusCode(), 4),
            DiagnosticInfos = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadDiagnosticInfo(), 1),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteUInt32(SubscriptionId);
        writer.WriteArray(AvailableSequenceNumbers, static (ref UaBinaryWriter w, uint v) => w.WriteUInt32(v));
        writer.WriteBoolean(MoreNotifications);
        NotificationMessage.Encode(ref writer);
        writer.WriteArray(Results, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v));
        writer.WriteArray(DiagnosticInfos, static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v));
    }
}

// Wire layout (OPC 10000-4 §7.25):
//
//   SequenceNumber  UInt32
//   PublishTime  DateTime
//   NotificationData  ExtensionObject[] (DataChangeNotification 811, StatusChangeNotification 820; empty = keep-alive)
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>NotificationMessage; the notification bodies are encoded once when the message is built, so a Republish sends the same bytes.</summary>
internal sealed record NotificationMessage
{
    /// <summary>DataChangeNotification_Encoding_DefaultBinary.</summary>
    public const uint DataChangeNotificationEncodingId = 811;

    /// <summary>StatusChangeNotification_Encoding_DefaultBinary.</summary>
    public const uint StatusChangeNotificationEncodingId = 820;

    /// <summary>The message's sequence number (a keep-alive carries the next one without using it).</summary>
    public uint SequenceNumber { get; init; }

    /// <summary>When the message was built (UTC).</summary>
    public DateTime PublishTime { get; init; }

    /// <summary>The notifications; empty for a keep-alive.</summary>
    public ExtensionObject[] NotificationData { get; init; } = [];

    /// <summary>True for a keep-alive (no notification data).</summary>
    public bool IsKeepAlive => NotificationData.Length == 0;

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static NotificationMessage Decode(ref UaBinaryReader reader) => new()
    {
        SequenceNumber = reader.ReadUInt32(),
        PublishTime = reader.ReadDateTime(),
        NotificationData = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadExtensionObject(), 3) ?? [],
    };

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteUInt32(SequenceNumber);
        writer.WriteDateTime(PublishTime);
        writer.WriteArray(NotificationData, static (ref UaBinaryWriter w, ExtensionObject v) => w.WriteExtensionObject(v));
    }

    /// <summary>
    /// Encodes a DataChangeNotification body: MonitoredItems MonitoredItemNotification[] {ClientHandle UInt32, Value
    /// DataValue}, DiagnosticInfos DiagnosticInfo[] (empty).
    /// </summary>
    public static ExtensionObject EncodeDataChange(IReadOnlyList<(uint ClientHandle, DataValue Value)> notifications)
    {
        using var buffer = new PooledByteBuffer(Math.Max(256, notifications.Count * 48), 1 << 28);
        var writer = new UaBinaryWriter(buffer);
        writer.WriteInt32(notifications.Count);
        for (int i = 0; i < notifications.Count; i++)
        {
            writer.WriteUInt32(notifications[i].ClientHandle);
            writer.WriteDataValue(notifications[i].Value);
        }

        writer.WriteInt32(0);
        writer.Commit();
        return ExtensionObject.FromBinary(new NodeId(DataChangeNotificationEncodingId), buffer.WrittenSpan.ToArray());
    }

    /// <summary>Encodes a StatusChangeNotification body: Status StatusCode, DiagnosticInfo (empty).</summary>
    public static ExtensionObject EncodeStatusChange(StatusCode status)
    {
        using var buffer = new PooledByteBuffer(16, 64);
        var writer = new UaBinaryWriter(buffer);
        writer.WriteStatusCode(status);
        writer.WriteDiagnosticInfo(null);
        writer.Commit();
        return ExtensionObject.FromBinary(new NodeId(StatusChangeNotificationEncodingId), buffer.WrittenSpan.ToArray());
    }
}

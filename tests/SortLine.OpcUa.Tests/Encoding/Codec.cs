using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>Encode/decode helpers for tests (ref-struct readers cannot be captured by lambdas, so element delegates are used).</summary>
internal static class Codec
{
    public static byte[] Encode<T>(T value, UaElementEncoder<T> encoder, UaEncodingLimits? limits = null)
    {
        using var buffer = new PooledByteBuffer(16);
        var writer = new UaBinaryWriter(buffer, limits);
        encoder(ref writer, value);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    public static T Decode<T>(byte[] bytes, UaElementDecoder<T> decoder, UaEncodingLimits? limits = null)
    {
        var reader = new UaBinaryReader(bytes, limits);
        T value = decoder(ref reader);
        reader.EnsureAtEnd();
        return value;
    }

    public static T RoundTrip<T>(T value, UaElementEncoder<T> encoder, UaElementDecoder<T> decoder) =>
        Decode(Encode(value, encoder), decoder);

    public static readonly UaElementEncoder<Variant> WriteVariant = static (ref UaBinaryWriter w, Variant v) => w.WriteVariant(v);
    public static readonly UaElementDecoder<Variant> ReadVariant = static (ref UaBinaryReader r) => r.ReadVariant();
    public static readonly UaElementEncoder<DataValue> WriteDataValue = static (ref UaBinaryWriter w, DataValue v) => w.WriteDataValue(v);
    public static readonly UaElementDecoder<DataValue> ReadDataValue = static (ref UaBinaryReader r) => r.ReadDataValue();
    public static readonly UaElementEncoder<DiagnosticInfo> WriteDiagnosticInfo = static (ref UaBinaryWriter w, DiagnosticInfo v) => w.WriteDiagnosticInfo(v);
    public static readonly UaElementDecoder<DiagnosticInfo> ReadDiagnosticInfo = static (ref UaBinaryReader r) => r.ReadDiagnosticInfo();
    public static readonly UaElementEncoder<NodeId> WriteNodeId = static (ref UaBinaryWriter w, NodeId v) => w.WriteNodeId(v);
    public static readonly UaElementDecoder<NodeId> ReadNodeId = static (ref UaBinaryReader r) => r.ReadNodeId();
    public static readonly UaElementEncoder<ExpandedNodeId> WriteExpandedNodeId = static (ref UaBinaryWriter w, ExpandedNodeId v) => w.WriteExpandedNodeId(v);
    public static readonly UaElementDecoder<ExpandedNodeId> ReadExpandedNodeId = static (ref UaBinaryReader r) => r.ReadExpandedNodeId();
    public static readonly UaElementEncoder<ExtensionObject> WriteExtensionObject = static (ref UaBinaryWriter w, ExtensionObject v) => w.WriteExtensionObject(v);
    public static readonly UaElementDecoder<ExtensionObject> ReadExtensionObject = static (ref UaBinaryReader r) => r.ReadExtensionObject();
    public static readonly UaElementEncoder<LocalizedText> WriteLocalizedText = static (ref UaBinaryWriter w, LocalizedText v) => w.WriteLocalizedText(v);
    public static readonly UaElementDecoder<LocalizedText> ReadLocalizedText = static (ref UaBinaryReader r) => r.ReadLocalizedText();
    public static readonly UaElementEncoder<QualifiedName> WriteQualifiedName = static (ref UaBinaryWriter w, QualifiedName v) => w.WriteQualifiedName(v);
    public static readonly UaElementDecoder<QualifiedName> ReadQualifiedName = static (ref UaBinaryReader r) => r.ReadQualifiedName();
    public static readonly UaElementEncoder<string?> WriteString = static (ref UaBinaryWriter w, string? v) => w.WriteString(v);
    public static readonly UaElementDecoder<string?> ReadString = static (ref UaBinaryReader r) => r.ReadString();
    public static readonly UaElementEncoder<byte[]?> WriteByteString = static (ref UaBinaryWriter w, byte[]? v) => w.WriteByteString(v);
    public static readonly UaElementDecoder<byte[]?> ReadByteString = static (ref UaBinaryReader r) => r.ReadByteString();
    public static readonly UaElementEncoder<DateTime> WriteDateTime = static (ref UaBinaryWriter w, DateTime v) => w.WriteDateTime(v);
    public static readonly UaElementDecoder<DateTime> ReadDateTime = static (ref UaBinaryReader r) => r.ReadDateTime();
    public static readonly UaElementEncoder<Guid> WriteGuid = static (ref UaBinaryWriter w, Guid v) => w.WriteGuid(v);
    public static readonly UaElementDecoder<Guid> ReadGuid = static (ref UaBinaryReader r) => r.ReadGuid();
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>Property: decode(encode(x)) == x for every built-in type (fixed seeds; FsCheck prints the seed on failure).</summary>
public sealed class UaBinaryRoundTripTests
{
    private static Property RoundTrips<T>(Gen<T> gen, UaElementEncoder<T> encoder, UaElementDecoder<T> decoder) =>
        Prop.ForAll(gen.ToArbitrary(), value =>
        {
            T decoded = Codec.RoundTrip(value, encoder, decoder);
            return EqualityComparer<T>.Default.Equals(value, decoded);
        });

    [Property(Replay = "(1001,3)", MaxTest = 300)]
    public Property Boolean_RoundTrips() =>
        RoundTrips(UaGen.Bool, static (ref UaBinaryWriter w, bool v) => w.WriteBoolean(v), static (ref UaBinaryReader r) => r.ReadBoolean());

    [Property(Replay = "(1002,3)", MaxTest = 300)]
    public Property SByteAndByte_RoundTrip() =>
        RoundTrips(UaGen.Byte, static (ref UaBinaryWriter w, byte v) => { w.WriteByte(v); w.WriteSByte((sbyte)v); },
            static (ref UaBinaryReader r) => { byte b = r.ReadByte(); return r.ReadSByte() == (sbyte)b ? b : (byte)(b + 1); });

    [Property(Replay = "(1003,3)", MaxTest = 300)]
    public Property Int16AndUInt16_RoundTrip() =>
        RoundTrips(UaGen.UInt16, static (ref UaBinaryWriter w, ushort v) => { w.WriteUInt16(v); w.WriteInt16((short)v); },
            static (ref UaBinaryReader r) => { ushort u = r.ReadUInt16(); return r.ReadInt16() == (short)u ? u : (ushort)(u + 1); });

    [Property(Replay = "(1004,3)", MaxTest = 300)]
    public Property Int32AndUInt32_RoundTrip() =>
        RoundTrips(UaGen.Int32, static (ref UaBinaryWriter w, int v) => { w.WriteInt32(v); w.WriteUInt32((uint)v); },
            static (ref UaBinaryReader r) => { int i = r.ReadInt32(); return r.ReadUInt32() == (uint)i ? i : i + 1; });

    [Property(Replay = "(1005,3)", MaxTest = 300)]
    public Property Int64AndUInt64_RoundTrip() =>
        RoundTrips(UaGen.Int64, static (ref UaBinaryWriter w, long v) => { w.WriteInt64(v); w.WriteUInt64((ulong)v); },
            static (ref UaBinaryReader r) => { long i = r.ReadInt64(); return r.ReadUInt64() == (ulong)i ? i : i + 1; });

    [Property(Replay = "(1006,3)", MaxTest = 300)]
    public Property Float_RoundTripsBitExactly() =>
        Prop.ForAll(UaGen.Float.ToArbitrary(), value =>
            BitConverter.SingleToInt32Bits(Codec.RoundTrip(value, static (ref UaBinaryWriter w, float v) => w.WriteFloat(v), static (ref UaBinaryReader r) => r.ReadFloat()))
            == BitConverter.SingleToInt32Bits(value));

    [Property(Replay = "(1007,3)", MaxTest = 300)]
    public Property Double_RoundTripsBitExactly() =>
        Prop.ForAll(UaGen.Double.ToArbitrary(), value =>
            BitConverter.DoubleToInt64Bits(Codec.RoundTrip(value, static (ref UaBinaryWriter w, double v) => w.WriteDouble(v), static (ref UaBinaryReader r) => r.ReadDouble()))
            == BitConverter.DoubleToInt64Bits(value));

    [Property(Replay = "(1008,3)", MaxTest = 300)]
    public Property String_RoundTripsNullAndEmptyDistinct() => RoundTrips(UaGen.String, Codec.WriteString, Codec.ReadString);

    [Property(Replay = "(1009,3)", MaxTest = 300)]
    public Property DateTime_RoundTrips() => RoundTrips(UaGen.DateTime, Codec.WriteDateTime, Codec.ReadDateTime);

    [Property(Replay = "(1010,3)", MaxTest = 300)]
    public Property Guid_RoundTrips() => RoundTrips(UaGen.Guid, Codec.WriteGuid, Codec.ReadGuid);

    [Property(Replay = "(1011,3)", MaxTest = 300)]
    public Property ByteString_RoundTripsNullAndEmptyDistinct() =>
        Prop.ForAll(UaGen.ByteString.ToArbitrary(), value =>
        {
            byte[]? decoded = Codec.RoundTrip(value, Codec.WriteByteString, Codec.ReadByteString);
            return value is null ? decoded is null : decoded is not null && decoded.AsSpan().SequenceEqual(value);
        });

    [Property(Replay = "(1012,3)", MaxTest = 300)]
    public Property XmlElement_RoundTrips() =>
        RoundTrips(UaGen.XmlElement, static (ref UaBinaryWriter w, XmlElement v) => w.WriteXmlElement(v), static (ref UaBinaryReader r) => r.ReadXmlElement());

    [Property(Replay = "(1013,3)", MaxTest = 500)]
    public Property NodeId_RoundTripsEveryForm() => RoundTrips(UaGen.NodeId, Codec.WriteNodeId, Codec.ReadNodeId);

    [Property(Replay = "(1014,3)", MaxTest = 500)]
    public Property ExpandedNodeId_RoundTripsWithFlags() => RoundTrips(UaGen.ExpandedNodeId, Codec.WriteExpandedNodeId, Codec.ReadExpandedNodeId);

    [Property(Replay = "(1015,3)", MaxTest = 300)]
    public Property StatusCode_RoundTrips() =>
        RoundTrips(UaGen.StatusCode, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v), static (ref UaBinaryReader r) => r.ReadStatusCode());

    [Property(Replay = "(1016,3)", MaxTest = 300)]
    public Property QualifiedName_RoundTrips() => RoundTrips(UaGen.QualifiedName, Codec.WriteQualifiedName, Codec.ReadQualifiedName);

    [Property(Replay = "(1017,3)", MaxTest = 300)]
    public Property LocalizedText_RoundTrips() => RoundTrips(UaGen.LocalizedText, Codec.WriteLocalizedText, Codec.ReadLocalizedText);

    [Property(Replay = "(1018,3)", MaxTest = 300)]
    public Property ExtensionObject_RoundTrips() => RoundTrips(UaGen.ExtensionObject, Codec.WriteExtensionObject, Codec.ReadExtensionObject);

    [Property(Replay = "(1019,3)", MaxTest = 300)]
    public Property DataValue_RoundTrips() => RoundTrips(UaGen.DataValue, Codec.WriteDataValue, Codec.ReadDataValue);

    [Property(Replay = "(1020,3)", MaxTest = 1000)]
    public Property Variant_RoundTripsScalarsArraysAndMatrices() => RoundTrips(UaGen.Variant, Codec.WriteVariant, Codec.ReadVariant);

    [Property(Replay = "(1021,3)", MaxTest = 300)]
    public Property DiagnosticInfo_RoundTripsNested() => RoundTrips(UaGen.DiagnosticInfo, Codec.WriteDiagnosticInfo, Codec.ReadDiagnosticInfo);

    [Property(Replay = "(1022,3)", MaxTest = 200)]
    public Property Variant_FixedDestination_WritesSameBytesAsGrowable() =>
        Prop.ForAll(UaGen.Variant.ToArbitrary(), value =>
        {
            byte[] expected = Codec.Encode(value, Codec.WriteVariant);
            var destination = new byte[expected.Length];
            var writer = new UaBinaryWriter(destination);
            writer.WriteVariant(value);
            return writer.Position == expected.Length && destination.AsSpan().SequenceEqual(expected);
        });
}

using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>
/// Byte-exact comparison with node-opcua 2.186.4 (tests/interop/golden/encode.js wrote tests/golden/opcua).
/// The values below are built independently in C#; the case names are the contract with encode.js.
/// </summary>
public sealed class NodeOpcUaGoldenTests
{
    private static readonly Guid GuidValue = Guid.Parse("72962B91-FA75-4AE6-8D28-B404DC7DAF63");
    private static readonly DateTime T2024 = new(2024, 1, 1, 12, 34, 56, 789, DateTimeKind.Utc);
    private static readonly DateTime T2025 = new(2025, 6, 30, 23, 59, 58, 1, DateTimeKind.Utc);

    private sealed record GoldenCase(Func<byte[]> Encode, Func<byte[], bool> DecodesToValue, bool EncodeComparable = true);

    private static GoldenCase Case<T>(T value, UaElementEncoder<T> encoder, UaElementDecoder<T> decoder, bool encodeComparable = true) =>
        new(() => Codec.Encode(value, encoder), bytes => EqualityComparer<T>.Default.Equals(Codec.Decode(bytes, decoder), value), encodeComparable);

    private static GoldenCase Case(Variant value) => Case(value, Codec.WriteVariant, Codec.ReadVariant);

    private static readonly Dictionary<string, GoldenCase> Cases = new()
    {
        ["boolean_true"] = Case(true, static (ref UaBinaryWriter w, bool v) => w.WriteBoolean(v), static (ref UaBinaryReader r) => r.ReadBoolean()),
        ["sbyte_min"] = Case<sbyte>(-128, static (ref UaBinaryWriter w, sbyte v) => w.WriteSByte(v), static (ref UaBinaryReader r) => r.ReadSByte()),
        ["byte_max"] = Case<byte>(255, static (ref UaBinaryWriter w, byte v) => w.WriteByte(v), static (ref UaBinaryReader r) => r.ReadByte()),
        ["int16_negative"] = Case<short>(-12345, static (ref UaBinaryWriter w, short v) => w.WriteInt16(v), static (ref UaBinaryReader r) => r.ReadInt16()),
        ["uint16_value"] = Case<ushort>(54321, static (ref UaBinaryWriter w, ushort v) => w.WriteUInt16(v), static (ref UaBinaryReader r) => r.ReadUInt16()),
        ["int32_min"] = Case(int.MinValue, static (ref UaBinaryWriter w, int v) => w.WriteInt32(v), static (ref UaBinaryReader r) => r.ReadInt32()),
        ["uint32_value"] = Case(4_000_000_000u, static (ref UaBinaryWriter w, uint v) => w.WriteUInt32(v), static (ref UaBinaryReader r) => r.ReadUInt32()),
        ["int64_negative"] = Case(-1234567890123456789L, static (ref UaBinaryWriter w, long v) => w.WriteInt64(v), static (ref UaBinaryReader r) => r.ReadInt64()),
        ["uint64_large"] = Case(18_000_000_000_000_000_000UL, static (ref UaBinaryWriter w, ulong v) => w.WriteUInt64(v), static (ref UaBinaryReader r) => r.ReadUInt64()),
        ["float_value"] = Case(3.14159f, static (ref UaBinaryWriter w, float v) => w.WriteFloat(v), static (ref UaBinaryReader r) => r.ReadFloat()),
        ["double_value"] = Case(-2.5e-300, static (ref UaBinaryWriter w, double v) => w.WriteDouble(v), static (ref UaBinaryReader r) => r.ReadDouble()),
        ["string_utf8"] = Case<string?>("Sortierlinie \u2603 \u00c4\u00d6\u00dc", Codec.WriteString, Codec.ReadString),
        ["string_null"] = Case<string?>(null, Codec.WriteString, Codec.ReadString),
        ["string_empty"] = Case<string?>(string.Empty, Codec.WriteString, Codec.ReadString),
        ["bytestring_value"] = Case<ByteStringValue>(new([0x00, 0x01, 0x02, 0xff]), ByteStringValue.Write, ByteStringValue.Read),
        ["bytestring_null"] = Case<ByteStringValue>(new(null), ByteStringValue.Write, ByteStringValue.Read),
        ["xmlelement_value"] = Case(new XmlElement("<a>b</a>"), static (ref UaBinaryWriter w, XmlElement v) => w.WriteXmlElement(v), static (ref UaBinaryReader r) => r.ReadXmlElement()),
        ["datetime_2024"] = Case(T2024, Codec.WriteDateTime, Codec.ReadDateTime),
        ["guid_value"] = Case(GuidValue, Codec.WriteGuid, Codec.ReadGuid),
        ["nodeid_twobyte"] = Case(new NodeId(85), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_fourbyte"] = Case(new NodeId(2258), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_fourbyte_ns"] = Case(new NodeId(1025, 5), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_numeric"] = Case(new NodeId(70000, 1), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_string"] = Case(NodeId.FromString(2, "Line1"), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_guid"] = Case(NodeId.FromGuid(3, GuidValue), Codec.WriteNodeId, Codec.ReadNodeId),
        ["nodeid_bytestring"] = Case(NodeId.FromOpaque(4, [0xde, 0xad, 0xbe, 0xef]), Codec.WriteNodeId, Codec.ReadNodeId),
        ["expandednodeid_uri_server"] = Case(new ExpandedNodeId(new NodeId(70000), "urn:sortline:model", 7), Codec.WriteExpandedNodeId, Codec.ReadExpandedNodeId),
        // node-opcua writes the Numeric form once a flag is set; SortLine writes the smaller TwoByte form. Decode only.
        ["expandednodeid_server_only"] = Case(new ExpandedNodeId(new NodeId(85), null, 2), Codec.WriteExpandedNodeId, Codec.ReadExpandedNodeId, encodeComparable: false),
        ["statuscode_bad_nodeid_unknown"] = Case(StatusCode.BadNodeIdUnknown, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v), static (ref UaBinaryReader r) => r.ReadStatusCode()),
        ["qualifiedname_value"] = Case(new QualifiedName(2, "Sorter"), Codec.WriteQualifiedName, Codec.ReadQualifiedName),
        ["localizedtext_locale_text"] = Case(new LocalizedText("de-DE", "F\u00f6rderband"), Codec.WriteLocalizedText, Codec.ReadLocalizedText),
        ["localizedtext_text_only"] = Case(LocalizedText.FromText("Belt"), Codec.WriteLocalizedText, Codec.ReadLocalizedText),
        ["extensionobject_binary"] = Case(ExtensionObject.FromBinary(new NodeId(864), [1, 2, 3, 4, 5]), Codec.WriteExtensionObject, Codec.ReadExtensionObject),
        ["extensionobject_none"] = Case(default(ExtensionObject), Codec.WriteExtensionObject, Codec.ReadExtensionObject),
        ["variant_null"] = Case(Variant.Null),
        ["variant_int32"] = Case(new Variant(5)),
        ["variant_string"] = Case(new Variant("ore")),
        ["variant_double_array"] = Case(Variant.FromArray(new[] { 1.5, -0.25, 1e10 })),
        ["variant_string_array"] = Case(Variant.FromArray(new string?[] { "a", null, string.Empty })),
        ["variant_int32_matrix"] = Case(Variant.FromArray(new[] { 1, 2, 3, 4, 5, 6 }, [2, 3])),
        ["variant_bytestring"] = Case(Variant.FromByteString([9, 8, 7])),
        ["variant_localizedtext"] = Case(new Variant(new LocalizedText("en", "Quartz"))),
        ["variant_nodeid"] = Case(new Variant(NodeId.FromString(2, "Line1"))),
        ["variant_datetime"] = Case(new Variant(T2024)),
        ["variant_variant_array"] = Case(Variant.FromArray(new[] { new Variant(true), new Variant((ushort)7) })),
        ["datavalue_bool_source"] = Case(
            new DataValue { Value = new Variant(true), SourceTimestamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc) },
            Codec.WriteDataValue,
            Codec.ReadDataValue),
        ["datavalue_all_fields"] = Case(
            new DataValue
            {
                Value = new Variant(42.125),
                Status = StatusCode.UncertainInitialValue,
                SourceTimestamp = T2024,
                SourcePicoseconds = 1234, // node-opcua's 12340 ps in 10 ps units
                ServerTimestamp = T2025,
                ServerPicoseconds = 9999, // node-opcua's 99990 ps
            },
            Codec.WriteDataValue,
            Codec.ReadDataValue),
        ["diagnosticinfo_nested"] = Case(
            new DiagnosticInfo
            {
                SymbolicId = 1,
                NamespaceUri = 2,
                Locale = 3,
                LocalizedText = 4,
                AdditionalInfo = "valve 17 stuck",
                InnerStatusCode = StatusCode.BadTimeout,
                InnerDiagnosticInfo = new DiagnosticInfo { SymbolicId = 5, AdditionalInfo = "inner" },
            },
            Codec.WriteDiagnosticInfo,
            Codec.ReadDiagnosticInfo),
        ["hel_message"] = Case(
            new HelloMessage { ProtocolVersion = 0, ReceiveBufferSize = 65536, SendBufferSize = 65536, EndpointUrl = "opc.tcp://localhost:4840" },
            static (ref UaBinaryWriter w, HelloMessage v) => v.EncodeMessage(ref w),
            static (ref UaBinaryReader r) => { r.ReadBytes(MessageHeader.Size); return HelloMessage.Decode(ref r); }),
        ["ack_message"] = Case(
            new AcknowledgeMessage { ProtocolVersion = 0, ReceiveBufferSize = 65536, SendBufferSize = 32768, MaxMessageSize = 16777216, MaxChunkCount = 5000 },
            static (ref UaBinaryWriter w, AcknowledgeMessage v) => v.EncodeMessage(ref w),
            static (ref UaBinaryReader r) => { r.ReadBytes(MessageHeader.Size); return AcknowledgeMessage.Decode(ref r); }),
        ["err_message"] = Case(
            new ErrorMessage { Error = StatusCode.BadTcpMessageTooLarge, Reason = "chunk too large" },
            static (ref UaBinaryWriter w, ErrorMessage v) => v.EncodeMessage(ref w),
            static (ref UaBinaryReader r) => { r.ReadBytes(MessageHeader.Size); return ErrorMessage.Decode(ref r); }),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys.Order(StringComparer.Ordinal));

    public static TheoryData<string> EncodableCaseNames => new(Cases.Where(c => c.Value.EncodeComparable).Select(c => c.Key).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EncodableCaseNames))]
    public void Encode_SameValueAsNodeOpcua_ProducesIdenticalBytes(string caseName)
    {
        byte[] expected = GoldenFile.ReadBin(caseName);

        byte[] actual = Cases[caseName].Encode();

        Assert.Equal(GoldenFile.Hex(expected), GoldenFile.Hex(actual));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Decode_NodeOpcuaBytes_YieldsTheValue(string caseName)
    {
        byte[] golden = GoldenFile.ReadBin(caseName);

        bool equal = Cases[caseName].DecodesToValue(golden);

        Assert.True(equal, caseName + " did not decode to the expected value");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void GoldenFiles_HexTextMatchesBinary(string caseName)
    {
        Assert.Equal(GoldenFile.ReadBin(caseName), GoldenFile.ReadHex(caseName));
    }

    [Fact]
    public void GoldenDirectory_EveryBinFileHasACase()
    {
        string[] files = Directory.GetFiles(GoldenFile.PathOf(string.Empty), "*.bin").Select(Path.GetFileNameWithoutExtension).ToArray()!;

        Assert.Equal(files.Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>A ByteString with content equality, for the golden table.</summary>
    private readonly record struct ByteStringValue(byte[]? Bytes)
    {
        public static readonly UaElementEncoder<ByteStringValue> Write = static (ref UaBinaryWriter w, ByteStringValue v) => w.WriteByteString(v.Bytes);
        public static readonly UaElementDecoder<ByteStringValue> Read = static (ref UaBinaryReader r) => new(r.ReadByteString());

        public bool Equals(ByteStringValue other) => Bytes is null ? other.Bytes is null : other.Bytes is not null && Bytes.AsSpan().SequenceEqual(other.Bytes);

        public override int GetHashCode() => Bytes?.Length ?? -1;
    }
}

using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Variant (OPC 10000-6 §5.2.2.16): mask, [Int32 length], value(s), [Int32 count, Int32 dimensions].</content>
internal ref partial struct UaBinaryReader
{
    private const byte VariantTypeMask = 0x3F;
    private const byte VariantDimensionsFlag = 0x40;
    private const byte VariantArrayFlag = 0x80;

    /// <summary>
    /// Reads a Variant. Type ids 26-31 are read as ByteString (the spec asks decoders to pass them on);
    /// 32-63 are BadDecodingError. A Variant scalar of type Variant, dimensions without the array flag,
    /// and dimensions whose product differs from the array length are BadDecodingError. A null array
    /// (length -1) is returned as an empty array; a dimension count of -1 or 0 as a plain array.
    /// </summary>
    /// <exception cref="UaDecodingException">Malformed or over-limit input.</exception>
    public Variant ReadVariant()
    {
        long offset = Offset;
        byte mask = ReadByte();
        if (mask == 0)
        {
            return default;
        }

        int typeId = mask & VariantTypeMask;
        bool isArray = (mask & VariantArrayFlag) != 0;
        bool hasDimensions = (mask & VariantDimensionsFlag) != 0;
        if (typeId == 0 || typeId > 31)
        {
            ThrowHelper.ThrowDecoding(offset, "Variant mask 0x" + mask.ToString("X2", CultureInfo.InvariantCulture) + " has an invalid type id");
        }

        if (hasDimensions && !isArray)
        {
            ThrowHelper.ThrowDecoding(offset, "Variant has ArrayDimensions but is not an array");
        }

        var type = typeId > (int)BuiltInType.DiagnosticInfo ? BuiltInType.ByteString : (BuiltInType)typeId;
        EnterNested();
        Variant result;
        if (!isArray)
        {
            if (type == BuiltInType.Variant)
            {
                ThrowHelper.ThrowDecoding(offset, "A Variant cannot contain a Variant scalar");
            }

            result = new Variant(type, ReadScalar(type), false, null);
        }
        else
        {
            long lengthOffset = Offset;
            int length = CheckLength(ReadInt32(), _limits.MaxArrayLength, MinEncodedSize(type), lengthOffset, "Variant array");
            Array values = ReadArrayValues(type, Math.Max(length, 0));
            int[]? dimensions = hasDimensions ? ReadArrayDimensions(values.Length) : null;
            result = new Variant(type, values, true, dimensions);
        }

        ExitNested();
        return result;
    }

    private int[]? ReadArrayDimensions(int length)
    {
        long offset = Offset;
        int count = CheckLength(ReadInt32(), _limits.MaxArrayLength, sizeof(int), offset, "ArrayDimensions");
        if (count <= 0)
        {
            return null;
        }

        var dimensions = new int[count];
        for (int i = 0; i < dimensions.Length; i++)
        {
            dimensions[i] = ReadInt32();
        }

        if (!Variant.DimensionsMatch(dimensions, length))
        {
            ThrowHelper.ThrowDecoding(offset, "ArrayDimensions do not match the array length " + length.ToString(CultureInfo.InvariantCulture));
        }

        return count == 1 ? null : dimensions;
    }

    private object? ReadScalar(BuiltInType type) => type switch
    {
        BuiltInType.Boolean => ReadBoolean(),
        BuiltInType.SByte => ReadSByte(),
        BuiltInType.Byte => ReadByte(),
        BuiltInType.Int16 => ReadInt16(),
        BuiltInType.UInt16 => ReadUInt16(),
        BuiltInType.Int32 => ReadInt32(),
        BuiltInType.UInt32 => ReadUInt32(),
        BuiltInType.Int64 => ReadInt64(),
        BuiltInType.UInt64 => ReadUInt64(),
        BuiltInType.Float => ReadFloat(),
        BuiltInType.Double => ReadDouble(),
        BuiltInType.String => ReadString(),
        BuiltInType.DateTime => ReadDateTime(),
        BuiltInType.Guid => ReadGuid(),
        BuiltInType.ByteString => ReadByteString(),
        BuiltInType.XmlElement => ReadXmlElement(),
        BuiltInType.NodeId => ReadNodeId(),
        BuiltInType.ExpandedNodeId => ReadExpandedNodeId(),
        BuiltInType.StatusCode => ReadStatusCode(),
        BuiltInType.QualifiedName => ReadQualifiedName(),
        BuiltInType.LocalizedText => ReadLocalizedText(),
        BuiltInType.ExtensionObject => ReadExtensionObject(),
        BuiltInType.DataValue => ReadDataValue(),
        BuiltInType.DiagnosticInfo => ReadDiagnosticInfo(),
        _ => throw new InvalidOperationException("Unreachable: type " + type.ToString()),
    };

    private Array ReadArrayValues(BuiltInType type, int length) => type switch
    {
        BuiltInType.Boolean => ReadElements(length, static (ref UaBinaryReader r) => r.ReadBoolean()),
        BuiltInType.SByte => ReadElements(length, static (ref UaBinaryReader r) => r.ReadSByte()),
        BuiltInType.Byte => ReadBytes(length).ToArray(),
        BuiltInType.Int16 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadInt16()),
        BuiltInType.UInt16 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadUInt16()),
        BuiltInType.Int32 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadInt32()),
        BuiltInType.UInt32 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadUInt32()),
        BuiltInType.Int64 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadInt64()),
        BuiltInType.UInt64 => ReadElements(length, static (ref UaBinaryReader r) => r.ReadUInt64()),
        BuiltInType.Float => ReadElements(length, static (ref UaBinaryReader r) => r.ReadFloat()),
        BuiltInType.Double => ReadElements(length, static (ref UaBinaryReader r) => r.ReadDouble()),
        BuiltInType.String => ReadElements(length, static (ref UaBinaryReader r) => r.ReadString()),
        BuiltInType.DateTime => ReadElements(length, static (ref UaBinaryReader r) => r.ReadDateTime()),
        BuiltInType.Guid => ReadElements(length, static (ref UaBinaryReader r) => r.ReadGuid()),
        BuiltInType.ByteString => ReadElements(length, static (ref UaBinaryReader r) => r.ReadByteString()),
        BuiltInType.XmlElement => ReadElements(length, static (ref UaBinaryReader r) => r.ReadXmlElement()),
        BuiltInType.NodeId => ReadElements(length, static (ref UaBinaryReader r) => r.ReadNodeId()),
        BuiltInType.ExpandedNodeId => ReadElements(length, static (ref UaBinaryReader r) => r.ReadExpandedNodeId()),
        BuiltInType.StatusCode => ReadElements(length, static (ref UaBinaryReader r) => r.ReadStatusCode()),
        BuiltInType.QualifiedName => ReadElements(length, static (ref UaBinaryReader r) => r.ReadQualifiedName()),
        BuiltInType.LocalizedText => ReadElements(length, static (ref UaBinaryReader r) => r.ReadLocalizedText()),
        BuiltInType.ExtensionObject => ReadElements(length, static (ref UaBinaryReader r) => r.ReadExtensionObject()),
        BuiltInType.DataValue => ReadElements(length, static (ref UaBinaryReader r) => r.ReadDataValue()),
        BuiltInType.Variant => ReadElements(length, static (ref UaBinaryReader r) => r.ReadVariant()),
        BuiltInType.DiagnosticInfo => ReadElements(length, static (ref UaBinaryReader r) => r.ReadDiagnosticInfo()),
        _ => throw new InvalidOperationException("Unreachable: type " + type.ToString()),
    };

    /// <summary>The fewest bytes one element of <paramref name="type"/> can take, for the pre-allocation check.</summary>
    internal static int MinEncodedSize(BuiltInType type) => type switch
    {
        BuiltInType.Boolean or BuiltInType.SByte or BuiltInType.Byte => 1,
        BuiltInType.Int16 or BuiltInType.UInt16 => 2,
        BuiltInType.Int32 or BuiltInType.UInt32 or BuiltInType.Float or BuiltInType.StatusCode => 4,
        BuiltInType.Int64 or BuiltInType.UInt64 or BuiltInType.Double or BuiltInType.DateTime => 8,
        BuiltInType.Guid => 16,
        BuiltInType.String or BuiltInType.ByteString or BuiltInType.XmlElement => 4,
        BuiltInType.NodeId or BuiltInType.ExpandedNodeId => 2,
        BuiltInType.QualifiedName => 6,
        BuiltInType.ExtensionObject => 3,
        _ => 1, // LocalizedText, DataValue, Variant, DiagnosticInfo: a mask byte
    };
}

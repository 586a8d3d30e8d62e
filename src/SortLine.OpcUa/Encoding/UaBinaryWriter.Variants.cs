using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Variant: mask, [Int32 length], value(s), [Int32 count, Int32 dimensions].</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>
    /// Writes a Variant. ArrayDimensions are written (flag 0x40) only for two or more dimensions; a
    /// one-dimensional array never carries them.
    /// </summary>
    /// <exception cref="UaEncodingException">
    /// BadEncodingError for a Variant scalar inside a Variant or dimensions that do not match the length;
    /// BadEncodingLimitsExceeded over the limits or with no room.
    /// </exception>
    public void WriteVariant(Variant value)
    {
        if (value.IsNull)
        {
            WriteByte(0);
            return;
        }

        EnterNested();
        byte mask = (byte)value.Type;
        if (!value.IsArray)
        {
            if (value.Type == BuiltInType.Variant)
            {
                ThrowHelper.ThrowEncoding(_position, "A Variant cannot contain a Variant scalar");
            }

            WriteByte(mask);
            WriteScalar(value.Type, value.Value);
        }
        else
        {
            var values = (Array)value.Value!;
            ReadOnlySpan<int> dimensions = value.ArrayDimensions;
            bool writeDimensions = dimensions.Length >= 2;
            if (value.HasArrayDimensions && !Variant.DimensionsMatch(dimensions, values.Length))
            {
                ThrowHelper.ThrowEncoding(_position, "ArrayDimensions do not match the array length");
            }

            mask |= 0x80;
            if (writeDimensions)
            {
                mask |= 0x40;
            }

            WriteByte(mask);
            WriteArrayLength(values.Length);
            WriteArrayValues(value.Type, values);
            if (writeDimensions)
            {
                WriteArrayLength(dimensions.Length);
                foreach (int dimension in dimensions)
                {
                    WriteInt32(dimension);
                }
            }
        }

        ExitNested();
    }

    private void WriteScalar(BuiltInType type, object? value)
    {
        switch (type)
        {
            case BuiltInType.Boolean: WriteBoolean((bool)value!); break;
            case BuiltInType.SByte: WriteSByte((sbyte)value!); break;
            case BuiltInType.Byte: WriteByte((byte)value!); break;
            case BuiltInType.Int16: WriteInt16((short)value!); break;
            case BuiltInType.UInt16: WriteUInt16((ushort)value!); break;
            case BuiltInType.Int32: WriteInt32((int)value!); break;
            case BuiltInType.UInt32: WriteUInt32((uint)value!); break;
            case BuiltInType.Int64: WriteInt64((long)value!); break;
            case BuiltInType.UInt64: WriteUInt64((ulong)value!); break;
            case BuiltInType.Float: WriteFloat((float)value!); break;
            case BuiltInType.Double: WriteDouble((double)value!); break;
            case BuiltInType.String: WriteString((string?)value); break;
            case BuiltInType.DateTime: WriteDateTime((DateTime)value!); break;
            case BuiltInType.Guid: WriteGuid((Guid)value!); break;
            case BuiltInType.ByteString: WriteByteString((byte[]?)value); break;
            case BuiltInType.XmlElement: WriteXmlElement((XmlElement)value!); break;
            case BuiltInType.NodeId: WriteNodeId((NodeId)value!); break;
            case BuiltInType.ExpandedNodeId: WriteExpandedNodeId((ExpandedNodeId)value!); break;
            case BuiltInType.StatusCode: WriteStatusCode((StatusCode)value!); break;
            case BuiltInType.QualifiedName: WriteQualifiedName((QualifiedName)value!); break;
            case BuiltInType.LocalizedText: WriteLocalizedText((LocalizedText)value!); break;
            case BuiltInType.ExtensionObject: WriteExtensionObject((ExtensionObject)value!); break;
            case BuiltInType.DataValue: WriteDataValue((DataValue?)value ?? new DataValue()); break;
            case BuiltInType.DiagnosticInfo: WriteDiagnosticInfo((DiagnosticInfo?)value); break;
            default: ThrowHelper.ThrowEncoding(_position, "Cannot encode a Variant of type " + type.ToString()); break;
        }
    }

    private void WriteArrayValues(BuiltInType type, Array values)
    {
        switch (type)
        {
            case BuiltInType.Boolean: WriteElements<bool>((bool[])values, static (ref UaBinaryWriter w, bool v) => w.WriteBoolean(v)); break;
            case BuiltInType.SByte: WriteElements<sbyte>((sbyte[])values, static (ref UaBinaryWriter w, sbyte v) => w.WriteSByte(v)); break;
            case BuiltInType.Byte: WriteBytes((byte[])values); break;
            case BuiltInType.Int16: WriteElements<short>((short[])values, static (ref UaBinaryWriter w, short v) => w.WriteInt16(v)); break;
            case BuiltInType.UInt16: WriteElements<ushort>((ushort[])values, static (ref UaBinaryWriter w, ushort v) => w.WriteUInt16(v)); break;
            case BuiltInType.Int32: WriteElements<int>((int[])values, static (ref UaBinaryWriter w, int v) => w.WriteInt32(v)); break;
            case BuiltInType.UInt32: WriteElements<uint>((uint[])values, static (ref UaBinaryWriter w, uint v) => w.WriteUInt32(v)); break;
            case BuiltInType.Int64: WriteElements<long>((long[])values, static (ref UaBinaryWriter w, long v) => w.WriteInt64(v)); break;
            case BuiltInType.UInt64: WriteElements<ulong>((ulong[])values, static (ref UaBinaryWriter w, ulong v) => w.WriteUInt64(v)); break;
            case BuiltInType.Float: WriteElements<float>((float[])values, static (ref UaBinaryWriter w, float v) => w.WriteFloat(v)); break;
            case BuiltInType.Double: WriteElements<double>((double[])values, static (ref UaBinaryWriter w, double v) => w.WriteDouble(v)); break;
            case BuiltInType.String: WriteElements<string?>((string?[])values, static (ref UaBinaryWriter w, string? v) => w.WriteString(v)); break;
            case BuiltInType.DateTime: WriteElements<DateTime>((DateTime[])values, static (ref UaBinaryWriter w, DateTime v) => w.WriteDateTime(v)); break;
            case BuiltInType.Guid: WriteElements<Guid>((Guid[])values, static (ref UaBinaryWriter w, Guid v) => w.WriteGuid(v)); break;
            case BuiltInType.ByteString: WriteElements<byte[]?>((byte[]?[])values, static (ref UaBinaryWriter w, byte[]? v) => w.WriteByteString(v)); break;
            case BuiltInType.XmlElement: WriteElements<XmlElement>((XmlElement[])values, static (ref UaBinaryWriter w, XmlElement v) => w.WriteXmlElement(v)); break;
            case BuiltInType.NodeId: WriteElements<NodeId>((NodeId[])values, static (ref UaBinaryWriter w, NodeId v) => w.WriteNodeId(v)); break;
            case BuiltInType.ExpandedNodeId: WriteElements<ExpandedNodeId>((ExpandedNodeId[])values, static (ref UaBinaryWriter w, ExpandedNodeId v) => w.WriteExpandedNodeId(v)); break;
            case BuiltInType.StatusCode: WriteElements<StatusCode>((StatusCode[])values, static (ref UaBinaryWriter w, StatusCode v) => w.WriteStatusCode(v)); break;
            case BuiltInType.QualifiedName: WriteElements<QualifiedName>((QualifiedName[])values, static (ref UaBinaryWriter w, QualifiedName v) => w.WriteQualifiedName(v)); break;
            case BuiltInType.LocalizedText: WriteElements<LocalizedText>((LocalizedText[])values, static (ref UaBinaryWriter w, LocalizedText v) => w.WriteLocalizedText(v)); break;
            case BuiltInType.ExtensionObject: WriteElements<ExtensionObject>((ExtensionObject[])values, static (ref UaBinaryWriter w, ExtensionObject v) => w.WriteExtensionObject(v)); break;
            case BuiltInType.DataValue: WriteElements<DataValue?>((DataValue?[])values, static (ref UaBinaryWriter w, DataValue? v) => w.WriteDataValue(v ?? new DataValue())); break;
            case BuiltInType.Variant: WriteElements<Variant>((Variant[])values, static (ref UaBinaryWriter w, Variant v) => w.WriteVariant(v)); break;
            case BuiltInType.DiagnosticInfo: WriteElements<DiagnosticInfo?>((DiagnosticInfo?[])values, static (ref UaBinaryWriter w, DiagnosticInfo? v) => w.WriteDiagnosticInfo(v)); break;
            default: ThrowHelper.ThrowEncoding(_position, "Cannot encode a Variant array of type " + type.ToString()); break;
        }
    }
}

namespace SortLine.OpcUa.Encoding;

/// <content>NodeId and ExpandedNodeId: the encoder picks the smallest numeric form.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes a NodeId: TwoByte for ns 0 and id ≤ 255, FourByte for ns ≤ 255 and id ≤ 65535, else the full form.</summary>
    /// <exception cref="UaEncodingException">A string or opaque identifier over the limits, or no room.</exception>
    public void WriteNodeId(NodeId value) => WriteNodeId(value, 0);

    /// <summary>
    /// Writes an ExpandedNodeId: the NodeId in its smallest form, with flag 0x80 and the NamespaceUri when the
    /// URI is not null, and flag 0x40 and the ServerIndex when it is not 0. (node-opcua never uses the two
    /// compact forms once a flag is set; both are valid and every decoder accepts either.)
    /// </summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteExpandedNodeId(ExpandedNodeId value)
    {
        byte flags = 0;
        if (value.NamespaceUri is not null)
        {
            flags |= NodeIdEncodingByte.NamespaceUriFlag;
        }

        if (value.ServerIndex != 0)
        {
            flags |= NodeIdEncodingByte.ServerIndexFlag;
        }

        WriteNodeId(value.NodeId, flags);
        if (value.NamespaceUri is not null)
        {
            WriteString(value.NamespaceUri);
        }

        if (value.ServerIndex != 0)
        {
            WriteUInt32(value.ServerIndex);
        }
    }

    private void WriteNodeId(NodeId value, byte flags)
    {
        switch (value.IdType)
        {
            case NodeIdType.Numeric:
                uint id = value.NumericIdentifier;
                if (value.NamespaceIndex == 0 && id <= byte.MaxValue)
                {
                    WriteByte((byte)(NodeIdEncodingByte.TwoByte | flags));
                    WriteByte((byte)id);
                }
                else if (value.NamespaceIndex <= byte.MaxValue && id <= ushort.MaxValue)
                {
                    WriteByte((byte)(NodeIdEncodingByte.FourByte | flags));
                    WriteByte((byte)value.NamespaceIndex);
                    WriteUInt16((ushort)id);
                }
                else
                {
                    WriteByte((byte)(NodeIdEncodingByte.Numeric | flags));
                    WriteUInt16(value.NamespaceIndex);
                    WriteUInt32(id);
                }

                break;
            case NodeIdType.String:
                WriteByte((byte)(NodeIdEncodingByte.String | flags));
                WriteUInt16(value.NamespaceIndex);
                WriteString(value.StringIdentifier);
                break;
            case NodeIdType.Guid:
                WriteByte((byte)(NodeIdEncodingByte.Guid | flags));
                WriteUInt16(value.NamespaceIndex);
                WriteGuid(value.GuidIdentifier);
                break;
            default:
                WriteByte((byte)(NodeIdEncodingByte.ByteString | flags));
                WriteUInt16(value.NamespaceIndex);
                WriteByteString((byte[]?)value.Reference);
                break;
        }
    }
}

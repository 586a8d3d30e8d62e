using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>NodeId and ExpandedNodeId (OPC 10000-6 §5.2.2.9-10). Every form is accepted.</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>Reads a NodeId in any of its six forms.</summary>
    /// <exception cref="UaDecodingException">Unknown form, ExpandedNodeId flags in a plain NodeId, or a bad identifier.</exception>
    public NodeId ReadNodeId()
    {
        long offset = Offset;
        byte encoding = ReadByte();
        if ((encoding & ~NodeIdEncodingByte.FormMask) != 0)
        {
            // Part 6 §5.2.2.9: the flags belong to ExpandedNodeId only. Rejecting (rather than masking, as
            // open62541 does) means a desynchronised stream is noticed here instead of fields later.
            ThrowHelper.ThrowDecoding(offset, "NodeId encoding byte 0x" + encoding.ToString("X2", CultureInfo.InvariantCulture) + " carries ExpandedNodeId flags");
        }

        return ReadNodeIdBody(encoding, offset);
    }

    /// <summary>Reads an ExpandedNodeId: a NodeId whose encoding byte may carry the NamespaceUri (0x80) and ServerIndex (0x40) flags.</summary>
    /// <exception cref="UaDecodingException">Unknown form or a bad field.</exception>
    public ExpandedNodeId ReadExpandedNodeId()
    {
        long offset = Offset;
        byte encoding = ReadByte();
        NodeId nodeId = ReadNodeIdBody((byte)(encoding & NodeIdEncodingByte.FormMask), offset);
        string? namespaceUri = (encoding & NodeIdEncodingByte.NamespaceUriFlag) != 0 ? ReadString() : null;
        uint serverIndex = (encoding & NodeIdEncodingByte.ServerIndexFlag) != 0 ? ReadUInt32() : 0;
        return new ExpandedNodeId(nodeId, namespaceUri, serverIndex);
    }

    private NodeId ReadNodeIdBody(byte form, long offset)
    {
        switch (form)
        {
            case NodeIdEncodingByte.TwoByte:
                return new NodeId(ReadByte());
            case NodeIdEncodingByte.FourByte:
                {
                    byte ns = ReadByte();
                    return new NodeId(ReadUInt16(), ns);
                }

            case NodeIdEncodingByte.Numeric:
                {
                    ushort ns = ReadUInt16();
                    return new NodeId(ReadUInt32(), ns);
                }

            case NodeIdEncodingByte.String:
                {
                    ushort ns = ReadUInt16();
                    return NodeId.FromString(ns, ReadString());
                }

            case NodeIdEncodingByte.Guid:
                {
                    ushort ns = ReadUInt16();
                    return NodeId.FromGuid(ns, ReadGuid());
                }

            case NodeIdEncodingByte.ByteString:
                {
                    ushort ns = ReadUInt16();
                    return NodeId.FromOpaque(ns, ReadByteString());
                }

            default:
                ThrowHelper.ThrowDecoding(offset, "Unknown NodeId encoding 0x" + form.ToString("X2", CultureInfo.InvariantCulture));
                return default;
        }
    }
}

using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>ExtensionObject (OPC 10000-6 §5.2.2.15): TypeId, encoding byte, then an Int32-prefixed body for 0x01/0x02.</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>Reads an ExtensionObject, keeping the body as bytes so unknown types pass through.</summary>
    /// <exception cref="UaDecodingException">Unknown encoding byte, a body over the limits, or truncation.</exception>
    public ExtensionObject ReadExtensionObject()
    {
        EnterNested();
        NodeId typeId = ReadNodeId();
        long offset = Offset;
        byte encoding = ReadByte();
        ExtensionObject result;
        switch (encoding)
        {
            case (byte)ExtensionObjectEncoding.None:
                result = new ExtensionObject(typeId, ExtensionObjectEncoding.None, null);
                break;
            case (byte)ExtensionObjectEncoding.Binary:
                result = new ExtensionObject(typeId, ExtensionObjectEncoding.Binary, ReadByteString());
                break;
            case (byte)ExtensionObjectEncoding.Xml:
                {
                    long prefixOffset = Offset;
                    int length = CheckLength(ReadInt32(), _limits.MaxStringLength, 1, prefixOffset, "ExtensionObject XML body");
                    result = new ExtensionObject(typeId, ExtensionObjectEncoding.Xml, length < 0 ? null : ReadBytes(length).ToArray());
                    break;
                }

            default:
                ThrowHelper.ThrowDecoding(offset, "Unknown ExtensionObject encoding 0x" + encoding.ToString("X2", CultureInfo.InvariantCulture));
                return default;
        }

        ExitNested();
        return result;
    }
}

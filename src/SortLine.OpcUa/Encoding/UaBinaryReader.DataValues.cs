using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>DataValue (OPC 10000-6 §5.2.2.17).</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>
    /// Reads a DataValue: mask, then Value, Status, SourceTimestamp, SourcePicoseconds, ServerTimestamp,
    /// ServerPicoseconds as the mask says (the stream order differs from the bit order).
    /// </summary>
    /// <exception cref="UaDecodingException">Undefined mask bits, picoseconds above 9999, or a bad field.</exception>
    public DataValue ReadDataValue()
    {
        EnterNested();
        long offset = Offset;
        byte mask = ReadByte();
        if ((mask & ~0x3F) != 0)
        {
            ThrowHelper.ThrowDecoding(offset, "DataValue mask 0x" + mask.ToString("X2", CultureInfo.InvariantCulture) + " has undefined bits");
        }

        Variant value = (mask & 0x01) != 0 ? ReadVariant() : default;
        StatusCode status = (mask & 0x02) != 0 ? ReadStatusCode() : StatusCode.Good;
        DateTime? sourceTimestamp = (mask & 0x04) != 0 ? ReadDateTime() : null;
        ushort sourcePicoseconds = (mask & 0x10) != 0 ? ReadPicoseconds() : (ushort)0;
        DateTime? serverTimestamp = (mask & 0x08) != 0 ? ReadDateTime() : null;
        ushort serverPicoseconds = (mask & 0x20) != 0 ? ReadPicoseconds() : (ushort)0;
        ExitNested();
        return new DataValue
        {
            Value = value,
            Status = status,
            SourceTimestamp = sourceTimestamp,
            SourcePicoseconds = sourcePicoseconds,
            ServerTimestamp = serverTimestamp,
            ServerPicoseconds = serverPicoseconds,
        };
    }

    private ushort ReadPicoseconds()
    {
        long offset = Offset;
        ushort value = ReadUInt16();
        if (value > DataValue.MaxPicoseconds)
        {
            ThrowHelper.ThrowDecoding(offset, "Picoseconds " + value.ToString(CultureInfo.InvariantCulture) + " above 9999");
        }

        return value;
    }
}

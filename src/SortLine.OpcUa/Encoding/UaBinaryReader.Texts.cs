using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>QualifiedName and LocalizedText (OPC 10000-6 §5.2.2.13-14).</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>Reads a QualifiedName: UInt16 namespace index then String (no mask).</summary>
    public QualifiedName ReadQualifiedName()
    {
        ushort ns = ReadUInt16();
        return new QualifiedName(ns, ReadString());
    }

    /// <summary>Reads a LocalizedText: mask (0x01 Locale, 0x02 Text), then the present fields.</summary>
    /// <exception cref="UaDecodingException">Undefined mask bits or a bad string.</exception>
    public LocalizedText ReadLocalizedText()
    {
        long offset = Offset;
        byte mask = ReadByte();
        if ((mask & ~0x03) != 0)
        {
            ThrowHelper.ThrowDecoding(offset, "LocalizedText mask 0x" + mask.ToString("X2", CultureInfo.InvariantCulture) + " has undefined bits");
        }

        string? locale = (mask & 0x01) != 0 ? ReadString() : null;
        string? text = (mask & 0x02) != 0 ? ReadString() : null;
        return new LocalizedText(locale, text);
    }
}

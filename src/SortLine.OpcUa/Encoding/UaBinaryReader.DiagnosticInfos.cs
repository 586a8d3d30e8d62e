using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>DiagnosticInfo (OPC 10000-6 §5.2.2.12), recursive through InnerDiagnosticInfo and depth-limited.</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>
    /// Reads a DiagnosticInfo: mask, then SymbolicId, NamespaceUri, Locale, LocalizedText (Int32 each),
    /// AdditionalInfo, InnerStatusCode, InnerDiagnosticInfo as the mask says.
    /// </summary>
    /// <exception cref="UaDecodingException">Undefined mask bits, nesting past the limit, or a bad field.</exception>
    public DiagnosticInfo ReadDiagnosticInfo()
    {
        EnterNested();
        long offset = Offset;
        byte mask = ReadByte();
        if ((mask & 0x80) != 0)
        {
            ThrowHelper.ThrowDecoding(offset, "DiagnosticInfo mask 0x" + mask.ToString("X2", CultureInfo.InvariantCulture) + " has undefined bits");
        }

        int? symbolicId = (mask & 0x01) != 0 ? ReadInt32() : null;
        int? namespaceUri = (mask & 0x02) != 0 ? ReadInt32() : null;
        int? locale = (mask & 0x08) != 0 ? ReadInt32() : null;
        int? localizedText = (mask & 0x04) != 0 ? ReadInt32() : null;
        string? additionalInfo = (mask & 0x10) != 0 ? ReadString() : null;
        StatusCode? innerStatusCode = (mask & 0x20) != 0 ? ReadStatusCode() : null;
        DiagnosticInfo? inner = (mask & 0x40) != 0 ? ReadDiagnosticInfo() : null;
        ExitNested();
        return new DiagnosticInfo
        {
            SymbolicId = symbolicId,
            NamespaceUri = namespaceUri,
            Locale = locale,
            LocalizedText = localizedText,
            AdditionalInfo = additionalInfo,
            InnerStatusCode = innerStatusCode,
            InnerDiagnosticInfo = inner,
        };
    }
}

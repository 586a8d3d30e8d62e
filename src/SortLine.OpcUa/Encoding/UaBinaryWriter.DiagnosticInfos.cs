namespace SortLine.OpcUa.Encoding;

/// <content>DiagnosticInfo.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes a DiagnosticInfo; each field that is not null sets its mask bit. Null writes an empty DiagnosticInfo (mask 0).</summary>
    /// <exception cref="UaEncodingException">Nesting past the limit, over the limits, or no room.</exception>
    public void WriteDiagnosticInfo(DiagnosticInfo? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        EnterNested();
        byte mask = 0;
        mask |= value.SymbolicId is null ? (byte)0 : (byte)0x01;
        mask |= value.NamespaceUri is null ? (byte)0 : (byte)0x02;
        mask |= value.LocalizedText is null ? (byte)0 : (byte)0x04;
        mask |= value.Locale is null ? (byte)0 : (byte)0x08;
        mask |= value.AdditionalInfo is null ? (byte)0 : (byte)0x10;
        mask |= value.InnerStatusCode is null ? (byte)0 : (byte)0x20;
        mask |= value.InnerDiagnosticInfo is null ? (byte)0 : (byte)0x40;
        WriteByte(mask);
        if (value.SymbolicId is int symbolicId)
        {
            WriteInt32(symbolicId);
        }

        if (value.NamespaceUri is int namespaceUri)
        {
            WriteInt32(namespaceUri);
        }

        if (value.Locale is int locale)
        {
            WriteInt32(locale);
        }

        if (value.LocalizedText is int localizedText)
        {
            WriteInt32(localizedText);
        }

        if (value.AdditionalInfo is not null)
        {
            WriteString(value.AdditionalInfo);
        }

        if (value.InnerStatusCode is StatusCode inner)
        {
            WriteStatusCode(inner);
        }

        if (value.InnerDiagnosticInfo is not null)
        {
            WriteDiagnosticInfo(value.InnerDiagnosticInfo);
        }

        ExitNested();
    }
}

namespace SortLine.OpcUa.Encoding;

/// <content>QualifiedName and LocalizedText.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes a QualifiedName: UInt16 namespace index then String.</summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteQualifiedName(QualifiedName value)
    {
        WriteUInt16(value.NamespaceIndex);
        WriteString(value.Name);
    }

    /// <summary>Writes a LocalizedText: mask (0x01 when Locale is not null, 0x02 when Text is not null), then those fields.</summary>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteLocalizedText(LocalizedText value)
    {
        byte mask = 0;
        if (value.Locale is not null)
        {
            mask |= 0x01;
        }

        if (value.Text is not null)
        {
            mask |= 0x02;
        }

        WriteByte(mask);
        if (value.Locale is not null)
        {
            WriteString(value.Locale);
        }

        if (value.Text is not null)
        {
            WriteString(value.Text);
        }
    }
}

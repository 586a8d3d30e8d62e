namespace SortLine.OpcUa.Encoding;

/// <content>DataValue.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>
    /// Writes a DataValue. Mask bits are set for a non-null Value, a non-Good Status, present timestamps and
    /// non-zero picoseconds; fields follow in stream order (Value, Status, SourceTimestamp, SourcePicoseconds,
    /// ServerTimestamp, ServerPicoseconds).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="UaEncodingException">Over the limits or no room.</exception>
    public void WriteDataValue(DataValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnterNested();
        byte mask = 0;
        if (!value.Value.IsNull)
        {
            mask |= 0x01;
        }

        if (value.Status != StatusCode.Good)
        {
            mask |= 0x02;
        }

        if (value.SourceTimestamp is not null)
        {
            mask |= 0x04;
        }

        if (value.ServerTimestamp is not null)
        {
            mask |= 0x08;
        }

        if (value.SourcePicoseconds != 0)
        {
            mask |= 0x10;
        }

        if (value.ServerPicoseconds != 0)
        {
            mask |= 0x20;
        }

        WriteByte(mask);
        if ((mask & 0x01) != 0)
        {
            WriteVariant(value.Value);
        }

        if ((mask & 0x02) != 0)
        {
            WriteStatusCode(value.Status);
        }

        if (value.SourceTimestamp is DateTime source)
        {
            WriteDateTime(source);
        }

        if ((mask & 0x10) != 0)
        {
            WriteUInt16(value.SourcePicoseconds);
        }

        if (value.ServerTimestamp is DateTime server)
        {
            WriteDateTime(server);
        }

        if ((mask & 0x20) != 0)
        {
            WriteUInt16(value.ServerPicoseconds);
        }

        ExitNested();
    }
}

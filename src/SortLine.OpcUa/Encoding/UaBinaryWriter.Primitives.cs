using System.Buffers.Binary;

namespace SortLine.OpcUa.Encoding;

/// <content>Fixed-size built-in types: Boolean to Double, DateTime, Guid, StatusCode.</content>
internal ref partial struct UaBinaryWriter
{
    /// <summary>Writes a Boolean as 1 or 0.</summary>
    public void WriteBoolean(bool value) => WriteByte(value ? (byte)1 : (byte)0);

    /// <summary>Writes an SByte.</summary>
    public void WriteSByte(sbyte value) => WriteByte((byte)value);

    /// <summary>Writes a Byte.</summary>
    public void WriteByte(byte value) => Reserve(1)[0] = value;

    /// <summary>Writes an Int16 (little-endian).</summary>
    public void WriteInt16(short value) => BinaryPrimitives.WriteInt16LittleEndian(Reserve(sizeof(short)), value);

    /// <summary>Writes a UInt16 (little-endian).</summary>
    public void WriteUInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Reserve(sizeof(ushort)), value);

    /// <summary>Writes an Int32 (little-endian).</summary>
    public void WriteInt32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Reserve(sizeof(int)), value);

    /// <summary>Writes a UInt32 (little-endian).</summary>
    public void WriteUInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Reserve(sizeof(uint)), value);

    /// <summary>Writes an Int64 (little-endian).</summary>
    public void WriteInt64(long value) => BinaryPrimitives.WriteInt64LittleEndian(Reserve(sizeof(long)), value);

    /// <summary>Writes a UInt64 (little-endian).</summary>
    public void WriteUInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Reserve(sizeof(ulong)), value);

    /// <summary>Writes a Float (IEEE-754 single, little-endian).</summary>
    public void WriteFloat(float value) => BinaryPrimitives.WriteSingleLittleEndian(Reserve(sizeof(float)), value);

    /// <summary>Writes a Double (IEEE-754 double, little-endian).</summary>
    public void WriteDouble(double value) => BinaryPrimitives.WriteDoubleLittleEndian(Reserve(sizeof(double)), value);

    /// <summary>Writes a DateTime with the clamping rules of <see cref="UaDateTime.ToWireTicks"/>.</summary>
    public void WriteDateTime(DateTime value) => WriteInt64(UaDateTime.ToWireTicks(value));

    /// <summary>Writes a Guid: Data1 UInt32, Data2 UInt16, Data3 UInt16 (little-endian), then Data4 as 8 bytes.</summary>
    public void WriteGuid(Guid value)
    {
        bool written = value.TryWriteBytes(Reserve(16));
        System.Diagnostics.Debug.Assert(written, "16 bytes were reserved");
    }

    /// <summary>Writes a StatusCode (UInt32).</summary>
    public void WriteStatusCode(StatusCode value) => WriteUInt32(value.Code);
}

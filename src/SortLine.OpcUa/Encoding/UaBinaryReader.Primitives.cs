using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <content>Fixed-size built-in types: Boolean to Double, DateTime, Guid, StatusCode (OPC 10000-6 §5.2.2.1-6, 11).</content>
internal ref partial struct UaBinaryReader
{
    /// <summary>Reads a Boolean: any non-zero byte is true.</summary>
    public bool ReadBoolean() => ReadByte() != 0;

    /// <summary>Reads an SByte.</summary>
    public sbyte ReadSByte() => (sbyte)ReadByte();

    /// <summary>Reads a Byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if (_position >= _buffer.Length)
        {
            ThrowHelper.ThrowTruncated(Offset, 1, 0);
        }

        return _buffer[_position++];
    }

    /// <summary>Reads an Int16 (little-endian).</summary>
    public short ReadInt16() => BinaryPrimitives.ReadInt16LittleEndian(ReadBytes(sizeof(short)));

    /// <summary>Reads a UInt16 (little-endian).</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(sizeof(ushort)));

    /// <summary>Reads an Int32 (little-endian).</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(sizeof(int)));

    /// <summary>Reads a UInt32 (little-endian).</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(sizeof(uint)));

    /// <summary>Reads an Int64 (little-endian).</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(ReadBytes(sizeof(long)));

    /// <summary>Reads a UInt64 (little-endian).</summary>
    public ulong ReadUInt64() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(sizeof(ulong)));

    /// <summary>Reads a Float (IEEE-754 single, little-endian); NaN and infinities pass through.</summary>
    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(ReadBytes(sizeof(float)));

    /// <summary>Reads a Double (IEEE-754 double, little-endian); NaN and infinities pass through.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(ReadBytes(sizeof(double)));

    /// <summary>Reads a DateTime (UTC) with the clamping rules of <see cref="UaDateTime.FromWireTicks"/>.</summary>
    public DateTime ReadDateTime() => UaDateTime.FromWireTicks(ReadInt64());

    /// <summary>Reads a Guid: Data1 UInt32, Data2 UInt16, Data3 UInt16 (little-endian), then Data4 as 8 bytes.</summary>
    public Guid ReadGuid() => new(ReadBytes(16));

    /// <summary>Reads a StatusCode (UInt32).</summary>
    public StatusCode ReadStatusCode() => new(ReadUInt32());
}

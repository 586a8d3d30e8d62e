namespace SortLine.OpcUa.AddressSpace;

/// <summary>Bits of the AccessLevel / UserAccessLevel attributes (OPC 10000-3 §8.57).</summary>
public static class AccessLevels
{
    /// <summary>No access.</summary>
    public const byte None = 0;

    /// <summary>The current value can be read.</summary>
    public const byte CurrentRead = 0x01;

    /// <summary>The current value can be written.</summary>
    public const byte CurrentWrite = 0x02;

    /// <summary>Read and write.</summary>
    public const byte CurrentReadOrWrite = CurrentRead | CurrentWrite;
}

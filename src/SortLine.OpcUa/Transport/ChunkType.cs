namespace SortLine.OpcUa.Transport;

/// <summary>The fourth header byte (OPC 10000-6 §6.7.2.2). Only MSG may use C and A; every other type is F.</summary>
internal enum ChunkType : byte
{
    /// <summary>F: the final (or only) chunk of a message.</summary>
    Final = (byte)'F',

    /// <summary>C: an intermediate chunk; more follow.</summary>
    Intermediate = (byte)'C',

    /// <summary>A: abort; the sender discards the message. The body is Error (UInt32) and Reason (String).</summary>
    Abort = (byte)'A',
}

namespace SortLine.OpcUa.Transport;

/// <summary>
/// The three-ASCII-byte message type of a UA TCP / UA Secure Conversation chunk header
/// (OPC 10000-6 §7.1.2.2 and §6.7.2.2). The value is the three bytes read as a little-endian integer.
/// </summary>
internal enum MessageType : uint
{
    /// <summary>Unknown (not a valid value on the wire).</summary>
    None = 0,

    /// <summary>HEL: client Hello (UACP).</summary>
    Hello = 'H' | ('E' << 8) | ('L' << 16),

    /// <summary>ACK: server Acknowledge (UACP).</summary>
    Acknowledge = 'A' | ('C' << 8) | ('K' << 16),

    /// <summary>ERR: Error, then the sender closes (UACP).</summary>
    Error = 'E' | ('R' << 8) | ('R' << 16),

    /// <summary>RHE: ReverseHello from a server (UACP).</summary>
    ReverseHello = 'R' | ('H' << 8) | ('E' << 16),

    /// <summary>OPN: OpenSecureChannel (UASC).</summary>
    OpenSecureChannel = 'O' | ('P' << 8) | ('N' << 16),

    /// <summary>CLO: CloseSecureChannel (UASC).</summary>
    CloseSecureChannel = 'C' | ('L' << 8) | ('O' << 16),

    /// <summary>MSG: a service request or response chunk (UASC).</summary>
    Message = 'M' | ('S' << 8) | ('G' << 16),
}

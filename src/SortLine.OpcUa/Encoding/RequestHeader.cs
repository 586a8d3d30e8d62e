// Wire layout (OPC 10000-4 §7.33, OPC 10000-6 §5.2): the first field of every request.
//
//   AuthenticationToken  NodeId          secret session token from CreateSession (null before)
//   Timestamp            DateTime        client send time
//   RequestHandle        UInt32          echoed in the ResponseHeader
//   ReturnDiagnostics    UInt32          bit mask (SortLine returns none)
//   AuditEntryId         String
//   TimeoutHint          UInt32          ms; 0 = no timeout
//   AdditionalHeader     ExtensionObject
namespace SortLine.OpcUa.Encoding;

/// <summary>The common request header.</summary>
internal sealed record RequestHeader
{
    /// <summary>The session's authentication token (null NodeId before CreateSession).</summary>
    public NodeId AuthenticationToken { get; init; }

    /// <summary>When the client sent the request (UTC).</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>Client-chosen handle, echoed in the response.</summary>
    public uint RequestHandle { get; init; }

    /// <summary>Requested diagnostics bit mask.</summary>
    public uint ReturnDiagnostics { get; init; }

    /// <summary>Audit log entry id.</summary>
    public string? AuditEntryId { get; init; }

    /// <summary>Client-side timeout in milliseconds (0 = none).</summary>
    public uint TimeoutHint { get; init; }

    /// <summary>Reserved additional header.</summary>
    public ExtensionObject AdditionalHeader { get; init; }

    /// <summary>Decodes the header.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static RequestHeader Decode(ref UaBinaryReader reader) => new()
    {
        AuthenticationToken = reader.ReadNodeId(),
        Timestamp = reader.ReadDateTime(),
        RequestHandle = reader.ReadUInt32(),
        ReturnDiagnostics = reader.ReadUInt32(),
        AuditEntryId = reader.ReadString(),
        TimeoutHint = reader.ReadUInt32(),
        AdditionalHeader = reader.ReadExtensionObject(),
    };

    /// <summary>Encodes the header.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(AuthenticationToken);
        writer.WriteDateTime(Timestamp);
        writer.WriteUInt32(RequestHandle);
        writer.WriteUInt32(ReturnDiagnostics);
        writer.WriteString(AuditEntryId);
        writer.WriteUInt32(TimeoutHint);
        writer.WriteExtensionObject(AdditionalHeader);
    }
}

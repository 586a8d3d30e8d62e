// Wire layout (OPC 10000-4 §7.34): the first field of every response; alone it is a ServiceFault (397).
//
//   Timestamp           DateTime
//   RequestHandle       UInt32          echo of the request's handle
//   ServiceResult       StatusCode
//   ServiceDiagnostics  DiagnosticInfo  (SortLine sends mask 0x00)
//   StringTable         String[]
//   AdditionalHeader    ExtensionObject
namespace SortLine.OpcUa.Encoding;

/// <summary>The common response header.</summary>
internal sealed record ResponseHeader
{
    /// <summary>When the server sent the response (UTC).</summary>
    public DateTime Timestamp { get; init; }

    /// <summary>The request's handle.</summary>
    public uint RequestHandle { get; init; }

    /// <summary>The service-level result.</summary>
    public StatusCode ServiceResult { get; init; }

    /// <summary>Service diagnostics (null = empty mask).</summary>
    public DiagnosticInfo? ServiceDiagnostics { get; init; }

    /// <summary>Strings referenced by diagnostics.</summary>
    public string?[]? StringTable { get; init; }

    /// <summary>Reserved additional header.</summary>
    public ExtensionObject AdditionalHeader { get; init; }

    /// <summary>Decodes the header.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ResponseHeader Decode(ref UaBinaryReader reader) => new()
    {
        Timestamp = reader.ReadDateTime(),
        RequestHandle = reader.ReadUInt32(),
        ServiceResult = reader.ReadStatusCode(),
        ServiceDiagnostics = reader.ReadDiagnosticInfo(),
        StringTable = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
        AdditionalHeader = reader.ReadExtensionObject(),
    };

    /// <summary>Encodes the header.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteDateTime(Timestamp);
        writer.WriteUInt32(RequestHandle);
        writer.WriteStatusCode(ServiceResult);
        writer.WriteDiagnosticInfo(ServiceDiagnostics);
        writer.WriteArray(StringTable ?? [], static (ref UaBinaryWriter w, string? s) => w.WriteString(s));
        writer.WriteExtensionObject(AdditionalHeader);
    }
}

// Wire layout (OPC 10000-4 §5.6.2) after the encoding NodeId 461:
//
//   RequestHeader  RequestHeader
//   ClientDescription  ApplicationDescription
//   ServerUri  String
//   EndpointUrl  String
//   SessionName  String
//   ClientNonce  ByteString
//   ClientCertificate  ByteString
//   RequestedSessionTimeout  Double
//   MaxResponseMessageSize  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateSession request.</summary>
internal sealed record CreateSessionRequest : IServiceRequest
{
    /// <summary>Binary encoding id (CreateSessionRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 461;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The client.</summary>
    public ApplicationDescription ClientDescription { get; init; } = new();

    /// <summary>Server URI.</summary>
    public string? ServerUri { get; init; }

    /// <summary>Endpoint URL.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>Session name.</summary>
    public string? SessionName { get; init; }

    /// <summary>Client nonce.</summary>
    public byte[]? ClientNonce { get; init; }

    /// <summary>Client certificate.</summary>
    public byte[]? ClientCertificate { get; init; }

    /// <summary>Requested timeout, ms.</summary>
    public double RequestedSessionTimeout { get; init; }

    /// <summary>Largest response the client accepts (0 = no limit).</summary>
    public uint MaxResponseMessageSize { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CreateSessionRequest Decode(ref UaBinaryReader reader)
    {
        return new CreateSessionRequest
        {
            RequestHeader = RequestHeader.Decode(ref reader),
            ClientDescription = ApplicationDescription.Decode(ref reader),
            ServerUri = reader.ReadString(),
            EndpointUrl = reader.ReadString(),
            SessionName = reader.ReadString(),
            ClientNonce = reader.ReadByteString(),
            ClientCertificate = reader.ReadByteString(),
            RequestedSessionTimeout = reader.ReadDouble(),
            MaxResponseMessageSize = reader.ReadUInt32(),
        };
    }

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        ClientDescription.Encode(ref writer);
        writer.WriteString(ServerUri);
        writer.WriteString(EndpointUrl);
        writer.WriteString(SessionName);
        writer.WriteByteString(ClientNonce);
        writer.WriteByteString(ClientCertificate);
        writer.WriteDouble(RequestedSessionTimeout);
        writer.WriteUInt32(MaxResponseMessageSize);
    }
}

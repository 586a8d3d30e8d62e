// Wire layout (OPC 10000-4 §5.6.2) after the encoding NodeId 464:
//
//   ResponseHeader  ResponseHeader (written by the dispatcher)
//   SessionId  NodeId
//   AuthenticationToken  NodeId
//   RevisedSessionTimeout  Double
//   ServerNonce  ByteString
//   ServerCertificate  ByteString
//   ServerEndpoints  EndpointDescription[]
//   ServerSoftwareCertificates  SignedSoftwareCertificate[]
//   ServerSignature  SignatureData
//   MaxRequestMessageSize  UInt32
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CreateSession response.</summary>
internal sealed record CreateSessionResponse : IServiceResponse
{
    /// <summary>Binary encoding id (CreateSessionResponse_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 464;

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <summary>Public session id.</summary>
    public NodeId SessionId { get; init; }

    /// <summary>Secret token for later request headers.</summary>
    public NodeId AuthenticationToken { get; init; }

    /// <summary>Revised timeout, ms.</summary>
    public double RevisedSessionTimeout { get; init; }

    /// <summary>32 random bytes.</summary>
    public byte[]? ServerNonce { get; init; }

    /// <summary>Server certificate (null with None).</summary>
    public byte[]? ServerCertificate { get; init; }

    /// <summary>Same list as GetEndpoints.</summary>
    public EndpointDescription[]? ServerEndpoints { get; init; }

    /// <summary>Empty.</summary>
    public SignedSoftwareCertificate[]? ServerSoftwareCertificates { get; init; }

    /// <summary>Null algorithm and signature with None.</summary>
    public SignatureData ServerSignature { get; init; } = new();

    /// <summary>Largest request accepted (0 = no limit).</summary>
    public uint MaxRequestMessageSize { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CreateSessionResponse Decode(ref UaBinaryReader reader)
    {
        _ = ResponseHeader.Decode(ref reader);
        return new CreateSessionResponse
        {
            SessionId = reader.ReadNodeId(),
            AuthenticationToken = reader.ReadNodeId(),
            RevisedSessionTimeout = reader.ReadDouble(),
            ServerNonce = reader.ReadByteString(),
            ServerCertificate = reader.ReadByteString(),
            ServerEndpoints = reader.ReadArray(static (ref UaBinaryReader r) => EndpointDescription.Decode(ref r), 1),
            ServerSoftwareCertificates = reader.ReadArray(static (ref UaBinaryReader r) => SignedSoftwareCertificate.Decode(ref r), 1),
            ServerSignature = SignatureData.Decode(ref reader),
            MaxRequestMessageSize = reader.ReadUInt32(),
        };
    }

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(SessionId);
        writer.WriteNodeId(AuthenticationToken);
        writer.WriteDouble(RevisedSessionTimeout);
        writer.WriteByteString(ServerNonce);
        writer.WriteByteString(ServerCertificate);
        writer.WriteArray(ServerEndpoints, static (ref UaBinaryWriter w, EndpointDescription v) => v.Encode(ref w));
        writer.WriteArray(ServerSoftwareCertificates, static (ref UaBinaryWriter w, SignedSoftwareCertificate v) => v.Encode(ref w));
        ServerSignature.Encode(ref writer);
        writer.WriteUInt32(MaxRequestMessageSize);
    }
}

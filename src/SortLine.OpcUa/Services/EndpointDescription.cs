// Wire layout (OPC 10000-4 §7.14):
//
//   EndpointUrl  String
//   Server  ApplicationDescription
//   ServerCertificate  ByteString
//   SecurityMode  enum:MessageSecurityMode
//   SecurityPolicyUri  String
//   UserIdentityTokens  UserTokenPolicy[]
//   TransportProfileUri  String
//   SecurityLevel  Byte
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;

namespace SortLine.OpcUa.Services;

/// <summary>EndpointDescription (OPC 10000-4 §7.14).</summary>
internal sealed record EndpointDescription
{
    /// <summary>Endpoint URL.</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>The server.</summary>
    public ApplicationDescription Server { get; init; } = new();

    /// <summary>DER certificate (null with None).</summary>
    public byte[]? ServerCertificate { get; init; }

    /// <summary>Security mode.</summary>
    public MessageSecurityMode SecurityMode { get; init; }

    /// <summary>Security policy URI.</summary>
    public string? SecurityPolicyUri { get; init; }

    /// <summary>Accepted user tokens.</summary>
    public UserTokenPolicy[]? UserIdentityTokens { get; init; }

    /// <summary>Transport profile URI.</summary>
    public string? TransportProfileUri { get; init; }

    /// <summary>Relative security level.</summary>
    public byte SecurityLevel { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static EndpointDescription Decode(ref UaBinaryReader reader)
    {
        return new EndpointDescription
        {
            EndpointUrl = reader.ReadString(),
            Server = ApplicationDescription.Decode(ref reader),
            ServerCertificate = reader.ReadByteString(),
            SecurityMode = (MessageSecurityMode)reader.ReadInt32(),
            SecurityPolicyUri = reader.ReadString(),
            UserIdentityTokens = reader.ReadArray(static (ref UaBinaryReader r) => UserTokenPolicy.Decode(ref r), 1),
            TransportProfileUri = reader.ReadString(),
            SecurityLevel = reader.ReadByte(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(EndpointUrl);
        Server.Encode(ref writer);
        writer.WriteByteString(ServerCertificate);
        writer.WriteInt32((int)SecurityMode);
        writer.WriteString(SecurityPolicyUri);
        writer.WriteArray(UserIdentityTokens, static (ref UaBinaryWriter w, UserTokenPolicy v) => v.Encode(ref w));
        writer.WriteString(TransportProfileUri);
        writer.WriteByte(SecurityLevel);
    }
}

// Wire layout (OPC 10000-4 §5.5.2.2), body of an OPN chunk after the encoding NodeId 446:
//
//   RequestHeader          RequestHeader
//   ClientProtocolVersion  UInt32   must equal the HEL ProtocolVersion
//   RequestType            Int32    0 Issue, 1 Renew
//   SecurityMode           Int32    1 None, 2 Sign, 3 SignAndEncrypt
//   ClientNonce            ByteString
//   RequestedLifetime      UInt32   ms
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>OpenSecureChannelRequest.</summary>
internal sealed record OpenSecureChannelRequest
{
    /// <summary>Binary encoding id (OpenSecureChannelRequest_Encoding_DefaultBinary).</summary>
    public const uint BinaryEncodingId = 446;

    /// <summary>The request header.</summary>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The client's UASC protocol version.</summary>
    public uint ClientProtocolVersion { get; init; }

    /// <summary>Issue or Renew.</summary>
    public SecurityTokenRequestType RequestType { get; init; }

    /// <summary>Requested security mode.</summary>
    public MessageSecurityMode SecurityMode { get; init; }

    /// <summary>Client nonce (may be empty with None).</summary>
    public byte[]? ClientNonce { get; init; }

    /// <summary>Requested token lifetime in milliseconds.</summary>
    public uint RequestedLifetime { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static OpenSecureChannelRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        ClientProtocolVersion = reader.ReadUInt32(),
        RequestType = (SecurityTokenRequestType)reader.ReadInt32(),
        SecurityMode = (MessageSecurityMode)reader.ReadInt32(),
        ClientNonce = reader.ReadByteString(),
        RequestedLifetime = reader.ReadUInt32(),
    };

    /// <summary>Encodes the fields after the encoding id.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        RequestHeader.Encode(ref writer);
        writer.WriteUInt32(ClientProtocolVersion);
        writer.WriteInt32((int)RequestType);
        writer.WriteInt32((int)SecurityMode);
        writer.WriteByteString(ClientNonce);
        writer.WriteUInt32(RequestedLifetime);
    }
}

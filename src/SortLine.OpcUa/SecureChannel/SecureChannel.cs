// Chunk layout (OPC 10000-6 §6.7.2), after the 8-byte transport header:
//
//   SecureChannelId   UInt32
//   security header   OPN: SecurityPolicyUri String, SenderCertificate ByteString, ReceiverCertificateThumbprint ByteString
//                     MSG/CLO: TokenId UInt32
//   sequence header   SequenceNumber UInt32, RequestId UInt32       (encrypted from here ...)
//   body              message bytes (encoding NodeId + fields), split across chunks after encoding
//   padding           policy-dependent, none with None
//   signature         policy-dependent, none with None              (... to here; signed from byte 0 to the padding)
using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>
/// The state of one secure channel (one TCP connection): tokens (Issue, Renew with the old token accepted until the
/// client switches, expiry), sequence numbers in both directions, reassembly of MSG chunks within the negotiated
/// limits, and chunking of responses. It does no I/O: the transport feeds it chunks and gives it an output buffer,
/// which keeps the state machine testable chunk by chunk. Protocol violations throw <see cref="SecureChannelException"/>;
/// the transport answers those with ERR and closes.
/// </summary>
/// <remarks>Not thread-safe: the transport serialises calls (one reader loop; sends under its send lock).</remarks>
internal sealed class SecureChannel : IDisposable
{
    /// <summary>Transport header + SecureChannelId + TokenId.</summary>
    public const int SymmetricHeaderSize = MessageHeader.Size + 4 + 4;

    /// <summary>SequenceNumber + RequestId.</summary>
    public const int SequenceHeaderSize = 8;

    private readonly ISecurityPolicy _policy;
    private readonly SecureChannelLimits _limits;
    private readonly TimeProvider _time;
    private readonly Dictionary<uint, MessageBuffer> _pending = [];
    private readonly ReassemblyBudget? _budget;
    private SequenceNumberValidator _receiveSequence;
    private SequenceNumberGenerator _sendSequence = new(1);
    private ChannelSecurityToken? _current;
    private ChannelSecurityToken? _previous;
    private uint _lastTokenId;
    private bool _closed;

    /// <summary>Creates a channel that is not open yet (it opens with the first OPN Issue).</summary>
    /// <param name="channelId">The id the server assigns (non-zero).</param>
    /// <param name="policy">The security policy.</param>
    /// <param name="limits">Negotiated limits.</param>
    /// <param name="time">Clock for token lifetimes.</param>
    /// <param name="budget">The server-wide reassembly budget shared with the other channels; null for none.</param>
    public SecureChannel(uint channelId, ISecurityPolicy policy, SecureChannelLimits limits, TimeProvider time, ReassemblyBudget? budget = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(channelId);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        ChannelId = channelId;
        _policy = policy;
        _limits = limits;
        _time = time;
        _budget = budget;
    }

    /// <summary>The channel id.</summary>
    public uint ChannelId { get; }

    /// <summary>True once an OPN Issue was answered and until CLO.</summary>
    public bool IsOpen => _current is not null && !_closed;

    /// <summary>The newest token.</summary>
    public ChannelSecurityToken? CurrentToken => _current;

    /// <summary>The token responses are sent with: the one the client last used (the old one until it uses a renewed one).</summary>
    public uint SendTokenId { get; private set; }

    /// <summary>The security policy URI.</summary>
    public string SecurityPolicyUri => _policy.Uri;

    /// <summary>When the channel must close unless renewed (UTC); null before the first OPN.</summary>
    public DateTime? ExpiresAt => _current?.ExpiresAt;

    /// <summary>Number of messages being reassembled.</summary>
    public int PendingMessageCount => _pending.Count;

    /// <summary>Processes one complete chunk (transport header included).</summary>
    /// <param name="header">The parsed transport header.</param>
    /// <param name="chunk">The whole chunk.</param>
    /// <param name="output">Where an OPN response is written.</param>
    /// <exception cref="SecureChannelException">A protocol violation; send ERR with its status and close.</exception>
    public ChannelEvent ProcessChunk(MessageHeader header, ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_closed)
        {
            throw new SecureChannelException(StatusCode.BadSecureChannelClosed, "The secure channel is closed");
        }

        try
        {
            return header.MessageType switch
            {
                MessageType.OpenSecureChannel => ProcessOpen(chunk, output),
                MessageType.Message => ProcessMessage(header.ChunkType, chunk),
                MessageType.CloseSecureChannel => ProcessClose(chunk),
                _ => throw new SecureChannelException(StatusCode.BadTcpMessageTypeInvalid, header.MessageType.ToString() + " is not a secure-channel message"),
            };
        }
        catch (UaDecodingException ex)
        {
            throw new SecureChannelException(ex.StatusCode, ex.Message);
        }
    }

    /// <summary>
    /// Splits an encoded response body into MSG chunks of at most the negotiated send buffer size and writes them to
    /// <paramref name="output"/>. Nothing is written when the body exceeds the client's MaxMessageSize or MaxChunkCount.
    /// </summary>
    /// <returns>Good, or BadResponseTooLarge (send a small ServiceFault instead), or BadSecureChannelClosed.</returns>
    public StatusCode WriteMessage(uint requestId, ReadOnlySpan<byte> body, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!IsOpen)
        {
            return StatusCode.BadSecureChannelClosed;
        }

        ChannelSecurityToken token = _previous is not null && _previous.TokenId == SendTokenId ? _previous : _current!;
        IChunkSecurity security = token.Security;
        int maxBody = MaxBodySize((int)_limits.SendBufferSize, SymmetricHeaderSize, security);
        int chunkCount = body.IsEmpty ? 1 : (body.Length + maxBody - 1) / maxBody;
        if ((_limits.MaxResponseMessageSize != 0 && (uint)body.Length > _limits.MaxResponseMessageSize) ||
            (_limits.MaxResponseChunkCount != 0 && (uint)chunkCount > _limits.MaxResponseChunkCount))
        {
            return StatusCode.BadResponseTooLarge;
        }

        for (int i = 0; i < chunkCount; i++)
        {
            ReadOnlySpan<byte> part = body.Slice(i * maxBody, Math.Min(maxBody, body.Length - (i * maxBody)));
            ChunkType chunkType = i == chunkCount - 1 ? ChunkType.Final : ChunkType.Intermediate;
            WriteSymmetricChunk(MessageType.Message, chunkType, token.TokenId, security, requestId, part, output);
        }

        return StatusCode.Good;
    }

    private void Release(MessageBuffer message)
    {
        if (message.Reserved != 0)
        {
            _budget?.Release(message.Reserved);
            message.Reserved = 0;
        }
    }

    /// <summary>Marks the channel closed and drops partial messages.</summary>
    public void Dispose()
    {
        _closed = true;
        foreach (MessageBuffer buffer in _pending.Values)
        {
            Release(buffer);
            buffer.Dispose();
        }

        _pending.Clear();
    }

    /// <summary>
    /// Largest body per chunk (OPC 10000-6 §6.7.2.5): without encryption the chunk size minus headers and signature
    /// (send size − 24 with None); with encryption whole plain-text blocks minus the padding-size byte.
    /// </summary>
    internal static int MaxBodySize(int chunkSize, int securityHeaderEnd, IChunkSecurity security)
    {
        if (security.PlainTextBlockSize <= 1)
        {
            return chunkSize - securityHeaderEnd - SequenceHeaderSize - security.SignatureSize;
        }

        int blocks = (chunkSize - securityHeaderEnd - 1) / security.CipherTextBlockSize;
        return (security.PlainTextBlockSize * blocks) - SequenceHeaderSize - security.SignatureSize - 1;
    }

    private ChannelEvent ProcessOpen(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        var reader = new UaBinaryReader(chunk[MessageHeader.Size..], baseOffset: MessageHeader.Size);
        uint channelId = reader.ReadUInt32();
        string? policyUri = reader.ReadString();
        _ = reader.ReadByteString(); // sender certificate: used by signing policies
        _ = reader.ReadByteString(); // receiver thumbprint: used by signing policies
        if (!string.Equals(policyUri, _policy.Uri, StringComparison.Ordinal))
        {
            throw new SecureChannelException(StatusCode.BadSecurityPolicyRejected, "Security policy '" + policyUri + "' is not offered");
        }

        uint sequenceNumber = reader.ReadUInt32();
        uint requestId = reader.ReadUInt32();
        CheckSequenceNumber(sequenceNumber);
        NodeId typeId = reader.ReadNodeId();
        if (typeId != new NodeId(OpenSecureChannelRequest.BinaryEncodingId))
        {
            throw new SecureChannelException(StatusCode.BadDecodingError, "OPN carries " + typeId.ToString() + " instead of an OpenSecureChannelRequest");
        }

        OpenSecureChannelRequest request = OpenSecureChannelRequest.Decode(ref reader);
        if (request.ClientProtocolVersion != _limits.ProtocolVersion)
        {
            throw new SecureChannelException(StatusCode.BadProtocolVersionUnsupported, "ClientProtocolVersion differs from the HEL ProtocolVersion");
        }

        if (request.SecurityMode != MessageSecurityMode.None)
        {
            throw new SecureChannelException(StatusCode.BadSecurityModeRejected, "Security mode " + request.SecurityMode.ToString() + " is not offered");
        }

        switch (request.RequestType)
        {
            case SecurityTokenRequestType.Issue when _current is null && (channelId == 0 || channelId == ChannelId):
                break;
            case SecurityTokenRequestType.Renew when _current is not null && channelId == ChannelId:
                break;
            case SecurityTokenRequestType.Issue or SecurityTokenRequestType.Renew:
                throw new SecureChannelException(
                    StatusCode.BadTcpSecureChannelUnknown,
                    request.RequestType.ToString() + " for channel " + channelId.ToString(CultureInfo.InvariantCulture) + " in the wrong state");
            default:
                throw new SecureChannelException(StatusCode.BadSecurityChecksFailed, "Unknown RequestType " + ((int)request.RequestType).ToString(CultureInfo.InvariantCulture));
        }

        byte[] serverNonce = _policy.NonceLength == 0 ? [] : RandomNumberGenerator.GetBytes(_policy.NonceLength);
        TimeSpan lifetime = request.RequestedLifetime == 0
            ? _limits.MaxTokenLifetime
            : TimeSpan.FromMilliseconds(Math.Clamp(request.RequestedLifetime, _limits.MinTokenLifetime.TotalMilliseconds, _limits.MaxTokenLifetime.TotalMilliseconds));
        DateTime now = _time.GetUtcNow().UtcDateTime;
        var token = new ChannelSecurityToken(++_lastTokenId, now, lifetime, _policy.CreateSymmetric(request.ClientNonce, serverNonce));
        if (_current is null)
        {
            SendTokenId = token.TokenId;
        }
        else
        {
            // Any older previous token (renewed again before the client used it) is dropped.
            _previous = _current;
        }

        _current = token;
        var response = new OpenSecureChannelResponse
        {
            ResponseHeader = new ResponseHeader { Timestamp = now, RequestHandle = request.RequestHeader.RequestHandle },
            ServerProtocolVersion = _limits.ProtocolVersion,
            ChannelId = ChannelId,
            TokenId = token.TokenId,
            CreatedAt = now,
            RevisedLifetime = (uint)lifetime.TotalMilliseconds,
            ServerNonce = serverNonce,
        };
        WriteOpenResponse(requestId, response, output);
        return new ChannelEvent(ChannelEventKind.Opened, requestId);
    }

    private ChannelEvent ProcessMessage(ChunkType chunkType, ReadOnlySpan<byte> chunk)
    {
        ReadOnlySpan<byte> body = ReadSymmetricHeaders(chunk, out uint requestId);
        bool isNew = !_pending.TryGetValue(requestId, out MessageBuffer? message);
        if (chunkType == ChunkType.Abort)
        {
            if (!isNew)
            {
                _pending.Remove(requestId);
                Release(message!);
                message!.Dispose();
            }

            return default;
        }

        if (isNew)
        {
            if (_pending.Count >= _limits.MaxPendingMessages)
            {
                throw new SecureChannelException(StatusCode.BadTcpNotEnoughResources, "Too many messages being reassembled");
            }

            message = new MessageBuffer(chunkType == ChunkType.Final ? body.Length : body.Length * 4);
            _pending.Add(requestId, message);
        }

        if (chunkType == ChunkType.Intermediate && _budget is not null)
        {
            // Held until the final chunk: charged to the server-wide budget (the final chunk completes the message at once).
            if (!_budget.TryReserve(body.Length))
            {
                throw new SecureChannelException(StatusCode.BadTcpNotEnoughResources,
                    "Server-wide reassembly memory exhausted (" + _budget.Capacity.ToString(CultureInfo.InvariantCulture) + " bytes held by partial requests)");
            }

            message!.Reserved += body.Length;
        }

        message!.Append(body);
        if (_limits.MaxRequestChunkCount != 0 && (uint)message.ChunkCount > _limits.MaxRequestChunkCount)
        {
            throw new SecureChannelException(StatusCode.BadTcpMessageTooLarge, "Request exceeds MaxChunkCount " + _limits.MaxRequestChunkCount.ToString(CultureInfo.InvariantCulture));
        }

        if (_limits.MaxRequestMessageSize != 0 && (uint)message.Length > _limits.MaxRequestMessageSize)
        {
            throw new SecureChannelException(StatusCode.BadRequestTooLarge, "Request exceeds MaxMessageSize " + _limits.MaxRequestMessageSize.ToString(CultureInfo.InvariantCulture));
        }

        if (chunkType != ChunkType.Final)
        {
            return default;
        }

        _pending.Remove(requestId);
        Release(message);
        return new ChannelEvent(ChannelEventKind.Request, requestId, message);
    }

    private ChannelEvent ProcessClose(ReadOnlySpan<byte> chunk)
    {
        _ = ReadSymmetricHeaders(chunk, out uint requestId);
        Dispose();
        return new ChannelEvent(ChannelEventKind.Close, requestId);
    }

    /// <summary>Checks channel id, token, expiry and sequence number of a MSG/CLO chunk and returns its body.</summary>
    private ReadOnlySpan<byte> ReadSymmetricHeaders(ReadOnlySpan<byte> chunk, out uint requestId)
    {
        if (_current is null)
        {
            throw new SecureChannelException(StatusCode.BadTcpSecureChannelUnknown, "No secure channel is open");
        }

        uint channelId = BinaryPrimitives.ReadUInt32LittleEndian(chunk[MessageHeader.Size..]);
        uint tokenId = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(MessageHeader.Size + 4)..]);
        if (channelId != ChannelId)
        {
            throw new SecureChannelException(StatusCode.BadTcpSecureChannelUnknown, "Unknown secure channel " + channelId.ToString(CultureInfo.InvariantCulture));
        }

        ChannelSecurityToken token = ResolveToken(tokenId);
        if (_time.GetUtcNow().UtcDateTime >= token.ExpiresAt)
        {
            throw new SecureChannelException(StatusCode.BadSecureChannelTokenUnknown, "Security token " + tokenId.ToString(CultureInfo.InvariantCulture) + " has expired");
        }

        // A signing/encrypting policy decrypts chunk[SymmetricHeaderSize..] and verifies the signature here.
        if (chunk.Length < SymmetricHeaderSize + SequenceHeaderSize + token.Security.SignatureSize)
        {
            throw new SecureChannelException(StatusCode.BadDecodingError, "Chunk too short for its headers");
        }

        uint sequenceNumber = BinaryPrimitives.ReadUInt32LittleEndian(chunk[SymmetricHeaderSize..]);
        requestId = BinaryPrimitives.ReadUInt32LittleEndian(chunk[(SymmetricHeaderSize + 4)..]);
        CheckSequenceNumber(sequenceNumber);
        return chunk[(SymmetricHeaderSize + SequenceHeaderSize)..(chunk.Length - token.Security.SignatureSize)];
    }

    private ChannelSecurityToken ResolveToken(uint tokenId)
    {
        if (tokenId == _current!.TokenId)
        {
            // The client switched to the newest token: the previous one is no longer accepted.
            _previous = null;
            SendTokenId = tokenId;
            return _current;
        }

        if (_previous is not null && tokenId == _previous.TokenId)
        {
            return _previous;
        }

        throw new SecureChannelException(StatusCode.BadSecureChannelTokenUnknown, "Unknown security token " + tokenId.ToString(CultureInfo.InvariantCulture));
    }

    private void CheckSequenceNumber(uint sequenceNumber)
    {
        if (!_receiveSequence.TryAccept(sequenceNumber))
        {
            throw new SecureChannelException(
                StatusCode.BadSequenceNumberInvalid,
                "Sequence number " + sequenceNumber.ToString(CultureInfo.InvariantCulture) + " does not follow " + _receiveSequence.Last.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void WriteSymmetricChunk(MessageType messageType, ChunkType chunkType, uint tokenId, IChunkSecurity security, uint requestId, ReadOnlySpan<byte> body, IBufferWriter<byte> output)
    {
        int plainLength = SequenceHeaderSize + body.Length;
        int padding = security.GetPaddingSize(plainLength);
        int signed = SymmetricHeaderSize + plainLength + padding;
        int encryptedLength = security.PlainTextBlockSize <= 1
            ? plainLength + padding + security.SignatureSize
            : (plainLength + padding + security.SignatureSize) / security.PlainTextBlockSize * security.CipherTextBlockSize;
        int size = SymmetricHeaderSize + encryptedLength;
        Span<byte> span = output.GetSpan(Math.Max(size, signed + security.SignatureSize))[..Math.Max(size, signed + security.SignatureSize)];
        WriteTransportHeader(span, messageType, chunkType, (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], ChannelId);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], tokenId);
        BinaryPrimitives.WriteUInt32LittleEndian(span[SymmetricHeaderSize..], _sendSequence.Next());
        BinaryPrimitives.WriteUInt32LittleEndian(span[(SymmetricHeaderSize + 4)..], requestId);
        body.CopyTo(span[(SymmetricHeaderSize + SequenceHeaderSize)..]);
        span.Slice(SymmetricHeaderSize + plainLength, padding).Fill((byte)Math.Max(padding - 1, 0));
        security.Sign(span[..signed], span.Slice(signed, security.SignatureSize));
        security.Encrypt(span[SymmetricHeaderSize..(signed + security.SignatureSize)]);
        output.Advance(size);
    }

    private void WriteOpenResponse(uint requestId, OpenSecureChannelResponse response, IBufferWriter<byte> output)
    {
        using var body = new PooledByteBuffer(512, (int)_limits.SendBufferSize);
        var writer = new UaBinaryWriter(body);
        writer.WriteUInt32(0); // transport header placeholder (8 bytes)
        writer.WriteUInt32(0);
        writer.WriteUInt32(ChannelId);
        writer.WriteString(_policy.Uri);
        writer.WriteByteString(_policy.LocalCertificate);
        writer.WriteByteString(null); // receiver thumbprint: none with None
        writer.WriteUInt32(_sendSequence.Next());
        writer.WriteUInt32(requestId);
        writer.WriteNodeId(new NodeId(OpenSecureChannelResponse.BinaryEncodingId));
        response.Encode(ref writer);
        writer.Commit();

        // With None the asymmetric security adds nothing; a signing policy pads, signs and encrypts here.
        ReadOnlySpan<byte> bytes = body.WrittenSpan;
        Span<byte> span = output.GetSpan(bytes.Length)[..bytes.Length];
        bytes.CopyTo(span);
        WriteTransportHeader(span, MessageType.OpenSecureChannel, ChunkType.Final, (uint)bytes.Length);
        output.Advance(bytes.Length);
    }

    private static void WriteTransportHeader(Span<byte> span, MessageType messageType, ChunkType chunkType, uint size)
    {
        uint type = (uint)messageType;
        span[0] = (byte)type;
        span[1] = (byte)(type >> 8);
        span[2] = (byte)(type >> 16);
        span[3] = (byte)chunkType;
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], size);
    }
}

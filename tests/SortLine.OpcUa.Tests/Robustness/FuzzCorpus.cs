using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Services;
using ChunkBuilder = SortLine.OpcUa.Tests.SecureChannel.ChunkBuilder;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>One corpus entry: the bytes a client sends on one connection and what the server must answer.</summary>
/// <param name="Name">File name without extension.</param>
/// <param name="Bytes">The client's byte stream (MSG/CLO/OPN-renew chunks carry <see cref="UaMessages.ChannelIdPlaceholder"/>).</param>
/// <param name="Expected">The server's replies as <see cref="ServerReply.Describe"/> lines, then "CLOSE".</param>
internal sealed record CorpusCase(string Name, byte[] Bytes, string[] Expected);

/// <summary>
/// The fuzz corpus under tests/golden/opcua/fuzz (like open62541's tests/fuzz corpus): interesting message sequences,
/// one connection each, built with the codec. The expected replies come from OPC 10000-6 as summarised in
/// docs/opcua.md (§1 message layer, §3.1 ServiceFault rules, §3.3 codes), not from running the server; where the
/// spec leaves the code open the case documents the choice. <see cref="ReplayAsync"/> plays a file against a server.
/// </summary>
internal static class FuzzCorpus
{
    public const string Directory = "fuzz";

    private const uint Ph = UaMessages.ChannelIdPlaceholder;
    private const string Good = "0x00000000";

    private static byte[] Hel() => UaMessages.Hello("opc.tcp://localhost:4840");

    private static byte[] Opn(uint sequence = 1, uint protocolVersion = 0, string policy = NoneSecurityPolicy.PolicyUri) =>
        ChunkBuilder.Open(0, sequence, 1, SecurityTokenRequestType.Issue, 60_000, policy, protocolVersion);

    private static byte[] GetEndpoints(uint handle) => UaMessages.Encode(
        new GetEndpointsRequest { RequestHeader = new RequestHeader { RequestHandle = handle }, EndpointUrl = "opc.tcp://localhost:4840" }.Encode,
        GetEndpointsRequest.EncodingId);

    private static byte[] Msg(uint sequence, uint requestId, byte[] body, char chunkType = 'F', uint channelId = Ph, uint tokenId = 1) =>
        UaMessages.Symmetric("MSG" + chunkType, channelId, tokenId, sequence, requestId, body);

    private static byte[] Clo(uint sequence) => UaMessages.Symmetric("CLOF", Ph, 1, sequence, 99, UaMessages.CloseSecureChannelBody());

    private static byte[] Header(string typeAndChunk, uint size)
    {
        var bytes = new byte[8];
        System.Text.Encoding.ASCII.GetBytes(typeAndChunk, bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), size);
        return bytes;
    }

    private static byte[] Cat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static string Fault(StatusCode status, uint requestId) => $"MSG i=397 0x{status.Code:X8} #{requestId}";

    private static string Response(uint typeId, uint requestId) => $"MSG i={typeId} {Good} #{requestId}";

    /// <summary>Every corpus case.</summary>
    public static IEnumerable<CorpusCase> Cases()
    {
        byte[] getEndpoints = GetEndpoints(5);
        byte[] read = UaMessages.Encode(
            new ReadRequest { RequestHeader = new RequestHeader { RequestHandle = 6 }, NodesToRead = [new ReadValueId { NodeId = new NodeId(2258), AttributeId = 13 }] }.Encode,
            ReadRequest.EncodingId);
        byte[] readHeaderEnd = UaMessages.Encode((ref UaBinaryWriter w) => new RequestHeader { RequestHandle = 6 }.Encode(ref w), ReadRequest.EncodingId);

        // A valid conversation: HEL, OPN, GetEndpoints, CLO (the server closes without answering CLO).
        yield return new("001_hel_opn_getendpoints_clo", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints), Clo(3)), ["ACK", "OPN", Response(431, 2), "CLOSE"]);

        // §4 dispatch gate: a service that needs a session with a null token gets Bad_SessionIdInvalid; the channel stays open.
        yield return new("002_read_without_session", Cat(Hel(), Opn(), Msg(2, 2, read), Msg(3, 3, getEndpoints), Clo(4)),
            ["ACK", "OPN", Fault(StatusCode.BadSessionIdInvalid, 2), Response(431, 3), "CLOSE"]);

        // §4 ActivateSession with a token no CreateSession issued: Bad_SessionIdInvalid.
        byte[] activate = UaMessages.Encode(
            new ActivateSessionRequest { RequestHeader = new RequestHeader { RequestHandle = 7, AuthenticationToken = NodeId.FromOpaque(0, new byte[32]) }, UserIdentityToken = UaMessages.AnonymousToken() }.Encode,
            ActivateSessionRequest.EncodingId);
        yield return new("003_activate_unknown_token", Cat(Hel(), Opn(), Msg(2, 2, activate), Clo(3)), ["ACK", "OPN", Fault(StatusCode.BadSessionIdInvalid, 2), "CLOSE"]);

        // §3.1: a valid request type that is not offered (HistoryRead 664) or an id that names no request: Bad_ServiceUnsupported.
        byte[] historyRead = UaMessages.Encode((ref UaBinaryWriter w) => new RequestHeader { RequestHandle = 8 }.Encode(ref w), 664);
        byte[] nonsense = UaMessages.Encode((ref UaBinaryWriter w) => new RequestHeader { RequestHandle = 9 }.Encode(ref w), 9999);
        yield return new("004_unsupported_services", Cat(Hel(), Opn(), Msg(2, 2, historyRead), Msg(3, 3, nonsense), Clo(4)),
            ["ACK", "OPN", Fault(StatusCode.BadServiceUnsupported, 2), Fault(StatusCode.BadServiceUnsupported, 3), "CLOSE"]);

        // §1.2: the first message must be HEL.
        yield return new("005_opn_before_hello", Opn(), [$"ERR 0x{StatusCode.BadTcpMessageTypeInvalid.Code:X8}", "CLOSE"]);

        // §1.2: only one HEL.
        yield return new("006_hello_twice", Cat(Hel(), Hel()), ["ACK", $"ERR 0x{StatusCode.BadTcpMessageTypeInvalid.Code:X8}", "CLOSE"]);

        // §1.2: an EndpointUrl of 4096 bytes or more gets Bad_TcpEndpointUrlInvalid.
        yield return new("007_hello_url_4096", UaMessages.Hello("opc.tcp://" + new string('h', 4086)), [$"ERR 0x{StatusCode.BadTcpEndpointUrlInvalid.Code:X8}", "CLOSE"]);

        // §1.2: buffers below 8192 are refused (the spec names no code; SortLine answers Bad_TcpNotEnoughResources).
        yield return new("008_hello_small_buffers", UaMessages.Hello("opc.tcp://localhost:4840", 1024), [$"ERR 0x{StatusCode.BadTcpNotEnoughResources.Code:X8}", "CLOSE"]);

        // §1.1: an unknown message type gets Bad_TcpMessageTypeInvalid.
        yield return new("009_unknown_message_type", Cat(Hel(), Header("XYZF", 16), new byte[8]), ["ACK", $"ERR 0x{StatusCode.BadTcpMessageTypeInvalid.Code:X8}", "CLOSE"]);

        // §1.1: a MessageSize above the negotiated ReceiveBufferSize gets Bad_TcpMessageTooLarge as soon as the header is in.
        yield return new("010_huge_message_size", Cat(Hel(), Opn(), Header("MSGF", 0x7FFFFFFF), new byte[16]), ["ACK", "OPN", $"ERR 0x{StatusCode.BadTcpMessageTooLarge.Code:X8}", "CLOSE"]);

        // §1.1: OPN must be a final chunk (no code in the spec; Bad_TcpMessageTypeInvalid like an invalid type).
        byte[] opnIntermediate = Opn();
        opnIntermediate[3] = (byte)'C';
        yield return new("011_opn_intermediate_chunk", Cat(Hel(), opnIntermediate), ["ACK", $"ERR 0x{StatusCode.BadTcpMessageTypeInvalid.Code:X8}", "CLOSE"]);

        // §1.4: a sequence gap or a replayed number: Bad_SequenceNumberInvalid, then close.
        yield return new("012_sequence_gap", Cat(Hel(), Opn(), Msg(5, 2, getEndpoints)), ["ACK", "OPN", $"ERR 0x{StatusCode.BadSequenceNumberInvalid.Code:X8}", "CLOSE"]);
        yield return new("013_sequence_replay", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints), Msg(2, 3, getEndpoints)),
            ["ACK", "OPN", Response(431, 2), $"ERR 0x{StatusCode.BadSequenceNumberInvalid.Code:X8}", "CLOSE"]);

        // §1.4: a MSG for an unknown SecureChannelId: Bad_TcpSecureChannelUnknown.
        yield return new("014_unknown_channel_id", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints, channelId: 0x12345678)),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadTcpSecureChannelUnknown.Code:X8}", "CLOSE"]);

        // §1.4: an unknown TokenId (StatusCode.csv: Bad_SecureChannelTokenUnknown "the token has expired or is not recognized").
        yield return new("015_unknown_token_id", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints, tokenId: 77)),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadSecureChannelTokenUnknown.Code:X8}", "CLOSE"]);

        // §1.4: an A chunk discards the partial message (no reply) and is not fatal.
        byte[] abortBody = [.. BitConverter.GetBytes(0x802C0000u), .. new byte[] { 0xFF, 0xFF, 0xFF, 0xFF }];
        yield return new("016_abort_chunk", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints[..10], 'C'), Msg(3, 2, abortBody, 'A'), Msg(4, 3, getEndpoints), Clo(5)),
            ["ACK", "OPN", Response(431, 3), "CLOSE"]);

        // §1.3: the body is split after encoding, so a chunk boundary may fall inside any field.
        yield return new("017_multichunk_request", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints[..3], 'C'), Msg(3, 2, getEndpoints[3..21], 'C'), Msg(4, 2, getEndpoints[21..]), Clo(5)),
            ["ACK", "OPN", Response(431, 2), "CLOSE"]);

        // §1.4: C chunks of two RequestIds interleaved; each completes at its F chunk.
        yield return new("018_interleaved_requests", Cat(Hel(), Opn(), Msg(2, 10, getEndpoints[..7], 'C'), Msg(3, 11, read[..9], 'C'), Msg(4, 11, read[9..]), Msg(5, 10, getEndpoints[7..]), Clo(6)),
            ["ACK", "OPN", Fault(StatusCode.BadSessionIdInvalid, 11), Response(431, 10), "CLOSE"]);

        // §1.4: more chunks than the acknowledged MaxChunkCount (256) while accumulating: Bad_TcpMessageTooLarge.
        yield return new("019_too_many_chunks", Cat([Hel(), Opn(), .. Enumerable.Range(0, 257).Select(i => Msg((uint)(2 + i), 2, [0], 'C'))]),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadTcpMessageTooLarge.Code:X8}", "CLOSE"]);

        // §3.1: a body whose RequestHandle cannot be read: Bad_DecodingError by ERR, then close.
        yield return new("020_undecodable_request_header", Cat(Hel(), Opn(), Msg(2, 2, [0x01, 0x00, 0x77, 0x02, 0x00, 0x00, 0x00])),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadDecodingError.Code:X8}", "CLOSE"]);

        // §3.1: a readable header followed by garbage: a ServiceFault with Bad_DecodingError, and the channel stays open.
        yield return new("021_garbage_after_header", Cat(Hel(), Opn(), Msg(2, 2, [.. readHeaderEnd, 0x01, 0x02, 0x03]), Msg(3, 3, getEndpoints), Clo(4)),
            ["ACK", "OPN", Fault(StatusCode.BadDecodingError, 2), Response(431, 3), "CLOSE"]);

        // B4 / §7 fuzz targets: Variant nesting beyond the decoder's depth cap is BadEncodingLimitsExceeded (ServiceFault).
        byte[] deepWrite = UaMessages.WriteWithRawVariant(default, 10, NodeId.FromString(2, "Line1.BeltSpeed"), UaMessages.NestedVariant(300), out _);
        yield return new("022_deep_variant_nesting", Cat(Hel(), Opn(), Msg(2, 2, deepWrite), Clo(3)), ["ACK", "OPN", Fault(StatusCode.BadEncodingLimitsExceeded, 2), "CLOSE"]);

        // B4: a String length prefix of Int32.MaxValue (an allocation bomb) is refused before allocating.
        byte[] hugeString = [.. readHeaderEnd, .. new byte[8], 0, 0, 0, 0, 1, 0, 0, 0, 0x00, 0x55, 13, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x7F];
        yield return new("023_huge_string_length", Cat(Hel(), Opn(), Msg(2, 2, hugeString), Clo(3)), ["ACK", "OPN", Fault(StatusCode.BadEncodingLimitsExceeded, 2), "CLOSE"]);

        // Part 6 §5.2.5: an array length below -1 is invalid.
        byte[] negativeArray = [.. readHeaderEnd, .. new byte[8], 0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF];
        yield return new("024_negative_array_length", Cat(Hel(), Opn(), Msg(2, 2, negativeArray), Clo(3)), ["ACK", "OPN", Fault(StatusCode.BadDecodingError, 2), "CLOSE"]);

        // §1.5: CLO closes without a response; anything after it is ignored.
        yield return new("025_clo_then_data", Cat(Hel(), Opn(), Clo(2), Msg(3, 3, getEndpoints)), ["ACK", "OPN", "CLOSE"]);

        // Framing: a chunk cut short by EOF is not an error to answer; the server just closes.
        yield return new("026_truncated_chunk_eof", Cat(Hel(), Opn(), Msg(2, 2, getEndpoints)[..30]), ["ACK", "OPN", "CLOSE"]);

        // §1.5: Renew before any Issue names no channel (no code in the spec; Bad_TcpSecureChannelUnknown).
        yield return new("027_renew_before_issue", Cat(Hel(), ChunkBuilder.Open(Ph, 1, 1, SecurityTokenRequestType.Renew)),
            ["ACK", $"ERR 0x{StatusCode.BadTcpSecureChannelUnknown.Code:X8}", "CLOSE"]);

        // §1.4: ClientProtocolVersion must equal the HEL ProtocolVersion.
        yield return new("028_opn_protocol_version_mismatch", Cat(Hel(), Opn(protocolVersion: 1)), ["ACK", $"ERR 0x{StatusCode.BadProtocolVersionUnsupported.Code:X8}", "CLOSE"]);

        // §1.3: a policy the server does not offer.
        yield return new("029_opn_unknown_policy", Cat(Hel(), Opn(policy: "http://opcfoundation.org/UA/SecurityPolicy#Basic128")),
            ["ACK", $"ERR 0x{StatusCode.BadSecurityPolicyRejected.Code:X8}", "CLOSE"]);

        // §1.4: MSG before any OPN names no channel.
        yield return new("030_msg_before_opn", Cat(Hel(), Msg(1, 1, getEndpoints)), ["ACK", $"ERR 0x{StatusCode.BadTcpSecureChannelUnknown.Code:X8}", "CLOSE"]);

        // §1.4: an A chunk for a RequestId with nothing pending discards nothing and is not fatal.
        yield return new("031_abort_without_pending", Cat(Hel(), Opn(), Msg(2, 9, abortBody, 'A'), Msg(3, 3, getEndpoints), Clo(4)),
            ["ACK", "OPN", Response(431, 3), "CLOSE"]);

        // Reassembly bound: more interleaved RequestIds than the server buffers (8; SortLine answers Bad_TcpNotEnoughResources).
        yield return new("032_too_many_pending_messages", Cat([Hel(), Opn(), .. Enumerable.Range(0, 9).Select(i => Msg((uint)(2 + i), (uint)(100 + i), [0x01], 'C'))]),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadTcpNotEnoughResources.Code:X8}", "CLOSE"]);

        // §1.1: a MessageSize below the minimum for its type (the spec names no code; SortLine answers Bad_DecodingError).
        yield return new("033_message_size_below_minimum", Cat(Hel(), Opn(), Header("MSGF", 8)), ["ACK", "OPN", $"ERR 0x{StatusCode.BadDecodingError.Code:X8}", "CLOSE"]);

        // §2.3: a NodeId encoding byte above 5 in the request type id: the RequestHandle cannot be reached, so ERR Bad_DecodingError.
        yield return new("034_bad_type_nodeid_encoding", Cat(Hel(), Opn(), Msg(2, 2, [0x07, 0x00, 0x77, 0x02, .. readHeaderEnd[4..]])),
            ["ACK", "OPN", $"ERR 0x{StatusCode.BadDecodingError.Code:X8}", "CLOSE"]);
    }

    /// <summary>
    /// Plays <paramref name="bytes"/> on a new connection: everything up to the first OPN chunk, then (once the server
    /// answered it) the rest with <see cref="UaMessages.ChannelIdPlaceholder"/> replaced by the assigned channel id in every
    /// well-framed MSG/CLO/OPN chunk; then half-closes and reads until the server closes.
    /// </summary>
    /// <returns>The replies' descriptions followed by "CLOSE".</returns>
    public static async Task<List<string>> ReplayAsync(IPEndPoint server, byte[] bytes, CancellationToken cancellationToken) =>
        [.. (await ReplayRawAsync(server, bytes, cancellationToken)).Select(r => r.Describe()), ServerReplies.Closed];

    /// <summary>As <see cref="ReplayAsync"/>, returning the replies themselves (the server has closed when this returns).</summary>
    public static async Task<List<ServerReply>> ReplayRawAsync(IPEndPoint server, byte[] bytes, CancellationToken cancellationToken)
    {
        using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(server, cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var replies = new List<ServerReply>();
        List<(int Offset, int Size)> chunks = Frame(bytes);
        int split = chunks.FindIndex(c => bytes.AsSpan(c.Offset, 3).SequenceEqual("OPN"u8));
        int rest = 0;
        if (split >= 0)
        {
            rest = chunks[split].Offset + chunks[split].Size;
            await WriteIgnoringResetAsync(stream, bytes.AsMemory(0, rest), cancellationToken);
            while (await ServerReplies.ReadOneAsync(stream, replies, cancellationToken) is { } reply && reply.Type is not ("OPN" or "ERR"))
            {
            }
        }

        byte[] tail = bytes[rest..];
        if (replies.LastOrDefault() is { Type: "OPN" } opened)
        {
            uint channelId = BinaryPrimitives.ReadUInt32LittleEndian(opened.Body.AsSpan(8));
            PatchChannelId(tail, channelId);
        }

        if (split < 0 || replies.LastOrDefault()?.Type == "OPN")
        {
            await WriteIgnoringResetAsync(stream, tail, cancellationToken);
        }

        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The server already closed (and reset) the connection.
        }

        return await ServerReplies.ReadUntilClosedAsync(stream, cancellationToken, replies);
    }

    /// <summary>Writes, treating a reset (the server closed after an error) as the end of the conversation.</summary>
    public static async Task WriteIgnoringResetAsync(Stream stream, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await stream.WriteAsync(bytes, cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted })
        {
        }
    }

    /// <summary>Replaces the channel id placeholder in every well-framed secure-channel chunk of <paramref name="bytes"/>.</summary>
    public static void PatchChannelId(byte[] bytes, uint channelId)
    {
        foreach ((int offset, int size) in Frame(bytes))
        {
            ReadOnlySpan<byte> type = bytes.AsSpan(offset, 3);
            if (size >= 12 && (type.SequenceEqual("MSG"u8) || type.SequenceEqual("CLO"u8) || type.SequenceEqual("OPN"u8)) &&
                BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 8)) == Ph)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(offset + 8), channelId);
            }
        }
    }

    /// <summary>The well-framed chunks at the start of <paramref name="bytes"/> (stops at the first implausible header).</summary>
    public static List<(int Offset, int Size)> Frame(byte[] bytes)
    {
        var chunks = new List<(int, int)>();
        int offset = 0;
        while (bytes.Length - offset >= 8)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (size < 8 || size > bytes.Length - offset)
            {
                break;
            }

            chunks.Add((offset, (int)size));
            offset += (int)size;
        }

        return chunks;
    }

    /// <summary>Hex dump, 32 bytes a line (the .txt next to each .bin).</summary>
    public static string ToHex(byte[] bytes) =>
        string.Join('\n', bytes.Chunk(32).Select(line => GoldenFile.Hex(line))) + "\n";
}

using System.Buffers.Binary;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Transport;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>Encodes the body of a request (fields after the encoding NodeId).</summary>
internal delegate void BodyEncoder(ref UaBinaryWriter writer);

/// <summary>
/// Client-side message building for the robustness tests: HEL, request bodies (encoding NodeId + RequestHeader + fields)
/// built with the codec, and random but well-formed request templates for the fuzzer. A template records where its
/// RequestHeader ends, so header-preserving mutations keep the request answerable with a ServiceFault.
/// </summary>
internal static class UaMessages
{
    /// <summary>Placeholder for the server-assigned SecureChannelId in corpus files; the replayer patches it.</summary>
    public const uint ChannelIdPlaceholder = 0xFEEDC0DE;

    /// <summary>The client may encode what the server must refuse (strings over its 1 MiB limit).</summary>
    private static readonly UaEncodingLimits ClientLimits = new() { MaxStringLength = 4 << 20, MaxByteStringLength = 4 << 20, MaxMessageSize = 4 << 20 };

    /// <summary>A HEL chunk with 64 KiB buffers and no message limits.</summary>
    public static byte[] Hello(string url, uint bufferSize = 65536, uint protocolVersion = 0)
    {
        using var buffer = new PooledByteBuffer(128, 1 << 16);
        var writer = new UaBinaryWriter(buffer);
        new HelloMessage { ProtocolVersion = protocolVersion, ReceiveBufferSize = bufferSize, SendBufferSize = bufferSize, EndpointUrl = url }.EncodeMessage(ref writer);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Encoding NodeId + body.</summary>
    public static byte[] Encode(BodyEncoder encode, uint typeId) => Encode(encode, new NodeId(typeId), out _);

    /// <summary>Encoding NodeId + body; <paramref name="headerEnd"/> is where the RequestHeader (written first by every request) ends.</summary>
    public static byte[] Encode(BodyEncoder encode, NodeId typeId, out int headerEnd)
    {
        using var buffer = new PooledByteBuffer(256, 4 << 20);
        var writer = new UaBinaryWriter(buffer, ClientLimits);
        writer.WriteNodeId(typeId);
        int start = writer.Position;
        encode(ref writer);
        writer.Commit();
        byte[] bytes = buffer.WrittenSpan.ToArray();
        var reader = new UaBinaryReader(bytes.AsSpan(start));
        _ = RequestHeader.Decode(ref reader);
        headerEnd = start + reader.Position;
        return bytes;
    }

    /// <summary>CloseSecureChannelRequest (452) with an empty RequestHeader.</summary>
    public static byte[] CloseSecureChannelBody() => Encode((ref UaBinaryWriter w) => new RequestHeader().Encode(ref w), 452);

    /// <summary>An anonymous identity token as an ExtensionObject.</summary>
    public static ExtensionObject AnonymousToken(string? policyId = IdentityValidator.AnonymousPolicyId)
    {
        using var token = new PooledByteBuffer(64);
        var writer = new UaBinaryWriter(token);
        new AnonymousIdentityToken { PolicyId = policyId }.Encode(ref writer);
        writer.Commit();
        return ExtensionObject.FromBinary(new NodeId(IdentityValidator.AnonymousIdentityTokenEncodingId), token.WrittenSpan.ToArray());
    }

    /// <summary>A chunk header + SecureChannelId + TokenId + sequence header + body (the layout of MSG/CLO with None).</summary>
    public static byte[] Symmetric(string typeAndChunk, uint channelId, uint tokenId, uint sequenceNumber, uint requestId, ReadOnlySpan<byte> body)
    {
        var chunk = new byte[24 + body.Length];
        System.Text.Encoding.ASCII.GetBytes(typeAndChunk, chunk);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), (uint)chunk.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(8), channelId);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(12), tokenId);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(16), sequenceNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(20), requestId);
        body.CopyTo(chunk.AsSpan(24));
        return chunk;
    }

    /// <summary>Nodes the templates address: existing ones, a few unknown ones, every NodeId form.</summary>
    private static readonly NodeId[] NodePool =
    [
        new(84), new(85), new(2253), new(2255), new(2256), new(2258), new(2259), new(11705), new(31), new(45),
        NodeId.FromString(2, "Line1"), NodeId.FromString(2, "Line1.BeltSpeed"), NodeId.FromString(2, "Line1.Mode"),
        NodeId.FromString(2, "Line1.Spectrum"), NodeId.FromString(2, "Line1.Interval"), NodeId.FromString(2, "Line1.Enabled"),
        NodeId.FromString(2, "nope"), NodeId.FromString(7, "Line1.BeltSpeed"), new(99999), new(1, 65535), NodeId.FromGuid(1, Guid.Empty),
        NodeId.FromOpaque(3, [1, 2, 3]), NodeId.Null,
    ];

    private static readonly string?[] IndexRanges = [null, null, null, "0", "1:2", "0:0,0:0", "x", "5:1", "-1", "1:", string.Empty];

    private static NodeId AnyNode(Random random) => NodePool[random.Next(NodePool.Length)];

    private static string? AnyString(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => string.Empty,
        2 => "Line1",
        3 => new string('x', random.Next(1, 300)),
        4 => "\u00e9\u4e2d\ud83d\ude00",
        _ => "BeltSpeed",
    };

    /// <summary>A random variant, sometimes nested (Variant arrays of Variants, DataValues in Variants).</summary>
    private static Variant AnyVariant(Random random, int depth) => random.Next(depth > 3 ? 9 : 12) switch
    {
        0 => new Variant(random.NextDouble() * 10),
        1 => new Variant(random.Next()),
        2 => new Variant(AnyString(random)),
        3 => new Variant(random.Next(2) == 0),
        4 => Variant.FromArray(new double[random.Next(0, 20)]),
        5 => Variant.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]),
        6 => new Variant((uint)random.Next()),
        7 => Variant.FromByteString(random.Next(2) == 0 ? null : new byte[random.Next(0, 64)]),
        8 => Variant.Null,
        9 => Variant.FromArray(BuiltInType.Variant, Enumerable.Range(0, random.Next(1, 4)).Select(_ => AnyVariant(random, depth + 1)).ToArray()),
        10 => new Variant(new DataValue { Value = AnyVariant(random, depth + 1), Status = new StatusCode((uint)random.Next()) }),
        _ => new Variant(new LocalizedText("en", AnyString(random))),
    };

    private static RequestHeader Header(NodeId authenticationToken, uint requestHandle, Random random) => new()
    {
        AuthenticationToken = authenticationToken,
        Timestamp = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next()),
        RequestHandle = requestHandle,
        ReturnDiagnostics = random.Next(4) == 0 ? uint.MaxValue : 0,
        AuditEntryId = random.Next(4) == 0 ? "audit" : null,
        TimeoutHint = (uint)random.Next(0, 20_000),
    };

    /// <summary>
    /// A random well-formed request of a random service (or an unsupported or unknown type id), encoded with the codec.
    /// </summary>
    /// <param name="random">Source of randomness (seeded by the caller).</param>
    /// <param name="authenticationToken">Token for the RequestHeader (null NodeId without a session).</param>
    /// <param name="requestHandle">The RequestHandle (the response must echo it).</param>
    /// <param name="headerEnd">Where the RequestHeader ends.</param>
    /// <param name="typeId">The request's encoding id.</param>
    public static byte[] RandomRequest(Random random, NodeId authenticationToken, uint requestHandle, out int headerEnd, out NodeId typeId)
    {
        RequestHeader header = Header(authenticationToken, requestHandle, random);
        int kind = random.Next(100);
        BodyEncoder encode;
        if (kind < 30)
        {
            typeId = new NodeId(ReadRequest.EncodingId);
            var request = new ReadRequest
            {
                RequestHeader = header,
                MaxAge = random.Next(3) == 0 ? -1 : random.NextDouble() * 1000,
                TimestampsToReturn = (TimestampsToReturn)random.Next(0, 5),
                NodesToRead = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => new ReadValueId
                {
                    NodeId = AnyNode(random),
                    AttributeId = (uint)random.Next(0, 28),
                    IndexRange = IndexRanges[random.Next(IndexRanges.Length)],
                    DataEncoding = random.Next(8) == 0 ? new QualifiedName(0, "Default Binary") : default,
                })],
            };
            encode = request.Encode;
        }
        else if (kind < 45)
        {
            typeId = new NodeId(BrowseRequest.EncodingId);
            var request = new BrowseRequest
            {
                RequestHeader = header,
                RequestedMaxReferencesPerNode = (uint)random.Next(0, 4),
                NodesToBrowse = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new BrowseDescription
                {
                    NodeId = AnyNode(random),
                    BrowseDirection = (BrowseDirection)random.Next(0, 4),
                    ReferenceTypeId = random.Next(3) == 0 ? NodeId.Null : new NodeId((uint)random.Next(30, 50)),
                    IncludeSubtypes = random.Next(2) == 0,
                    NodeClassMask = (uint)random.Next(0, 300),
                    ResultMask = (uint)random.Next(0, 128),
                })],
            };
            encode = request.Encode;
        }
        else if (kind < 50)
        {
            typeId = new NodeId(BrowseNextRequest.EncodingId);
            var request = new BrowseNextRequest
            {
                RequestHeader = header,
                ReleaseContinuationPoints = random.Next(2) == 0,
                ContinuationPoints = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => random.Next(3) == 0 ? null : new byte[random.Next(0, 20)])],
            };
            encode = request.Encode;
        }
        else if (kind < 57)
        {
            typeId = new NodeId(TranslateBrowsePathsToNodeIdsRequest.EncodingId);
            var request = new TranslateBrowsePathsToNodeIdsRequest
            {
                RequestHeader = header,
                BrowsePaths = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => new BrowsePath
                {
                    StartingNode = AnyNode(random),
                    RelativePath = new RelativePath
                    {
                        Elements = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new RelativePathElement
                        {
                            ReferenceTypeId = random.Next(2) == 0 ? new NodeId(33) : new NodeId((uint)random.Next(0, 60)),
                            IsInverse = random.Next(4) == 0,
                            IncludeSubtypes = random.Next(2) == 0,
                            TargetName = new QualifiedName((ushort)random.Next(0, 3), AnyString(random)),
                        })],
                    },
                })],
            };
            encode = request.Encode;
        }
        else if (kind < 70)
        {
            typeId = new NodeId(WriteRequest.EncodingId);
            var request = new WriteRequest
            {
                RequestHeader = header,
                NodesToWrite = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => new WriteValue
                {
                    NodeId = AnyNode(random),
                    AttributeId = random.Next(4) == 0 ? (uint)random.Next(0, 28) : 13,
                    IndexRange = IndexRanges[random.Next(IndexRanges.Length)],
                    Value = new DataValue { Value = AnyVariant(random, 0), SourceTimestamp = random.Next(2) == 0 ? DateTime.UnixEpoch : null },
                })],
            };
            encode = request.Encode;
        }
        else if (kind < 76)
        {
            typeId = new NodeId(GetEndpointsRequest.EncodingId);
            var request = new GetEndpointsRequest
            {
                RequestHeader = header,
                EndpointUrl = random.Next(2) == 0 ? "opc.tcp://localhost:4840" : AnyString(random),
                LocaleIds = random.Next(2) == 0 ? null : ["en", AnyString(random)],
                ProfileUris = random.Next(2) == 0 ? null : ["http://opcfoundation.org/UA-Profile/Transport/uatcp-uasc-uabinary"],
            };
            encode = request.Encode;
        }
        else if (kind < 79)
        {
            typeId = new NodeId(FindServersRequest.EncodingId);
            var request = new FindServersRequest { RequestHeader = header, EndpointUrl = AnyString(random), ServerUris = random.Next(2) == 0 ? null : [AnyString(random)] };
            encode = request.Encode;
        }
        else if (kind < 84)
        {
            typeId = new NodeId(ActivateSessionRequest.EncodingId);
            ExtensionObject identity = random.Next(4) switch
            {
                0 => AnonymousToken(),
                1 => AnonymousToken(AnyString(random)),
                2 => ExtensionObject.FromBinary(new NodeId((uint)random.Next(300, 1000)), new byte[random.Next(0, 40)]),
                _ => default,
            };
            var request = new ActivateSessionRequest { RequestHeader = header, LocaleIds = random.Next(2) == 0 ? null : ["en"], UserIdentityToken = identity };
            encode = request.Encode;
        }
        else if (kind < 86)
        {
            typeId = new NodeId(CloseSessionRequest.EncodingId);
            var request = new CloseSessionRequest { RequestHeader = header, DeleteSubscriptions = random.Next(2) == 0 };
            encode = request.Encode;
        }
        else if (kind < 88)
        {
            // CreateSession: rare, every decodable one creates a session until the session limit.
            typeId = new NodeId(CreateSessionRequest.EncodingId);
            var request = new CreateSessionRequest
            {
                RequestHeader = header,
                SessionName = AnyString(random),
                ClientNonce = new byte[random.Next(0, 40)],
                RequestedSessionTimeout = random.Next(3) == 0 ? double.NaN : random.NextDouble() * 1e6,
                EndpointUrl = AnyString(random),
            };
            encode = request.Encode;
        }
        else
        {
            // Valid header, then an unsupported service (Call, Publish, RegisterNodes, HistoryRead...) or a type id that names nothing.
            uint[] ids = [712, 826, 560, 664, 787, 751, 12208, 397, 634, 1, 0, 65535];
            typeId = random.Next(5) switch
            {
                0 => new NodeId((uint)random.Next()),
                1 => NodeId.FromString(0, "ReadRequest"),
                2 => new NodeId(ReadRequest.EncodingId, 1),
                _ => new NodeId(ids[random.Next(ids.Length)]),
            };
            byte[] tail = new byte[random.Next(0, 32)];
            random.NextBytes(tail);
            encode = (ref UaBinaryWriter w) =>
            {
                header.Encode(ref w);
                w.WriteBytes(tail);
            };
        }

        return Encode(encode, typeId, out headerEnd);
    }

    /// <summary>A Variant nested <paramref name="depth"/> times (Variant array of one Variant each), innermost an Int32.</summary>
    public static byte[] NestedVariant(int depth)
    {
        var bytes = new byte[(depth * 5) + 5];
        int p = 0;
        for (int i = 0; i < depth; i++)
        {
            bytes[p++] = 0x80 | 24; // array of Variant
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(p), 1);
            p += 4;
        }

        bytes[p++] = 6; // Int32
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(p), 42);
        return bytes;
    }

    /// <summary>A DiagnosticInfo nested <paramref name="depth"/> times through InnerDiagnosticInfo.</summary>
    public static byte[] NestedDiagnosticInfo(int depth)
    {
        var bytes = new byte[depth + 1];
        bytes.AsSpan(0, depth).Fill(0x40);
        return bytes;
    }

    /// <summary>A WriteRequest to <paramref name="node"/> whose DataValue holds <paramref name="rawVariant"/> (raw Variant bytes).</summary>
    public static byte[] WriteWithRawVariant(NodeId authenticationToken, uint requestHandle, NodeId node, byte[] rawVariant, out int headerEnd) =>
        Encode(
            (ref UaBinaryWriter w) =>
            {
                new RequestHeader { AuthenticationToken = authenticationToken, RequestHandle = requestHandle }.Encode(ref w);
                w.WriteInt32(1);
                w.WriteNodeId(node);
                w.WriteUInt32(13);
                w.WriteString(null);
                w.WriteByte(0x01); // DataValue: Value present
                w.WriteBytes(rawVariant);
            },
            new NodeId(WriteRequest.EncodingId),
            out headerEnd);
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.SecureChannel;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Services;
using Xunit.Abstractions;
using ChunkBuilder = SortLine.OpcUa.Tests.SecureChannel.ChunkBuilder;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// Network fuzzing of a real <see cref="OpcUaServer"/> on an ephemeral loopback port (style guide A5, docs/opcua.md §7
/// fuzz targets). More than 100,000 random and mutated messages go out over many connections while a well-behaved raw
/// client keeps reading. Every connection's seed derives from <see cref="MasterSeed"/> and is printed with any failure;
/// SORTLINE_FUZZ_SEED overrides the master seed to explore further.
/// </summary>
[Trait("Category", "Robustness")]
public sealed class OpcUaServerFuzzTests(ITestOutputHelper output)
{
    private const int MasterSeed = 0x0C0A_2024;
    private const int MinimumMessages = 100_000;
    private const int BatchConnections = 170;
    private const int FatalConnections = 1600;
    private const int Workers = 4;

    /// <summary>Bound for one connection's whole conversation; a server that neither answers nor closes fails here.</summary>
    private static readonly TimeSpan ConnectionTimeout = TimeSpan.FromSeconds(30);

    private static readonly StatusCode[] InternalErrors = [StatusCode.BadInternalError, StatusCode.BadUnexpectedError, StatusCode.BadTcpInternalError];

    private long _messages;

    [Fact]
    public async Task Fuzz_RandomAndMutatedMessages_ServerSurvivesAnswersOrClosesAndKeepsServingReads()
    {
        int masterSeed = int.TryParse(Environment.GetEnvironmentVariable("SORTLINE_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int s) ? s : MasterSeed;
        var unobserved = new List<string>();
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => { lock (unobserved) { unobserved.Add(e.Exception.ToString()); } };
        UnhandledExceptionEventHandler onUnhandled = (_, e) => { lock (unobserved) { unobserved.Add("Unhandled: " + e.ExceptionObject); } };
        TaskScheduler.UnobservedTaskException += onUnobserved;
        AppDomain.CurrentDomain.UnhandledException += onUnhandled;
        var logs = new CollectingLoggerFactory();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        try
        {
            await using var server = new OpcUaServer(
                new OpcUaServerOptions { Port = 0, HelloTimeout = TimeSpan.FromSeconds(1), MinTokenLifetime = TimeSpan.FromSeconds(1) },
                logs);
            Interop.SampleNodeSet.AddTo(server);
            await server.StartAsync();
            IPEndPoint endPoint = server.LocalEndPoint!;

            using (var warmUp = new CancellationTokenSource(ConnectionTimeout))
            {
                await GoodClientCycleAsync(endPoint, warmUp.Token);
            }

            long memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
            long workingSetBefore = Environment.WorkingSet;

            using var stopGood = new CancellationTokenSource();
            Task<(int Reads, int Cycles)> good = GoodClientLoopAsync(endPoint, stopGood.Token);
            Task stalls = StallConnectionsAsync(endPoint, masterSeed, failures);

            // Batch connections spread evenly among the fatal ones.
            const int Interval = (BatchConnections + FatalConnections) / BatchConnections;
            var jobs = Enumerable.Range(0, BatchConnections + FatalConnections).Select(i => (Index: i, Batch: i % Interval == 0 && i / Interval < BatchConnections)).ToList();
            async Task RunJobsAsync(int from, int to)
            {
                int next = from - 1;
                await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
                {
                    int i;
                    while ((i = Interlocked.Increment(ref next)) < to)
                    {
                        int seed = HashCode.Combine(masterSeed, jobs[i].Index);
                        string kind = jobs[i].Batch ? "batch" : "fatal";
                        using var timeout = new CancellationTokenSource(ConnectionTimeout);
                        try
                        {
                            if (jobs[i].Batch)
                            {
                                await BatchConnectionAsync(endPoint, new Random(seed), timeout.Token);
                            }
                            else
                            {
                                await FatalConnectionAsync(endPoint, new Random(seed), timeout.Token);
                            }
                        }
                        catch (Exception ex)
                        {
                            lock (failures)
                            {
                                failures.Add($"{kind} connection {jobs[i].Index} (seed {seed}, master seed {masterSeed}): {(timeout.IsCancellationRequested ? "no reply or close within " + ConnectionTimeout.TotalSeconds + " s: " : string.Empty)}{ex}");
                            }
                        }
                    }
                })));
            }

            // Two halves: the first warms the buffer pools up, the second must not grow the heap further (no per-connection leak).
            await RunJobsAsync(0, jobs.Count / 2);
            long memoryHalfway = GC.GetTotalMemory(forceFullCollection: true);
            await RunJobsAsync(jobs.Count / 2, jobs.Count);
            await stalls;
            await stopGood.CancelAsync();
            int reads = 0, cycles = 0;
            try
            {
                (reads, cycles) = await good;
            }
            catch (Exception ex)
            {
                failures.Insert(0, $"well-behaved client (master seed {masterSeed}, {server.SessionCount} sessions open): {ex}");
            }

            // Every connection task must have ended (no leaked connection tasks): bounded wait for the last closes.
            for (int i = 0; i < 200 && server.ConnectionCount > 0; i++)
            {
                await Task.Delay(50);
            }

            long memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
            long workingSetAfter = Environment.WorkingSet;
            output.WriteLine($"master seed {masterSeed}: {_messages} messages, {jobs.Count} fuzz connections + stalls, {clock.Elapsed.TotalSeconds:F1} s; good client {reads} reads in {cycles} extra session cycles; " +
                $"managed heap {memoryBefore >> 20} -> {memoryHalfway >> 20} -> {memoryAfter >> 20} MiB, working set {workingSetBefore >> 20} -> {workingSetAfter >> 20} MiB; sessions left {server.SessionCount}");

            Assert.True(failures.Count == 0, failures.Count + " connection(s) failed:\n" + string.Join("\n\n", failures.Take(10)));
            Assert.True(logs.Errors.Count == 0, "The server logged unexpected failures:\n" + string.Join("\n", logs.Errors.Take(10)));
            Assert.True(_messages >= MinimumMessages, $"Only {_messages} messages were sent");
            Assert.True(reads >= 20 && cycles >= 1, $"The well-behaved client completed only {reads} reads and {cycles} session cycles");
            Assert.Equal(0, server.ConnectionCount);

            // Pooled buffers (messages up to MaxMessageSize) stay in ArrayPool.Shared after the first half; after that the
            // managed heap must be flat, and in all it stays within a generous but real bound.
            Assert.True(memoryAfter - memoryHalfway < 32L << 20, $"Managed heap grew by {(memoryAfter - memoryHalfway) >> 20} MiB in the second half");
            Assert.True(memoryAfter - memoryBefore < 128L << 20, $"Managed heap grew by {(memoryAfter - memoryBefore) >> 20} MiB");
            Assert.True(workingSetAfter - workingSetBefore < 512L << 20, $"Working set grew by {(workingSetAfter - workingSetBefore) >> 20} MiB");
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
            AppDomain.CurrentDomain.UnhandledException -= onUnhandled;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.True(unobserved.Count == 0, "Unobserved or unhandled exceptions:\n" + string.Join("\n", unobserved.Take(5)));
    }

    /// <summary>The well-behaved client: one long session reading in a loop, plus a fresh connection and session every 25 reads.</summary>
    private static async Task<(int Reads, int Cycles)> GoodClientLoopAsync(IPEndPoint endPoint, CancellationToken stop)
    {
        int reads = 0;
        int cycles = 0;
        using (var setup = new CancellationTokenSource(ConnectionTimeout))
        {
            await using RawUaClient client = await RawUaClient.ConnectAsync(endPoint, setup.Token);
            await client.CreateAndActivateSessionAsync("good", setup.Token);
            while (!stop.IsCancellationRequested)
            {
                using var timeout = new CancellationTokenSource(ConnectionTimeout);
                await ReadAndCheckAsync(client, timeout.Token);
                reads++;
                if (reads % 25 == 0)
                {
                    await GoodClientCycleAsync(endPoint, timeout.Token);
                    cycles++;
                }
            }

            using var close = new CancellationTokenSource(ConnectionTimeout);
            await client.CloseSessionAsync(close.Token);
            await client.CloseChannelAsync(close.Token);
        }

        return (reads, cycles);
    }

    private static async Task GoodClientCycleAsync(IPEndPoint endPoint, CancellationToken cancellationToken)
    {
        await using RawUaClient client = await RawUaClient.ConnectAsync(endPoint, cancellationToken);
        await client.CreateAndActivateSessionAsync("good-cycle", cancellationToken);
        await ReadAndCheckAsync(client, cancellationToken);
        await client.CloseSessionAsync(cancellationToken);
        await client.CloseChannelAsync(cancellationToken);
    }

    /// <summary>Reads read-only values the fuzzer cannot change and checks them against the sample node set.</summary>
    private static async Task ReadAndCheckAsync(RawUaClient client, CancellationToken cancellationToken)
    {
        DataValue[] values = await client.ReadAsync(
            [
                new ReadValueId { NodeId = NodeId.FromString(2, "Line1.Throughput"), AttributeId = 13 },
                new ReadValueId { NodeId = NodeId.FromString(2, "Line1.EjectedCount"), AttributeId = 13 },
                new ReadValueId { NodeId = new NodeId(2255), AttributeId = 13 },
            ],
            cancellationToken);
        Assert.Equal(3, values.Length);
        Assert.Equal(new Variant(12.5), values[0].Value);
        Assert.Equal(new Variant(42u), values[1].Value);
        Assert.Contains(Interop.SampleNodeSet.NamespaceUri, (string?[])values[2].Value.Value!);
        Assert.All(values, v => Assert.True(v.Status.IsGood, v.Status.ToString()));
    }

    /// <summary>
    /// A channel (and usually a session) that receives hundreds of pipelined requests whose RequestHeader is intact but
    /// whose rest is random or mutated, some split into C chunks, some aborted, some interleaved. The server must answer
    /// every completed request exactly once, in F-chunk order, with its response type or a ServiceFault (never an
    /// internal error), and the responses must decode.
    /// </summary>
    private async Task BatchConnectionAsync(IPEndPoint endPoint, Random random, CancellationToken cancellationToken)
    {
        await using RawUaClient client = await RawUaClient.ConnectAsync(endPoint, cancellationToken, 60_000);
        bool withSession = random.Next(10) < 8;
        if (withSession)
        {
            await client.CreateAndActivateSessionAsync("fuzz", cancellationToken);
        }

        NodeId token = client.AuthenticationToken;
        var expected = new List<(uint RequestId, uint Handle, NodeId TypeId)>();
        using var bytes = new MemoryStream();
        int count = random.Next(400, 700);
        const int maxBody = 65536 - 24;
        (uint RequestId, byte[] Body)? held = null; // a message whose first half was sent, to interleave with the next one
        for (int m = 0; m < count; m++)
        {
            uint handle = (uint)(m + 1000);
            NodeId authentication = random.Next(50) == 0 ? NodeId.FromOpaque(0, MessageMutator.RandomBytes(random, 32)) : token;
            byte[] body;
            NodeId typeId;
            int special = random.Next(1000);
            if (special < 15)
            {
                body = UaMessages.WriteWithRawVariant(authentication, handle, NodeId.FromString(2, random.Next(2) == 0 ? "Line1.BeltSpeed" : "Line1.Spectrum"), UaMessages.NestedVariant(random.Next(1, 3000)), out _);
                typeId = new NodeId(WriteRequest.EncodingId);
            }
            else if (special < 17)
            {
                // An oversize String (70 kB, over one chunk) or one over MaxStringLength (1 MiB + 1).
                int length = random.Next(2) == 0 ? 70_000 : (1 << 20) + 1;
                body = UaMessages.Encode(
                    new WriteRequest
                    {
                        RequestHeader = new RequestHeader { AuthenticationToken = authentication, RequestHandle = handle },
                        NodesToWrite = [new WriteValue { NodeId = NodeId.FromString(2, "Line1.Mode"), AttributeId = 13, Value = new DataValue { Value = new Variant(new string('m', length)) } }],
                    }.Encode,
                    new NodeId(WriteRequest.EncodingId),
                    out _);
                typeId = new NodeId(WriteRequest.EncodingId);
            }
            else
            {
                body = UaMessages.RandomRequest(random, authentication, handle, out int headerEnd, out typeId);
                if (random.Next(10) < 6)
                {
                    body = MessageMutator.MutateTail(body, headerEnd, random);
                }
            }

            uint requestId = client.TakeRequestId();
            int shape = random.Next(100);
            if (held is { } h && shape < 50 && body.Length < maxBody)
            {
                // Interleave: this message's first part, the held message's rest, this message's rest.
                int cut = random.Next(1, Math.Max(2, body.Length));
                WriteChunk(bytes, client, 'C', requestId, body.AsSpan(0, Math.Min(cut, body.Length - 1)));
                WriteChunk(bytes, client, 'F', h.RequestId, h.Body.AsSpan(h.Body.Length / 2));
                WriteChunk(bytes, client, 'F', requestId, body.AsSpan(Math.Min(cut, body.Length - 1)));
                expected.Add((requestId, handle, typeId));
                held = null;
                continue;
            }

            if (held is { } stillHeld)
            {
                WriteChunk(bytes, client, 'F', stillHeld.RequestId, stillHeld.Body.AsSpan(stillHeld.Body.Length / 2));
                held = null;
            }

            if (shape < 3 && body.Length < maxBody)
            {
                // Aborted: some C chunks, then an A chunk (no response).
                WriteChunk(bytes, client, 'C', requestId, body.AsSpan(0, body.Length / 2));
                WriteChunk(bytes, client, 'A', requestId, [0x00, 0x00, 0x2C, 0x80, 0xFF, 0xFF, 0xFF, 0xFF]);
                continue;
            }

            if (shape < 5)
            {
                // An A chunk for a RequestId with nothing pending (ignored), then the message as usual.
                WriteChunk(bytes, client, 'A', client.TakeRequestId(), MessageMutator.RandomBytes(random, random.Next(0, 16)));
            }

            if (shape is >= 5 and < 8 && body.Length >= 2 && body.Length < maxBody)
            {
                held = (requestId, body);
                expected.Add((requestId, handle, typeId));
                WriteChunk(bytes, client, 'C', requestId, body.AsSpan(0, body.Length / 2));
                continue;
            }

            // Split into C chunks at random points (always when the body is over one chunk), then F.
            int offset = 0;
            int pieces = body.Length > maxBody ? int.MaxValue : shape < 15 ? random.Next(2, 6) : 1;
            while (body.Length - offset > maxBody || (pieces-- > 1 && body.Length - offset > 1))
            {
                int size = Math.Min(maxBody, body.Length - offset > maxBody ? maxBody : random.Next(1, body.Length - offset));
                WriteChunk(bytes, client, 'C', requestId, body.AsSpan(offset, size));
                offset += size;
            }

            WriteChunk(bytes, client, 'F', requestId, body.AsSpan(offset));
            expected.Add((requestId, handle, typeId));
        }

        if (held is { } last)
        {
            WriteChunk(bytes, client, 'F', last.RequestId, last.Body.AsSpan(last.Body.Length / 2));
        }

        // Reorder expectations to F-chunk order: a held message completes after the message interleaved with it.
        List<uint> completionOrder = FinalOrder(bytes.ToArray());
        var byRequest = expected.ToDictionary(e => e.RequestId);
        Assert.Equal(expected.Count, completionOrder.Count);

        var replies = new List<ServerReply>();
        Task reading = Task.Run(
            async () =>
            {
                while (replies.Count < completionOrder.Count && await ServerReplies.ReadOneAsync(client.Stream, replies, cancellationToken) is not null)
                {
                }
            },
            cancellationToken);
        await client.Stream.WriteAsync(bytes.ToArray(), cancellationToken);
        await reading;
        Interlocked.Add(ref _messages, FuzzCorpus.Frame(bytes.ToArray()).Count + 2);

        Assert.True(replies.Count == completionOrder.Count, $"{replies.Count} replies to {completionOrder.Count} requests; last: {replies.LastOrDefault()?.Describe()}");
        for (int i = 0; i < replies.Count; i++)
        {
            ServerReply reply = replies[i];
            (uint requestId, uint handle, NodeId typeId) = byRequest[completionOrder[i]];
            Assert.True(reply.Type == "MSG" && reply.RequestId == requestId, $"Reply {i}: {reply.Describe()} instead of a response to request {requestId}");
            CheckResponse(reply, handle, typeId);
        }

        if (withSession)
        {
            // Free the session (the batch may have closed it already: then Bad_SessionIdInvalid).
            byte[] close = UaMessages.Encode(new CloseSessionRequest { RequestHeader = new RequestHeader { AuthenticationToken = token, RequestHandle = 1 } }.Encode, CloseSessionRequest.EncodingId);
            await client.Stream.WriteAsync(UaMessages.Symmetric("MSGF", client.ChannelId, client.TokenId, client.TakeSequenceNumber(), client.TakeRequestId(), close), cancellationToken);
            ServerReply closed = (await ServerReplies.ReadOneAsync(client.Stream, [], cancellationToken))!;
            Assert.True(closed.TypeId == new NodeId(CloseSessionResponse.EncodingId) || closed.Status == StatusCode.BadSessionIdInvalid, closed.Describe());
        }

        await client.CloseChannelAsync(cancellationToken);
    }

    private static void WriteChunk(MemoryStream bytes, RawUaClient client, char chunkType, uint requestId, ReadOnlySpan<byte> body) =>
        bytes.Write(UaMessages.Symmetric("MSG" + chunkType, client.ChannelId, client.TokenId, client.TakeSequenceNumber(), requestId, body));

    private static List<uint> FinalOrder(byte[] bytes) =>
        [.. FuzzCorpus.Frame(bytes).Where(c => bytes[c.Offset + 3] == (byte)'F').Select(c => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(c.Offset + 20)))];

    /// <summary>A response echoes the handle and is the request's response type (decodable to the end) or a ServiceFault without an internal error.</summary>
    private static void CheckResponse(ServerReply reply, uint handle, NodeId requestType)
    {
        var reader = new UaBinaryReader(reply.Body);
        _ = reader.ReadNodeId();
        ResponseHeader header = ResponseHeader.Decode(ref reader);
        Assert.Equal(handle, header.RequestHandle);
        Assert.DoesNotContain(header.ServiceResult, InternalErrors);
        if (reply.TypeId == new NodeId(ServiceFault.EncodingId))
        {
            Assert.True(header.ServiceResult.IsBad, "ServiceFault with " + header.ServiceResult);
            reader.EnsureAtEnd();
            return;
        }

        Assert.True(requestType.NamespaceIndex == 0 && requestType.IdType == NodeIdType.Numeric && reply.TypeId == new NodeId(requestType.NumericIdentifier + 3), $"{reply.TypeId} in reply to {requestType}");
        reader = new UaBinaryReader(reply.Body);
        _ = reader.ReadNodeId();
        switch (reply.TypeId.NumericIdentifier)
        {
            case ReadResponse.EncodingId: ReadResponse.Decode(ref reader); break;
            case BrowseResponse.EncodingId: BrowseResponse.Decode(ref reader); break;
            case BrowseNextResponse.EncodingId: BrowseNextResponse.Decode(ref reader); break;
            case TranslateBrowsePathsToNodeIdsResponse.EncodingId: TranslateBrowsePathsToNodeIdsResponse.Decode(ref reader); break;
            case WriteResponse.EncodingId: WriteResponse.Decode(ref reader); break;
            case GetEndpointsResponse.EncodingId: GetEndpointsResponse.Decode(ref reader); break;
            case FindServersResponse.EncodingId: FindServersResponse.Decode(ref reader); break;
            case CreateSessionResponse.EncodingId: CreateSessionResponse.Decode(ref reader); break;
            case ActivateSessionResponse.EncodingId: ActivateSessionResponse.Decode(ref reader); break;
            case CloseSessionResponse.EncodingId: CloseSessionResponse.Decode(ref reader); break;
            default: return; // a service added later: header checked above
        }

        reader.EnsureAtEnd();
    }

    /// <summary>
    /// A short conversation ending in something the server may close for: random bytes, mutated HEL/OPN/MSG/CLO chunks,
    /// protocol violations with a known answer, chunk floods, mutated corpus files. The client half-closes after sending;
    /// the server must then close (after ERR or silently), never send malformed chunks or data after ERR, and never report
    /// an internal error. Where docs/opcua.md names the answer, the ERR code is checked.
    /// </summary>
    private async Task FatalConnectionAsync(IPEndPoint endPoint, Random random, CancellationToken cancellationToken)
    {
        (byte[] bytes, StatusCode[]? allowed) = FatalSequence(random);
        List<(int Offset, int Size)> framed = FuzzCorpus.Frame(bytes);
        Interlocked.Add(ref _messages, Math.Max(1, framed.Count + (framed.Count == 0 || framed[^1].Offset + framed[^1].Size < bytes.Length ? 1 : 0)));
        List<ServerReply> replies = await FuzzCorpus.ReplayRawAsync(endPoint, bytes, cancellationToken);
        foreach (ServerReply reply in replies)
        {
            Assert.DoesNotContain(reply.Status, InternalErrors);
        }

        if (allowed is not null)
        {
            ServerReply? last = replies.LastOrDefault();
            Assert.True(last is { Type: "ERR" } && allowed.Contains(last.Status), $"Expected ERR {string.Join(" or ", allowed)}, got {string.Join(", ", replies.Select(r => r.Describe()))}");
        }
    }

    private static (byte[] Bytes, StatusCode[]? Allowed) FatalSequence(Random random)
    {
        const uint Ph = UaMessages.ChannelIdPlaceholder;
        byte[] hel = UaMessages.Hello("opc.tcp://localhost:4840");
        byte[] opn = ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue);
        byte[] Request(uint sequence, uint requestId) =>
            UaMessages.Symmetric("MSGF", Ph, 1, sequence, requestId, UaMessages.RandomRequest(random, default, requestId, out _, out _));
        switch (random.Next(10))
        {
            case 0:
                return ([.. MessageMutator.RandomBytes(random, random.Next(1, 300))], null);
            case 1:
                return ([.. MessageMutator.MutateChunk(hel, random), .. random.Next(2) == 0 ? opn : []], null);
            case 2:
                return random.Next(5) switch
                {
                    0 => (UaMessages.Hello("opc.tcp://" + new string('u', random.Next(4086, 6000))), [StatusCode.BadTcpEndpointUrlInvalid]),
                    1 => (UaMessages.Hello("opc.tcp://x", (uint)random.Next(0, 8192)), [StatusCode.BadTcpNotEnoughResources]),
                    2 => (random.Next(2) == 0 ? opn : Request(1, 1), [StatusCode.BadTcpMessageTypeInvalid]),
                    3 => ([.. hel, .. hel], [StatusCode.BadTcpMessageTypeInvalid]),
                    _ => ([.. hel, .. opn, .. Request(2, 2), .. hel], [StatusCode.BadTcpMessageTypeInvalid]),
                };
            case 3:
                {
                    // Transport header violations after the channel is open.
                    var header = new byte[16];
                    uint size;
                    StatusCode[] allowed;
                    switch (random.Next(4))
                    {
                        case 0:
                            System.Text.Encoding.ASCII.GetBytes("MSGF", header);
                            size = (uint)random.Next(65537, int.MaxValue);
                            allowed = [StatusCode.BadTcpMessageTooLarge];
                            break;
                        case 1:
                            System.Text.Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "XYZF" : "MSGZ", header);
                            size = 16;
                            allowed = [StatusCode.BadTcpMessageTypeInvalid];
                            break;
                        case 2:
                            System.Text.Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "CLOC" : "OPNA", header);
                            size = 16;
                            allowed = [StatusCode.BadTcpMessageTypeInvalid];
                            break;
                        default:
                            System.Text.Encoding.ASCII.GetBytes("MSGF", header);
                            size = (uint)random.Next(0, 16);
                            allowed = [StatusCode.BadDecodingError, StatusCode.BadTcpMessageTypeInvalid];
                            break;
                    }

                    BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), size);
                    return ([.. hel, .. opn, .. header], allowed);
                }

            case 4:
                {
                    // Sequence numbers: gap, replay, or a wrap without exceeding the threshold.
                    uint bad = random.Next(3) switch { 0 => (uint)random.Next(3, int.MaxValue), 1 => 1, _ => 0 };
                    return ([.. hel, .. opn, .. Request(2, 2), .. UaMessages.Symmetric("MSGF", Ph, 1, bad, 3, [0x01, 0x00, 0xAC, 0x01, .. new byte[30]])], [StatusCode.BadSequenceNumberInvalid]);
                }

            case 5:
                return random.Next(2) == 0
                    ? ([.. hel, .. opn, .. UaMessages.Symmetric("MSGF", (uint)random.Next(1, int.MaxValue), 1, 2, 2, [0x01, 0x00, 0xAC, 0x01])], [StatusCode.BadTcpSecureChannelUnknown, StatusCode.BadSecureChannelIdInvalid])
                    : ([.. hel, .. opn, .. UaMessages.Symmetric("MSGF", Ph, (uint)random.Next(2, int.MaxValue), 2, 2, [0x01, 0x00, 0xAC, 0x01])], [StatusCode.BadSecureChannelTokenUnknown, StatusCode.BadTcpSecureChannelUnknown]);
            case 6:
                {
                    // Chunk floods: more C chunks than MaxChunkCount, or more pending RequestIds than the server buffers.
                    bool manyIds = random.Next(2) == 0;
                    int n = manyIds ? 9 + random.Next(0, 20) : 257 + random.Next(0, 50);
                    IEnumerable<byte> flood = Enumerable.Range(0, n).SelectMany(i => UaMessages.Symmetric("MSGC", Ph, 1, (uint)(2 + i), manyIds ? (uint)(10 + i) : 10, MessageMutator.RandomBytes(random, random.Next(1, 40))));
                    return ([.. hel, .. opn, .. flood], manyIds ? [StatusCode.BadTcpNotEnoughResources] : [StatusCode.BadTcpMessageTooLarge, StatusCode.BadRequestTooLarge]);
                }

            case 7:
            case 8:
                {
                    // A valid conversation with one to three chunks mutated anywhere (headers included).
                    var chunks = new List<byte[]> { hel, opn };
                    int requests = random.Next(1, 6);
                    for (int i = 0; i < requests; i++)
                    {
                        chunks.Add(Request((uint)(2 + i), (uint)(2 + i)));
                    }

                    chunks.Add(UaMessages.Symmetric("CLOF", Ph, 1, (uint)(2 + requests), 99, UaMessages.CloseSecureChannelBody()));
                    for (int i = random.Next(1, 4); i > 0; i--)
                    {
                        int at = random.Next(chunks.Count);
                        chunks[at] = MessageMutator.MutateChunk(chunks[at], random);
                    }

                    return ([.. chunks.SelectMany(c => c)], null);
                }

            default:
                {
                    // A corpus case with byte mutations after its OPN (or anywhere when it has none).
                    CorpusCase[] corpus = CorpusCache.Value;
                    byte[] bytes = (byte[])corpus[random.Next(corpus.Length)].Bytes.Clone();
                    List<(int Offset, int Size)> framed = FuzzCorpus.Frame(bytes);
                    int opnEnd = framed.FirstOrDefault(c => bytes.AsSpan(c.Offset, 3).SequenceEqual("OPN"u8)) is { Size: > 0 } o ? o.Offset + o.Size : 0;
                    if (bytes.Length > opnEnd)
                    {
                        for (int i = random.Next(1, 8); i > 0; i--)
                        {
                            bytes[random.Next(opnEnd, bytes.Length)] ^= (byte)(1 << random.Next(8));
                        }
                    }

                    return (bytes, null);
                }
        }
    }

    private static readonly Lazy<CorpusCase[]> CorpusCache = new(() => [.. FuzzCorpus.Cases()]);

    /// <summary>
    /// Connections that stall (nothing sent, a chunk cut short with the socket left open, an open channel left idle):
    /// the server's own timers (HelloTimeout before OPN, the token lifetime after it) must send ERR and close.
    /// </summary>
    private async Task StallConnectionsAsync(IPEndPoint endPoint, int masterSeed, List<string> failures)
    {
        byte[] hel = UaMessages.Hello("opc.tcp://localhost:4840");
        byte[] opn = ChunkBuilder.Open(0, 1, 1, SecurityTokenRequestType.Issue, requestedLifetime: 1000);
        (string Name, byte[] Bytes, StatusCode[] Allowed)[] cases =
        [
            ("silent", [], [StatusCode.BadTimeout]),
            ("partial HEL", hel[..20], [StatusCode.BadTimeout]),
            ("HEL then partial chunk", [.. hel, .. opn[..30]], [StatusCode.BadTimeout]),
            ("idle open channel", [.. hel, .. opn], [StatusCode.BadSecureChannelClosed, StatusCode.BadSecureChannelTokenUnknown, StatusCode.BadTimeout]),
            ("open channel, partial chunk", [.. hel, .. opn, .. UaMessages.Symmetric("MSGF", 1, 1, 2, 2, new byte[40])[..30]], [StatusCode.BadSecureChannelClosed, StatusCode.BadSecureChannelTokenUnknown, StatusCode.BadTimeout]),
        ];
        await Task.WhenAll(cases.Select(async c =>
        {
            using var timeout = new CancellationTokenSource(ConnectionTimeout);
            try
            {
                using var socket = new System.Net.Sockets.Socket(endPoint.AddressFamily, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(endPoint, timeout.Token);
                await using var stream = new System.Net.Sockets.NetworkStream(socket, ownsSocket: false);
                await stream.WriteAsync(c.Bytes, timeout.Token);
                Interlocked.Add(ref _messages, FuzzCorpus.Frame(c.Bytes).Count + 1);
                List<ServerReply> replies = await ServerReplies.ReadUntilClosedAsync(stream, timeout.Token);
                ServerReply? last = replies.LastOrDefault();
                Assert.True(last is { Type: "ERR" } && c.Allowed.Contains(last.Status), $"Expected ERR {string.Join(" or ", c.Allowed)}, got {string.Join(", ", replies.Select(r => r.Describe()))}");
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add($"stall '{c.Name}' (master seed {masterSeed}): {(timeout.IsCancellationRequested ? "the server neither answered nor closed within " + ConnectionTimeout.TotalSeconds + " s: " : string.Empty)}{ex}");
                }
            }
        }));
    }
}

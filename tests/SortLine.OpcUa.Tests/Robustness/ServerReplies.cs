using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>One message the server sent: ACK, OPN, a reassembled MSG (F chunk) or ERR.</summary>
/// <param name="Type">"ACK", "OPN", "MSG" or "ERR".</param>
/// <param name="RequestId">RequestId of OPN/MSG replies.</param>
/// <param name="Body">MSG: the reassembled body (encoding NodeId onwards); OPN: the whole chunk; otherwise empty.</param>
/// <param name="Status">ERR: the error; MSG: the ResponseHeader's ServiceResult.</param>
/// <param name="TypeId">MSG: the response's encoding id.</param>
internal sealed record ServerReply(string Type, uint RequestId, byte[] Body, StatusCode Status, NodeId TypeId)
{
    /// <summary>A deterministic one-line description (no timestamps or nonces).</summary>
    public string Describe() => Type switch
    {
        "MSG" => string.Create(CultureInfo.InvariantCulture, $"MSG {TypeId} 0x{Status.Code:X8} #{RequestId}"),
        "ERR" => string.Create(CultureInfo.InvariantCulture, $"ERR 0x{Status.Code:X8}"),
        _ => Type,
    };
}

/// <summary>Reads what a server sends until it closes the connection, checking that the output is well framed.</summary>
internal static class ServerReplies
{
    /// <summary>The description of a connection the server closed.</summary>
    public const string Closed = "CLOSE";

    /// <summary>
    /// Reads chunks until EOF or reset; MSG chunks are reassembled per RequestId (C chunks until F).
    /// Throws <see cref="OperationCanceledException"/> when the server neither closes nor sends within the token's time.
    /// </summary>
    /// <exception cref="InvalidDataException">The server sent a malformed chunk, an unknown type, or data after ERR.</exception>
    public static async Task<List<ServerReply>> ReadUntilClosedAsync(Stream stream, CancellationToken cancellationToken, List<ServerReply>? into = null)
    {
        List<ServerReply> replies = into ?? [];
        while (await ReadOneAsync(stream, replies, cancellationToken) is not null)
        {
        }

        return replies;
    }

    /// <summary>Reads until one complete reply (or close); returns it, or null once the server has closed.</summary>
    public static async Task<ServerReply?> ReadOneAsync(Stream stream, List<ServerReply> replies, CancellationToken cancellationToken)
    {
        var partial = new Dictionary<uint, MemoryStream>();
        while (true)
        {
            byte[]? chunk = await TryReadChunkAsync(stream, cancellationToken);
            if (chunk is null)
            {
                return null;
            }

            if (replies.Count > 0 && replies[^1].Type == "ERR")
            {
                throw new InvalidDataException("The server sent data after ERR");
            }

            string type = System.Text.Encoding.ASCII.GetString(chunk, 0, 3);
            char chunkType = (char)chunk[3];
            ServerReply reply;
            switch (type)
            {
                case "ACK" when chunkType == 'F' && chunk.Length == 28:
                    reply = new ServerReply(type, 0, [], default, default);
                    break;
                case "ERR" when chunkType == 'F' && chunk.Length >= 16:
                    reply = new ServerReply(type, 0, [], new StatusCode(BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(8))), default);
                    break;
                case "OPN" when chunkType == 'F':
                    reply = new ServerReply(type, 0, chunk, default, default);
                    break;
                case "MSG" when chunk.Length >= 24 && chunkType is 'C' or 'F':
                    uint requestId = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(20));
                    if (!partial.TryGetValue(requestId, out MemoryStream? body))
                    {
                        body = new MemoryStream();
                        partial.Add(requestId, body);
                    }

                    body.Write(chunk, 24, chunk.Length - 24);
                    if (chunkType == 'C')
                    {
                        continue;
                    }

                    partial.Remove(requestId);
                    byte[] message = body.ToArray();
                    var reader = new UaBinaryReader(message);
                    NodeId typeId = reader.ReadNodeId();
                    ResponseHeader header = ResponseHeader.Decode(ref reader);
                    reply = new ServerReply(type, requestId, message, header.ServiceResult, typeId);
                    break;
                default:
                    throw new InvalidDataException("Unexpected chunk " + type + chunkType + " of " + chunk.Length + " bytes");
            }

            replies.Add(reply);
            return reply;
        }
    }

    /// <summary>One chunk, or null on a clean close or reset at a chunk boundary.</summary>
    private static async Task<byte[]?> TryReadChunkAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        try
        {
            int first = await stream.ReadAsync(header.AsMemory(0, 8), cancellationToken);
            if (first == 0)
            {
                return null;
            }

            await stream.ReadExactlyAsync(header.AsMemory(first), cancellationToken);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (size is < 16 or > 1 << 20)
            {
                throw new InvalidDataException("The server sent a chunk of implausible size " + size);
            }

            var chunk = new byte[size];
            header.CopyTo(chunk, 0);
            await stream.ReadExactlyAsync(chunk.AsMemory(8), cancellationToken);
            return chunk;
        }
        catch (IOException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
            return null;
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The server closed inside a chunk", ex);
        }
    }
}

using System.Buffers.Binary;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>Seeded byte-level mutations in the style of libFuzzer's mutators, on request bodies and on whole chunks.</summary>
internal static class MessageMutator
{
    /// <summary>Length prefixes and counts that trip decoders: null, invalid negatives, limits ± 1, huge values.</summary>
    private static readonly int[] InterestingInt32 = [-1, -2, int.MinValue, int.MaxValue, 0, 1, 255, 256, 65535, 65536, 65537, (1 << 20) + 1, 1 << 24, 0x7FFFFFF0];

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x05, 0x06, 0x3F, 0x40, 0x7F, 0x80, 0x98, 0xBF, 0xC0, 0xFE, 0xFF];

    /// <summary>Mutates the bytes after <paramref name="keep"/> (the encoding NodeId and RequestHeader stay intact).</summary>
    public static byte[] MutateTail(byte[] body, int keep, Random random)
    {
        var tail = new List<byte>(body.AsSpan(keep).ToArray());
        int op = random.Next(9);
        if (tail.Count == 0 && op is not (4 or 5))
        {
            op = 4;
        }

        switch (op)
        {
            case 0:
                for (int i = random.Next(1, 9); i > 0; i--)
                {
                    int at = random.Next(tail.Count);
                    tail[at] ^= (byte)(1 << random.Next(8));
                }

                break;
            case 1:
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    tail[random.Next(tail.Count)] = InterestingBytes[random.Next(InterestingBytes.Length)];
                }

                break;
            case 2:
                if (tail.Count >= 4)
                {
                    int at = random.Next(tail.Count - 3);
                    Span<byte> value = stackalloc byte[4];
                    BinaryPrimitives.WriteInt32LittleEndian(value, InterestingInt32[random.Next(InterestingInt32.Length)]);
                    for (int i = 0; i < 4; i++)
                    {
                        tail[at + i] = value[i];
                    }
                }

                break;
            case 3:
                {
                    int length = random.Next(tail.Count);
                    tail.RemoveRange(length, tail.Count - length);
                    break;
                }

            case 4:
                tail.AddRange(RandomBytes(random, random.Next(1, 65)));
                break;
            case 5:
                tail = [.. RandomBytes(random, random.Next(0, 129))];
                break;
            case 6:
                {
                    int at = random.Next(tail.Count);
                    tail.RemoveRange(at, random.Next(0, tail.Count - at + 1));
                    break;
                }

            case 7:
                {
                    int at = random.Next(tail.Count);
                    int length = random.Next(1, Math.Min(64, tail.Count - at) + 1);
                    tail.InsertRange(random.Next(tail.Count + 1), tail.GetRange(at, length));
                    break;
                }

            default:
                // Overwrite a 4-byte aligned-looking field with a huge count (allocation bomb).
                if (tail.Count >= 4)
                {
                    int at = random.Next(tail.Count - 3);
                    tail[at] = 0xFF;
                    tail[at + 1] = 0xFF;
                    tail[at + 2] = 0xFF;
                    tail[at + 3] = (byte)random.Next(0x00, 0x80);
                }

                break;
        }

        return [.. body.AsSpan(0, keep).ToArray(), .. tail];
    }

    /// <summary>Mutates a whole chunk, headers included (the connection may legitimately be closed for it).</summary>
    public static byte[] MutateChunk(byte[] chunk, Random random)
    {
        byte[] c = (byte[])chunk.Clone();
        if (c.Length < 8)
        {
            return [.. c, .. RandomBytes(random, random.Next(1, 16))];
        }

        switch (random.Next(8))
        {
            case 0:
                for (int i = random.Next(1, 6); i > 0; i--)
                {
                    c[random.Next(c.Length)] ^= (byte)(1 << random.Next(8));
                }

                return c;
            case 1:
                {
                    // Truncated, size patched: framing stays in step, the content is cut.
                    int length = random.Next(8, c.Length + 1);
                    byte[] cut = c[..length];
                    BinaryPrimitives.WriteUInt32LittleEndian(cut.AsSpan(4), (uint)length);
                    return cut;
                }

            case 2:
                // Truncated, size not patched: the server waits for bytes that never come (until EOF).
                return c[..random.Next(1, c.Length)];
            case 3:
                BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(4), random.Next(3) switch
                {
                    0 => (uint)random.Next(0, 24),
                    1 => (uint)random.Next(),
                    _ => (uint)(c.Length + random.Next(-8, 9)),
                });
                return c;
            case 4:
                {
                    string[] types = ["MSGF", "MSGC", "MSGA", "MSGX", "OPNF", "OPNC", "CLOF", "CLOA", "HELF", "ACKF", "ERRF", "RHEF", "msgf", "\0\0\0\0"];
                    System.Text.Encoding.ASCII.GetBytes(types[random.Next(types.Length)]).CopyTo(c, 0);
                    return c;
                }

            case 5:
                if (c.Length >= 24)
                {
                    // Sequence header / token / channel: one of the 4-byte fields after the transport header.
                    int field = 8 + (4 * random.Next(4));
                    BinaryPrimitives.WriteUInt32LittleEndian(c.AsSpan(field), random.Next(2) == 0 ? (uint)random.Next() : BinaryPrimitives.ReadUInt32LittleEndian(c.AsSpan(field)) + (uint)random.Next(-2, 3));
                }

                return c;
            case 6:
                {
                    // Random body behind intact headers.
                    int keep = Math.Min(c.Length, 24);
                    byte[] replaced = [.. c.AsSpan(0, keep).ToArray(), .. RandomBytes(random, random.Next(0, 200))];
                    BinaryPrimitives.WriteUInt32LittleEndian(replaced.AsSpan(4), (uint)replaced.Length);
                    return replaced;
                }

            default:
                // The chunk twice (a replay: the second copy repeats the sequence number).
                return [.. c, .. c];
        }
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}

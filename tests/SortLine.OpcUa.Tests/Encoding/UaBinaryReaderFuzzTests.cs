using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>
/// Random and mutated input decodes to a value or raises only <see cref="UaDecodingException"/> (never
/// IndexOutOfRange, NullReference, Overflow, OutOfMemory or a stack overflow). Seeds are fixed and printed.
/// </summary>
public sealed class UaBinaryReaderFuzzTests
{
    private delegate void Decode(byte[] bytes);

    private static readonly (string Name, Decode Decode)[] Decoders =
    [
        ("Variant", b => { var r = new UaBinaryReader(b); r.ReadVariant(); }),
        ("DataValue", b => { var r = new UaBinaryReader(b); r.ReadDataValue(); }),
        ("DiagnosticInfo", b => { var r = new UaBinaryReader(b); r.ReadDiagnosticInfo(); }),
        ("ExtensionObject", b => { var r = new UaBinaryReader(b); r.ReadExtensionObject(); }),
        ("ExpandedNodeId", b => { var r = new UaBinaryReader(b); r.ReadExpandedNodeId(); }),
        ("NodeId", b => { var r = new UaBinaryReader(b); r.ReadNodeId(); }),
        ("LocalizedText", b => { var r = new UaBinaryReader(b); r.ReadLocalizedText(); }),
        ("Hello", b => { var r = new UaBinaryReader(b); SortLine.OpcUa.Transport.HelloMessage.Decode(ref r); }),
        ("Error", b => { var r = new UaBinaryReader(b); SortLine.OpcUa.Transport.ErrorMessage.Decode(ref r); }),
    ];

    private static void AssertOnlyDecodingErrors(Decode decode, byte[] input, int seed, string what)
    {
        try
        {
            decode(input);
        }
        catch (UaDecodingException)
        {
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what} (seed {seed}) threw {ex.GetType().Name} for input {Convert.ToHexString(input)}: {ex.Message}");
        }
    }

    public static TheoryData<int> Seeds => new(11, 22, 33, 44);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Decode_RandomBytes_OnlyUaDecodingException(int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 1000; i++)
        {
            var input = new byte[random.Next(0, 64)];
            random.NextBytes(input);
            foreach (var (name, decode) in Decoders)
            {
                AssertOnlyDecodingErrors(decode, input, seed, name);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Decode_MutatedValidVariants_OnlyUaDecodingException(int seed)
    {
        var random = new Random(seed);
        byte[][] valid = FsCheck.Fluent.Gen.Sample(UaGen.Variant, 20, new FsCheck.Rnd((ulong)seed), 200)
            .Select(v => Codec.Encode(v, Codec.WriteVariant))
            .Concat(FsCheck.Fluent.Gen.Sample(UaGen.DataValue, 20, new FsCheck.Rnd((ulong)seed + 1), 50).Select(v => Codec.Encode(v, Codec.WriteDataValue)))
            .Where(b => b.Length > 0)
            .ToArray();
        foreach (byte[] original in valid)
        {
            for (int m = 0; m < 10; m++)
            {
                byte[] input = Mutate(original, random);
                AssertOnlyDecodingErrors(Decoders[0].Decode, input, seed, "Variant");
                AssertOnlyDecodingErrors(Decoders[1].Decode, input, seed, "DataValue");
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0: // flip a byte
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            case 1: // truncate
                return bytes[..random.Next(bytes.Length)];
            case 2: // plant a hostile Int32 (huge, -2, -1) somewhere
                int at = random.Next(bytes.Length);
                int[] hostile = [int.MaxValue, -2, -1, 0x7FFF_FFF0, 1 << 20];
                byte[] value = BitConverter.GetBytes(hostile[random.Next(hostile.Length)]);
                for (int i = 0; i < 4 && at + i < bytes.Length; i++)
                {
                    bytes[at + i] = value[i];
                }

                return bytes;
            default: // set the array/dimension bits of the first mask
                bytes[0] |= (byte)(random.Next(2) == 0 ? 0x40 : 0xC0);
                return bytes;
        }
    }
}

using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>Length prefixes and nesting are checked before anything is allocated (style guide B4).</summary>
public sealed class UaBinaryReaderLimitsTests
{
    private static UaDecodingException DecodeFails<T>(byte[] bytes, UaElementDecoder<T> decoder, UaEncodingLimits? limits = null) =>
        Assert.Throws<UaDecodingException>(() => Codec.Decode(bytes, decoder, limits));

    private static byte[] Int32Prefix(int value) => BitConverter.GetBytes(value);

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1 << 21)]
    public void ReadString_LengthAboveLimit_ThrowsEncodingLimitsExceeded(int length)
    {
        var ex = DecodeFails(Int32Prefix(length), Codec.ReadString);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void ReadString_LengthWithinLimitButBeyondInput_ThrowsDecodingError()
    {
        var ex = DecodeFails([.. Int32Prefix(100), 0x41, 0x42], Codec.ReadString);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
        Assert.Equal(4, ex.Offset);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(int.MinValue)]
    public void ReadByteString_LengthBelowMinusOne_ThrowsDecodingError(int length)
    {
        var ex = DecodeFails(Int32Prefix(length), Codec.ReadByteString);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void ReadByteString_HugeLength_ThrowsEncodingLimitsExceeded()
    {
        var ex = DecodeFails(Int32Prefix(int.MaxValue), Codec.ReadByteString);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void ReadString_InvalidUtf8_ThrowsDecodingError()
    {
        var ex = DecodeFails([.. Int32Prefix(2), 0xC3, 0x28], Codec.ReadString);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
        Assert.Equal(4, ex.Offset);
    }

    [Fact]
    public void ReadString_ConfiguredLimit_Applies()
    {
        var limits = new UaEncodingLimits { MaxStringLength = 3 };

        var ex = DecodeFails([.. Int32Prefix(4), 0x41, 0x41, 0x41, 0x41], Codec.ReadString, limits);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void ReadVariant_ArrayLengthHuge_ThrowsEncodingLimitsExceeded()
    {
        var ex = DecodeFails([0x86, .. Int32Prefix(int.MaxValue)], Codec.ReadVariant);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
        Assert.Equal(1, ex.Offset);
    }

    [Fact]
    public void ReadVariant_ArrayLengthWithinLimitButMoreThanBytes_ThrowsBeforeAllocating()
    {
        // 60 000 Guids need 960 000 bytes; only 16 are there.
        var ex = DecodeFails([0x8E, .. Int32Prefix(60_000), .. new byte[16]], Codec.ReadVariant);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void ReadArray_LengthAboveLimit_ThrowsEncodingLimitsExceeded()
    {
        var limits = new UaEncodingLimits { MaxArrayLength = 2 };

        var ex = DecodeFails(
            [.. Int32Prefix(3), .. new byte[12]],
            static (ref UaBinaryReader r) => r.ReadArray(static (ref UaBinaryReader e) => e.ReadInt32(), sizeof(int)),
            limits);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void ReadVariant_ArrayDimensionsProductMismatch_ThrowsDecodingError()
    {
        byte[] bytes = [0xC6, .. Int32Prefix(2), .. Int32Prefix(1), .. Int32Prefix(2), .. Int32Prefix(2), .. Int32Prefix(2), .. Int32Prefix(2)];

        var ex = DecodeFails(bytes, Codec.ReadVariant);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void ReadVariant_NegativeDimension_ThrowsDecodingError()
    {
        byte[] bytes = [0xC6, .. Int32Prefix(0), .. Int32Prefix(2), .. Int32Prefix(-1), .. Int32Prefix(0)];

        var ex = DecodeFails(bytes, Codec.ReadVariant);

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void ReadVariant_DeeplyNestedVariantArrays_ThrowsEncodingLimitsExceeded()
    {
        // Each level: Variant mask 0x98 (Variant array), length 1; 10 000 levels would overflow the stack unchecked.
        var bytes = new List<byte>();
        for (int i = 0; i < 10_000; i++)
        {
            bytes.Add(0x98);
            bytes.AddRange(Int32Prefix(1));
        }

        bytes.Add(0x00);

        var ex = DecodeFails(bytes.ToArray(), Codec.ReadVariant);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void ReadDiagnosticInfo_DeepInnerChain_ThrowsEncodingLimitsExceeded()
    {
        var bytes = Enumerable.Repeat((byte)0x40, 5_000).Append((byte)0x00).ToArray();

        var ex = DecodeFails(bytes, Codec.ReadDiagnosticInfo);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void ReadDiagnosticInfo_ChainWithinConfiguredDepth_Decodes()
    {
        var limits = new UaEncodingLimits { MaxNestingDepth = 10 };
        var bytes = Enumerable.Repeat((byte)0x40, 9).Append((byte)0x00).ToArray();

        DiagnosticInfo info = Codec.Decode(bytes, Codec.ReadDiagnosticInfo, limits);

        Assert.Equal(10, info.Depth);
    }

    [Fact]
    public void ReadDiagnosticInfo_ChainOneOverConfiguredDepth_Throws()
    {
        var limits = new UaEncodingLimits { MaxNestingDepth = 10 };
        var bytes = Enumerable.Repeat((byte)0x40, 10).Append((byte)0x00).ToArray();

        var ex = DecodeFails(bytes, Codec.ReadDiagnosticInfo, limits);

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void WriteVariant_DestinationTooSmall_ThrowsEncodingLimitsExceeded()
    {
        var destination = new byte[8];

        var ex = Assert.Throws<UaEncodingException>(() =>
        {
            var writer = new UaBinaryWriter(destination);
            writer.WriteVariant(Variant.FromArray(new[] { 1, 2, 3 }));
        });

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void WriteString_OverConfiguredLimit_ThrowsEncodingLimitsExceeded()
    {
        var limits = new UaEncodingLimits { MaxStringLength = 2 };

        var ex = Assert.Throws<UaEncodingException>(() => Codec.Encode<string?>("abc", Codec.WriteString, limits));

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Fact]
    public void PooledByteBuffer_GrowthPastMaxSize_ThrowsEncodingLimitsExceeded()
    {
        using var buffer = new PooledByteBuffer(16, 64);

        var ex = Assert.Throws<UaEncodingException>(() =>
        {
            var writer = new UaBinaryWriter(buffer);
            writer.WriteByteString(new byte[100]);
        });

        Assert.Equal(StatusCode.BadEncodingLimitsExceeded, ex.StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void UaEncodingLimits_NonPositiveLength_Throws(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new UaEncodingLimits { MaxStringLength = value });
    }
}

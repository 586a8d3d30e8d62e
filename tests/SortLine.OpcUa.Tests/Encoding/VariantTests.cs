using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Tests.Encoding;

/// <summary>Variant construction rules and the decoder's special cases (OPC 10000-6 §5.2.2.16).</summary>
public sealed class VariantTests
{
    [Fact]
    public void FromScalar_WrongClrType_Throws() =>
        Assert.Throws<ArgumentException>(() => Variant.FromScalar(BuiltInType.Int32, 5L));

    [Fact]
    public void FromScalar_VariantType_Throws() =>
        Assert.Throws<ArgumentException>(() => Variant.FromScalar(BuiltInType.Variant, new Variant(1)));

    [Fact]
    public void FromArray_DimensionsProductMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => Variant.FromArray(new[] { 1, 2, 3 }, [2, 2]));

    [Fact]
    public void FromArray_ByteArray_IsByteArrayNotByteString()
    {
        Variant bytes = Variant.FromArray(new byte[] { 1, 2 });

        Assert.Equal((BuiltInType.Byte, true), (bytes.Type, bytes.IsArray));
        Assert.Equal("830200000001 02".Replace(" ", string.Empty, StringComparison.Ordinal), GoldenFile.Hex(Codec.Encode(bytes, Codec.WriteVariant)));
    }

    [Theory]
    [InlineData(26)]
    [InlineData(31)]
    public void ReadVariant_ReservedTypeIds26To31_DecodeAsByteString(int typeId)
    {
        byte[] bytes = [(byte)typeId, 2, 0, 0, 0, 0xAB, 0xCD];

        Variant value = Codec.Decode(bytes, Codec.ReadVariant);

        Assert.Equal(BuiltInType.ByteString, value.Type);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, (byte[]?)value.Value);
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x3F)]
    [InlineData(0x80)]
    [InlineData(0x46)]
    [InlineData(0x18)]
    public void ReadVariant_InvalidMask_ThrowsDecodingError(int mask)
    {
        var ex = Assert.Throws<UaDecodingException>(() => Codec.Decode([(byte)mask, 0, 0, 0, 0], Codec.ReadVariant));

        Assert.Equal(StatusCode.BadDecodingError, ex.StatusCode);
    }

    [Fact]
    public void ReadVariant_NullArrayLength_DecodesAsEmptyArray()
    {
        Variant value = Codec.Decode([0x86, 0xFF, 0xFF, 0xFF, 0xFF], Codec.ReadVariant);

        Assert.Equal(Variant.FromArray(Array.Empty<int>()), value);
    }

    [Fact]
    public void WriteVariant_OneDimension_OmitsArrayDimensions()
    {
        byte[] bytes = Codec.Encode(Variant.FromArray(new[] { 7 }, [1]), Codec.WriteVariant);

        Assert.Equal("860100000007000000", GoldenFile.Hex(bytes));
    }

    [Fact]
    public void Equals_SameMatrixDifferentShape_NotEqual()
    {
        Assert.NotEqual(Variant.FromArray(new[] { 1, 2, 3, 4, 5, 6 }, [2, 3]), Variant.FromArray(new[] { 1, 2, 3, 4, 5, 6 }, [3, 2]));
    }
}

using System.Buffers.Binary;
using SortLine.Simulators.Recording.Envi;

namespace SortLine.Simulators.Recording.Tests;

public sealed class EnviImageTests
{
    private const int Samples = 5;
    private const int Lines = 4;
    private const int Bands = 3;

    public static TheoryData<EnviInterleave, EnviDataType, int, int> Layouts()
    {
        var data = new TheoryData<EnviInterleave, EnviDataType, int, int>();
        foreach (EnviInterleave il in Enum.GetValues<EnviInterleave>())
        {
            foreach (EnviDataType dt in Enum.GetValues<EnviDataType>())
            {
                data.Add(il, dt, 0, 0);
                data.Add(il, dt, 1, 32);
            }
        }

        return data;
    }

    /// <summary>The value at (line, sample, band): exact in every supported type, negative only for int16.</summary>
    private static double Expected(EnviDataType type, int line, int sample, int band) => type switch
    {
        EnviDataType.UInt16 => 40000 + (line * 1000) + (sample * 37) + (band * 5),
        EnviDataType.Int16 => -20000 + (line * 1000) + (sample * 37) + (band * 5),
        _ => line + (sample / 8.0) - (band * 0.25),
    };

    /// <summary>Writes an ENVI file by the layout's index formula, independently of the reader.</summary>
    private static string WriteCube(TempDirectory dir, EnviInterleave il, EnviDataType type, int byteOrder, int offset, int lines = Lines, long? truncateTo = null)
    {
        int size = type == EnviDataType.Float32 ? 4 : 2;
        var bytes = new byte[offset + (Samples * lines * Bands * size)];
        bytes.AsSpan(0, offset).Fill(0xEE);
        for (int l = 0; l < lines; l++)
        {
            for (int s = 0; s < Samples; s++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    long index = il switch
                    {
                        EnviInterleave.Bsq => (((long)b * lines) + l) * Samples + s,
                        EnviInterleave.Bil => (((long)l * Bands) + b) * Samples + s,
                        _ => (((long)l * Samples) + s) * Bands + b,
                    };
                    Span<byte> at = bytes.AsSpan(offset + (int)(index * size), size);
                    double v = Expected(type, l, s, b);
                    switch (type, byteOrder)
                    {
                        case (EnviDataType.UInt16, 0): BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)v); break;
                        case (EnviDataType.UInt16, _): BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)v); break;
                        case (EnviDataType.Int16, 0): BinaryPrimitives.WriteInt16LittleEndian(at, (short)v); break;
                        case (EnviDataType.Int16, _): BinaryPrimitives.WriteInt16BigEndian(at, (short)v); break;
                        case (_, 0): BinaryPrimitives.WriteSingleLittleEndian(at, (float)v); break;
                        default: BinaryPrimitives.WriteSingleBigEndian(at, (float)v); break;
                    }
                }
            }
        }

        string stem = dir.File($"cube_{il}_{type}_{byteOrder}");
        File.WriteAllBytes(stem + ".img", truncateTo is long t ? bytes[..(int)t] : bytes);
        File.WriteAllText(stem + ".hdr",
            $"ENVI\nsamples = {Samples}\nlines = {lines}\nbands = {Bands}\nheader offset = {offset}\ndata type = {(int)type}\n"
            + $"interleave = {il.ToString().ToLowerInvariant()}\nbyte order = {byteOrder}\n");
        return stem + ".hdr";
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void ReadLineFloat_AnyLayoutTypeAndByteOrder_ReturnsPixelInterleavedValues(EnviInterleave il, EnviDataType type, int byteOrder, int offset)
    {
        using var dir = new TempDirectory();
        using EnviImage image = EnviImage.Open(WriteCube(dir, il, type, byteOrder, offset));
        var line = new float[Samples * Bands];

        for (int l = 0; l < Lines; l++)
        {
            image.ReadLine(l, line);
            for (int s = 0; s < Samples; s++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    Assert.Equal((float)Expected(type, l, s, b), line[(s * Bands) + b]);
                }
            }
        }
    }

    [Theory]
    [InlineData(EnviInterleave.Bsq, 0)]
    [InlineData(EnviInterleave.Bil, 1)]
    [InlineData(EnviInterleave.Bip, 0)]
    public void ReadLineUInt16_UInt16File_ReturnsExactCounts(EnviInterleave il, int byteOrder)
    {
        using var dir = new TempDirectory();
        using EnviImage image = EnviImage.Open(WriteCube(dir, il, EnviDataType.UInt16, byteOrder, 0));
        var line = new ushort[Samples * Bands];

        image.ReadLine(Lines - 1, line);

        Assert.Equal((ushort)Expected(EnviDataType.UInt16, Lines - 1, Samples - 1, Bands - 1), line[^1]);
        Assert.Equal((ushort)Expected(EnviDataType.UInt16, Lines - 1, 2, 1), line[(2 * Bands) + 1]);
    }

    [Fact]
    public void ReadLineUInt16_FloatFile_ThrowsInvalidOperation()
    {
        using var dir = new TempDirectory();
        using EnviImage image = EnviImage.Open(WriteCube(dir, EnviInterleave.Bip, EnviDataType.Float32, 0, 0));

        Assert.Throws<InvalidOperationException>(() => image.ReadLine(0, new ushort[Samples * Bands]));
    }

    [Theory]
    [InlineData(EnviInterleave.Bil)]
    [InlineData(EnviInterleave.Bip)]
    public void ReadLine_TruncatedData_DeliversCompleteLinesThenThrowsWithOffset(EnviInterleave il)
    {
        using var dir = new TempDirectory();
        int lineBytes = Samples * Bands * 2;
        long cut = (2 * lineBytes) + 7;   // lines 0 and 1 whole, line 2 cut 7 bytes in
        string hdr = WriteCube(dir, il, EnviDataType.UInt16, 0, 0, truncateTo: cut);
        using EnviImage image = EnviImage.Open(hdr);
        var line = new ushort[Samples * Bands];

        image.ReadLine(0, line);
        image.ReadLine(1, line);
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => image.ReadLine(2, line));

        Assert.Equal((Lines, 2, true), (image.Lines, image.CompleteLines, image.IsTruncated));
        Assert.Equal(image.DataPath, ex.FilePath);
        Assert.Equal(cut, ex.ByteOffset);
        Assert.Contains(Path.GetFileName(image.DataPath), ex.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {cut}", ex.Message, StringComparison.Ordinal);
        Assert.Equal((ushort)Expected(EnviDataType.UInt16, 1, Samples - 1, Bands - 1), line[^1]);
    }

    [Fact]
    public void Open_TruncatedBsq_CountsLinesWhoseLastBandIsPresent()
    {
        using var dir = new TempDirectory();
        int rowBytes = Samples * 2;
        long lastPlane = (long)(Bands - 1) * Lines * rowBytes;
        string hdr = WriteCube(dir, EnviInterleave.Bsq, EnviDataType.UInt16, 0, 0, truncateTo: lastPlane + (3 * rowBytes) - 1);
        using EnviImage image = EnviImage.Open(hdr);
        var line = new ushort[Samples * Bands];

        image.ReadLine(1, line);
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => image.ReadLine(2, line));

        Assert.Equal(2, image.CompleteLines);
        Assert.Equal(lastPlane + (3 * rowBytes) - 1, ex.ByteOffset);
        Assert.Equal((ushort)Expected(EnviDataType.UInt16, 1, 4, 2), line[^1]);
    }

    [Fact]
    public void Open_NoDataFile_ThrowsFileNotFoundNamingHeader()
    {
        using var dir = new TempDirectory();
        string hdr = WriteCube(dir, EnviInterleave.Bil, EnviDataType.UInt16, 0, 0);
        File.Delete(Path.ChangeExtension(hdr, ".img"));

        FileNotFoundException ex = Assert.Throws<FileNotFoundException>(() => EnviImage.Open(hdr));

        Assert.Contains(hdr, ex.Message, StringComparison.Ordinal);
    }
}

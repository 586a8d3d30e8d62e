using System.Text;
using SortLine.Simulators.Recording.Envi;

namespace SortLine.Simulators.Recording.Tests;

public sealed class EnviHeaderTests
{
    private const string Minimal = "ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\n";

    [Fact]
    public void Read_JasperRidgeHeader_ParsesShapeTypeAndWavelengths()
    {
        EnviHeader h = EnviHeader.Read(TestData.JasperHeader);

        Assert.Equal((100, 100, 198), (h.Samples, h.Lines, h.Bands));
        Assert.Equal(EnviDataType.UInt16, h.DataType);
        Assert.Equal(EnviInterleave.Bsq, h.Interleave);
        Assert.False(h.IsBigEndian);
        Assert.Equal(198, h.WavelengthsNm!.Count);
        Assert.Equal(399.67, h.WavelengthsNm[0]);
        Assert.Equal(2458.07, h.WavelengthsNm[^1]);
        Assert.StartsWith("Jasper Ridge AVIRIS subscene", h.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MultiLineBracesCommentsAndMixedCaseKeys_AreUnderstood()
    {
        string text = "ENVI\r\n; a comment\r\nDescription = {first line,\r\n  second = line}\r\nSamples = 3\r\nlines=2\r\nbands = 4\r\n\r\n"
            + "data type = 2\r\ninterleave = BIP\r\nbyte order = 1\r\nheader offset = 16\r\nwavelength = {\r\n 1.0, 1.5,\r\n 2.0,\r\n 2.5 }\r\nwavelength units = Micrometers\r\n";

        EnviHeader h = EnviHeader.Parse(text, "x.hdr");

        Assert.Equal("first line,\n  second = line", h.Description);
        Assert.Equal((3, 2, 4, 16), (h.Samples, h.Lines, h.Bands, h.HeaderOffset));
        Assert.Equal(EnviDataType.Int16, h.DataType);
        Assert.Equal(EnviInterleave.Bip, h.Interleave);
        Assert.True(h.IsBigEndian);
        Assert.Equal([1000.0, 1500.0, 2000.0, 2500.0], h.WavelengthsNm!);
    }

    [Fact]
    public void Parse_RepeatedKey_LaterValueWins()
    {
        EnviHeader h = EnviHeader.Parse(Minimal + "lines = 5\n", "x.hdr");

        Assert.Equal(5, h.Lines);
    }

    [Theory]
    [InlineData("EVNI\nsamples = 3\n", 1, "ENVI")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\nthis line has no equals sign\n", 8, "key = value")]
    [InlineData("ENVI\nsamples = three\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\n", 2, "integer")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 5\ninterleave = bil\nbyte order = 0\n", 5, "data type 5")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bsx\nbyte order = 0\n", 6, "interleave")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\nwavelength = {1, 2,\n3, 4\n", 8, "never closed")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\n\nwavelength = {1, 2, 3}\n", 9, "3 values for 4 bands")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\nfwhm = {1, 2, x, 4}\n", 8, "value 2")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 0\ndata type = 12\ninterleave = bil\nbyte order = 0\n", 4, "at least 1")]
    [InlineData("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\nbyte order = 0\nwavelength = {1, 2, 3, 4} trailing\n", 8, "after '}'")]
    public void Parse_MalformedHeader_ThrowsNamingFileAndLine(string text, int line, string fragment)
    {
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => EnviHeader.Parse(text, "broken.hdr"));

        Assert.Equal("broken.hdr", ex.FilePath);
        Assert.Equal(line, ex.HeaderLine);
        Assert.Contains($"broken.hdr, line {line} (byte offset {ex.ByteOffset}):", ex.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);

        // The offset is the first byte of the offending line: right after the (line - 1)-th newline.
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        Assert.InRange(ex.ByteOffset, 0, bytes.Length);
        Assert.Equal(line - 1, bytes.AsSpan(0, (int)ex.ByteOffset).Count((byte)'\n'));
        Assert.True(ex.ByteOffset == 0 || bytes[ex.ByteOffset - 1] == (byte)'\n');
    }

    [Fact]
    public void Read_MalformedLineAfterByteOrderMarkCrLfAndNonAscii_NamesTheLinesByteOffsetInTheFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("umlaut.hdr");
        // BOM (3 bytes) + "ENVI\r\n" (6) + "; Überblick\r\n" (Ü is 2 bytes in UTF-8: 14) = 23 bytes before line 3.
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("ENVI\r\n; Überblick\r\nsamples = x\r\nlines = 2\r\n")]);

        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(() => EnviHeader.Read(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(3, ex.HeaderLine);
        Assert.Equal(23, ex.ByteOffset);
        Assert.Contains($"{path}, line 3 (byte offset 23): 'samples' must be an integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredField_ThrowsNamingFileAndField()
    {
        RecordingFormatException ex = Assert.Throws<RecordingFormatException>(
            () => EnviHeader.Parse("ENVI\nsamples = 3\nlines = 2\nbands = 4\ndata type = 12\ninterleave = bil\n", "nobyteorder.hdr"));

        Assert.StartsWith("nobyteorder.hdr: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(-1, ex.ByteOffset); // an absent field has no place in the file
        Assert.Contains("'byte order' is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ThenParse_KeepsEveryField()
    {
        EnviHeader original = EnviHeader.Parse(Minimal + "wavelength = {1000.5, 1001.25, 1002, 1003}\ndescription = {a, b}\nsortline state = open\n", "x.hdr");

        EnviHeader again = EnviHeader.Parse(original.Format(), "y.hdr");

        Assert.Equal(original.Fields, again.Fields);
        Assert.Equal(original.WavelengthsNm, again.WavelengthsNm);
    }
}

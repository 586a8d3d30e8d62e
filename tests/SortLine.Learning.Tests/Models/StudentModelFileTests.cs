using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using FsCheck;
using FsCheck.Fluent;
using SortLine.Learning.Models;

namespace SortLine.Learning.Tests.Models;

public sealed class StudentModelFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sortline-model-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void SaveLoad_ValidModel_RoundTripsEveryField()
    {
        StudentModel model = TestModels.Create();
        string path = Path.Combine(_directory, "m.slmodel");

        StudentModelFile.Save(path, model);
        StudentModel loaded = StudentModelFile.Load(path);

        AssertSameModel(model, loaded);
    }

    [Fact]
    public void Serialize_NoParentAndNoRejectThresholds_RoundTripsNulls()
    {
        StudentModel source = TestModels.Create(parent: null);
        var model = new StudentModel(source.Version, source.CreatedUtc, null, source.ClassNames, new RejectRule(0, null, null),
            source.Bands, source.Preprocessing, source.Weights, source.Bias, source.Provenance);

        StudentModel loaded = StudentModelFile.Deserialize(StudentModelFile.Serialize(model), "memory");

        Assert.Null(loaded.ParentVersion);
        Assert.Equal(new RejectRule(0, null, null), loaded.Reject);
    }

    [Fact]
    public void Serialize_Header_HasMagicVersionAndLength()
    {
        byte[] file = StudentModelFile.Serialize(TestModels.Create());

        Assert.Equal("SLSTUDNT"u8.ToArray(), file[..8]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8)));
        Assert.Equal((ulong)(file.Length - 24 - 32), BinaryPrimitives.ReadUInt64LittleEndian(file.AsSpan(12)));
        Assert.Equal(SHA256.HashData(file.AsSpan(0, file.Length - 32)), file[^32..]);
    }

    [Fact]
    public void Deserialize_EverySingleBitFlip_IsDetected()
    {
        byte[] original = StudentModelFile.Serialize(TestModels.Create(bands: 64));

        for (int offset = 0; offset < original.Length; offset++)
        {
            byte[] corrupt = (byte[])original.Clone();
            corrupt[offset] ^= (byte)(1 << (offset % 8));

            var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(corrupt, "flip.slmodel"));
            Assert.Equal(offset < 8 ? ModelFileError.BadMagic : ModelFileError.ChecksumMismatch, error.Error);
        }
    }

    [Fact]
    public void Deserialize_RandomMultiBitCorruption_IsChecksumMismatch()
    {
        byte[] original = StudentModelFile.Serialize(TestModels.Create());
        Gen<(int Offset, byte Mask)> corruption =
            from offset in Gen.Choose(8, original.Length - 1)
            from mask in Gen.Choose(1, 255)
            select (offset, (byte)mask);

        Prop.ForAll(corruption.ToArbitrary(), c =>
        {
            byte[] corrupt = (byte[])original.Clone();
            corrupt[c.Offset] ^= c.Mask;
            var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(corrupt, "x"));
            return error.Error == ModelFileError.ChecksumMismatch;
        }).Check(Config.QuickThrowOnFailure.WithReplay(12345, 6789).WithMaxTest(500));
    }

    [Fact]
    public void Deserialize_EveryTruncation_ThrowsTruncated()
    {
        byte[] original = StudentModelFile.Serialize(TestModels.Create(bands: 32));

        for (int length = 0; length < original.Length; length++)
        {
            var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(original.AsSpan(0, length), "cut.slmodel"));
            Assert.Equal(ModelFileError.Truncated, error.Error);
        }
    }

    [Fact]
    public void Load_TruncatedFile_MessageNamesFileAndSizes()
    {
        byte[] original = StudentModelFile.Serialize(TestModels.Create());
        string path = Path.Combine(_directory, "cut.slmodel");
        File.WriteAllBytes(path, original[..1000]);

        var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Load(path));

        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("1000 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains(original.Length.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_NotAModelFile_ThrowsBadMagic()
    {
        byte[] json = "{\"modelVersion\":\"x\"}"u8.ToArray();

        var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(json, "other.json"));

        Assert.Equal(ModelFileError.BadMagic, error.Error);
        Assert.Contains("other.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(2u)]
    [InlineData(999u)]
    public void Deserialize_OtherSchemaVersion_ThrowsUnsupportedSchemaVersion(uint version)
    {
        byte[] file = StudentModelFile.Serialize(TestModels.Create());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), version);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), Crc32.HashToUInt32(file.AsSpan(0, 20)));

        var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(file, "future.slmodel"));

        Assert.Equal(ModelFileError.UnsupportedSchemaVersion, error.Error);
        Assert.Contains($"schema version {version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_BytesAfterChecksum_ThrowsMalformed()
    {
        byte[] file = [.. StudentModelFile.Serialize(TestModels.Create()), 0];

        var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(file, "long.slmodel"));

        Assert.Equal(ModelFileError.Malformed, error.Error);
    }

    [Fact]
    public void Deserialize_ValidChecksumOverInvalidContent_ThrowsMalformedNamingTheMember()
    {
        byte[] file = StudentModelFile.Serialize(TestModels.Create());
        string json = StudentModelFile.ReadMetadataJson(file);
        int at = file.AsSpan().IndexOf("\"pairCount\""u8);
        file[at + 1] = (byte)'q'; // "qairCount": the member is gone
        SHA256.HashData(file.AsSpan(0, file.Length - 32), file.AsSpan(file.Length - 32));

        var error = Assert.Throws<ModelFileException>(() => StudentModelFile.Deserialize(file, "forged.slmodel"));

        Assert.Contains("pairCount", json, StringComparison.Ordinal);
        Assert.Equal(ModelFileError.Malformed, error.Error);
        Assert.Contains("'pairCount' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithMatchingCameraWithinTolerance_Succeeds()
    {
        string path = Path.Combine(_directory, "ok.slmodel");
        StudentModelFile.Save(path, TestModels.Create());

        StudentModel model = StudentModelFile.Load(path, TestModels.Bands(288, shiftNm: 0.3), toleranceNm: 0.5);

        Assert.Equal(288, model.BandCount);
    }

    [Fact]
    public void Load_CameraWithOtherBandCount_ThrowsIncompatibleBandSet()
    {
        string path = Path.Combine(_directory, "m.slmodel");
        StudentModelFile.Save(path, TestModels.Create());

        var error = Assert.Throws<IncompatibleBandSetException>(() => StudentModelFile.Load(path, TestModels.Bands(256)));

        Assert.Contains("288 bands", error.Message, StringComparison.Ordinal);
        Assert.Contains("256", error.Message, StringComparison.Ordinal);
        Assert.Equal("2025-11-23.001", error.ModelVersion);
    }

    [Fact]
    public void EnsureCompatibleWith_CentreShiftBeyondTolerance_ThrowsNamingTheBand()
    {
        StudentModel model = TestModels.Create();
        double[] centers = [.. model.Bands.CentersNm];
        centers[100] += 0.8;

        var error = Assert.Throws<IncompatibleBandSetException>(() => model.EnsureCompatibleWith(new BandSet(centers, model.Bands.FwhmNm), 0.5));

        Assert.Contains("band 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WeightsOfWrongLength_Throws()
    {
        StudentModel m = TestModels.Create();

        Assert.Throws<ArgumentException>(() => new StudentModel(m.Version, m.CreatedUtc, m.ParentVersion, m.ClassNames, m.Reject, m.Bands,
            m.Preprocessing, m.Weights[..^1], m.Bias, m.Provenance));
    }

    [Fact]
    public void Constructor_NonFiniteWeight_Throws()
    {
        StudentModel m = TestModels.Create();
        double[] w = m.Weights.ToArray();
        w[7] = double.NaN;

        var error = Assert.Throws<ArgumentException>(() => new StudentModel(m.Version, m.CreatedUtc, m.ParentVersion, m.ClassNames, m.Reject,
            m.Bands, m.Preprocessing, w, m.Bias, m.Provenance));
        Assert.Equal("weights", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../evil")]
    [InlineData("a b")]
    [InlineData(".hidden")]
    public void Constructor_UnsafeVersionId_Throws(string version)
    {
        StudentModel m = TestModels.Create();

        Assert.Throws<ArgumentException>(() => new StudentModel(version, m.CreatedUtc, null, m.ClassNames, m.Reject, m.Bands,
            m.Preprocessing, m.Weights, m.Bias, m.Provenance));
    }

    internal static void AssertSameModel(StudentModel expected, StudentModel actual)
    {
        Assert.Equal(expected.Version, actual.Version);
        Assert.Equal(expected.CreatedUtc, actual.CreatedUtc);
        Assert.Equal(expected.CreatedUtc.Ticks, actual.CreatedUtc.Ticks);
        Assert.Equal(expected.ParentVersion, actual.ParentVersion);
        Assert.Equal(expected.ClassNames, actual.ClassNames);
        Assert.Equal(expected.Reject, actual.Reject);
        Assert.Equal(expected.Bands.CentersNm, actual.Bands.CentersNm);
        Assert.Equal(expected.Bands.FwhmNm, actual.Bands.FwhmNm);
        Assert.Equal(expected.Preprocessing, actual.Preprocessing);
        Assert.Equal(expected.Weights.ToArray(), actual.Weights.ToArray());
        Assert.Equal(expected.Bias.ToArray(), actual.Bias.ToArray());
        Assert.Equal(expected.Provenance.PairCount, actual.Provenance.PairCount);
        Assert.Equal(expected.Provenance.Window, actual.Provenance.Window);
        Assert.Equal(expected.Provenance.Components, actual.Provenance.Components);
        Assert.Equal(expected.Provenance.CrossValidation, actual.Provenance.CrossValidation);
        Assert.Equal(expected.Provenance.HeldOut.Count, actual.Provenance.HeldOut.Count);
        Assert.Equal(expected.Provenance.HeldOut.Accuracy, actual.Provenance.HeldOut.Accuracy);
        Assert.Equal(expected.Provenance.HeldOut.BalancedAccuracy, actual.Provenance.HeldOut.BalancedAccuracy);
        Assert.Equal(expected.Provenance.HeldOut.PerClassRecall, actual.Provenance.HeldOut.PerClassRecall);
    }
}

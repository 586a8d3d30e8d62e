using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Libs;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Tests;

/// <summary>
/// Pins the simulators' output for fixed seeds: SHA-256 digests of the scene's particles, of SWIR lines and of LIBS
/// points over several belt chunks, including chunks evicted from the cache and generated again.
/// </summary>
/// <remarks>
/// The expected digests were computed with the simulators as they were BEFORE the allocation-free rewrite of scene
/// chunk generation (commit a395fac, issue #4), by running these tests against that code. They are not a reference
/// result: they guard "same seed, same bytes" across refactorings. A deliberate change of the random stream or of the
/// physics must update them, and say why in its commit.
/// </remarks>
public sealed class SimulatorDigestTests
{
    private const string SceneDigest = "9114ABDF59030016871587A736ED7D2ADEB4E11840BD92FDC85EF2095830E93D";
    private const string SwirDigest = "DB412354B54E827602F939BC8FEA6E098C7982814AE20EF08B982B15044A9DAD";
    private const string LibsDigest = "8C56C7379D3A69E7A8DF9EF1EB55A1173A8B38D232314A245F272DEBEDF85C43";

    /// <summary>Short chunks and a two-chunk cache, so a few hundred samples cross many chunks and evict some.</summary>
    private static readonly BeltSceneOptions Scene = new() { Seed = 5, ChunkLengthMetres = 0.5, MaxCachedChunks = 2 };

    [Fact]
    public void GetParticles_Seed5_DigestUnchanged()
    {
        var scene = new BeltScene(Scene);
        var particles = new List<ParticleTruth>();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // Forward over eight chunks, then back to the first two (evicted: generated again).
        scene.GetParticles(0, 4, particles);
        scene.GetParticles(0, 0.9, particles);
        foreach (ParticleTruth p in particles)
        {
            AppendInt64(hash, p.Id);
            AppendInt64(hash, p.MainMaterial);
            foreach (float f in p.Composition)
            {
                AppendInt64(hash, BitConverter.SingleToInt32Bits(f));
            }

            AppendDouble(hash, p.BoundingBox.AcrossMin);
            AppendDouble(hash, p.BoundingBox.AcrossMax);
            AppendDouble(hash, p.BoundingBox.AlongMin);
            AppendDouble(hash, p.BoundingBox.AlongMax);
            AppendDouble(hash, p.CentreAcrossMetres);
            AppendDouble(hash, p.CentreAlongMetres);
            AppendDouble(hash, p.EquivalentDiameterMetres);
        }

        Assert.Equal(SceneDigest, Convert.ToHexString(hash.GetHashAndReset()));
    }

    [Fact]
    [Trait("Category", "Simd")] // the detector model's vector and scalar paths must give these same bytes
    public async Task ReadLinesAsync_Seed5_DigestUnchanged()
    {
        // 600 burst lines at 3 mm per line cross about four 0.5 m chunks.
        SimulatedSwirCamera camera = CameraRig.Burst(new SimulatedSwirCameraOptions { Seed = 5 }, Scene);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await camera.ConnectAsync(CancellationToken.None);
        int n = 0;
        await foreach (SwirLine line in camera.ReadLinesAsync(CancellationToken.None))
        {
            AppendInt64(hash, line.Stamp.Sequence);
            AppendInt64(hash, line.Stamp.Encoder.Counts);
            hash.AppendData(MemoryMarshal.AsBytes(line.Data));
            line.Dispose();
            if (++n == 600)
            {
                break;
            }
        }

        // The truth of early lines needs their evicted chunk again.
        var ids = new long[camera.Info.SpatialPixels];
        var mains = new int[camera.Info.SpatialPixels];
        foreach (long sequence in new long[] { 0, 250, 599, 1 })
        {
            Assert.True(camera.TryGetLineTruth(sequence, ids, mains));
            hash.AppendData(MemoryMarshal.AsBytes(ids.AsSpan()));
            hash.AppendData(MemoryMarshal.AsBytes(mains.AsSpan()));
        }

        Assert.Equal(SwirDigest, Convert.ToHexString(hash.GetHashAndReset()));
    }

    [Fact]
    public async Task ReadPointsAsync_Seed5_DigestUnchanged()
    {
        // 300 burst points at 2 cm per point cross twelve 0.5 m chunks.
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { Seed = 5 }, Scene);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var fractions = new float[libs.Scene.MaterialCount];
        await libs.ConnectAsync(CancellationToken.None);
        int n = 0;
        await foreach (LibsPoint point in libs.ReadPointsAsync(CancellationToken.None))
        {
            AppendInt64(hash, point.Stamp.Sequence);
            AppendInt64(hash, point.Stamp.Encoder.Counts);
            AppendDouble(hash, point.ScanXMm);
            AppendDouble(hash, point.ScanYMm);
            hash.AppendData(MemoryMarshal.AsBytes(point.Spectrum));
            Assert.True(libs.TryGetPointTruth(point.Stamp.Sequence, out LibsPointTruth truth, fractions));
            AppendInt64(hash, truth.ParticleId);
            AppendInt64(hash, truth.MainMaterial);
            AppendInt64(hash, truth.IsMisfire ? 1 : 0);
            AppendDouble(hash, truth.BeltAcrossMetres);
            AppendDouble(hash, truth.BeltAlongMetres);
            hash.AppendData(MemoryMarshal.AsBytes(fractions.AsSpan()));
            point.Dispose();
            if (++n == 300)
            {
                break;
            }
        }

        Assert.Equal(LibsDigest, Convert.ToHexString(hash.GetHashAndReset()));
    }

    private static void AppendInt64(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        hash.AppendData(bytes);
    }

    private static void AppendDouble(IncrementalHash hash, double value) => AppendInt64(hash, BitConverter.DoubleToInt64Bits(value));
}

using SortLine.Sensors;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Internal;
using SortLine.Simulators.Libs;
using SortLine.Testing;

namespace SortLine.Simulators.Tests;

public sealed class SimulatedLibsSpectrometerTests
{
    // Strongest line of each element in the methods brief's table region (nm, NIST air wavelengths).
    private static readonly Dictionary<string, double> Strongest = new()
    {
        ["Li"] = 670.78, ["Na"] = 588.99, ["K"] = 766.49, ["Rb"] = 780.03, ["Al"] = 396.15, ["Si"] = 288.16,
    };

    // Elements each case-study mineral must show, from its formula (methods brief §3).
    public static TheoryData<string, string[]> MineralElements => new()
    {
        { "Lepidolite", ["Li", "Rb", "K", "Al", "Si"] },
        { "Albite", ["Na", "Al", "Si"] },
        { "Quartz", ["Si"] },
        { "Muscovite", ["K", "Al", "Si"] },
    };

    [Theory]
    [MemberData(nameof(MineralElements))]
    public void Render_PureMineralSpot_ShowsExactlyItsElementsLines(string mineral, string[] elements)
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { ShotToShotVariation = 0 });
        int material = libs.Scene.MaterialNames.ToList().IndexOf(mineral);
        var fractions = new float[libs.Scene.MaterialCount];
        fractions[material] = 1;
        var spectrum = new float[libs.Info.Channels];
        var random = SimulationRandom.Create(3, 99);

        libs.Model.Render(fractions, misfire: false, ref random, spectrum);

        foreach ((string element, double wavelength) in Strongest)
        {
            (double peak, double background) = PeakAboveBackground(libs, spectrum, wavelength);
            double sigma = Math.Sqrt(64 + Math.Max(background, 0));
            if (elements.Contains(element))
            {
                Assert.True(peak > 20 * sigma, $"{mineral}: {element} {wavelength} nm peak {peak:F0} counts, noise {sigma:F1}.");
            }
            else
            {
                Assert.True(peak < 6 * sigma, $"{mineral}: {element} {wavelength} nm should be absent but rises {peak:F0} counts (noise {sigma:F1}).");
            }
        }
    }

    [Fact]
    public void Render_Misfire_IsBaselinePlusReadNoiseOnly()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst();
        var fractions = new float[libs.Scene.MaterialCount];
        fractions[0] = 1;
        var spectrum = new float[libs.Info.Channels];
        var random = SimulationRandom.Create(4, 99);

        libs.Model.Render(fractions, misfire: true, ref random, spectrum);

        double sum = 0;
        for (int c = 0; c < spectrum.Length; c++)
        {
            double deviation = spectrum[c] - libs.Baseline[c];
            Assert.True(Math.Abs(deviation) < 6 * 8, $"Channel {c} deviates {deviation:F1} counts from the baseline.");
            sum += deviation;
        }

        // Mean of 8,192 N(0, 8²) deviations: sd 0.09 counts.
        Assert.InRange(sum / spectrum.Length, -0.5, 0.5);
    }

    [Fact]
    public async Task ReadPointsAsync_MisfireProbability_MatchesTruthAndRate()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { MisfireProbability = 0.1 });
        var points = await LibsRig.ReadAsync(libs, 1500);
        var fractions = new float[libs.Scene.MaterialCount];
        int misfires = 0;
        foreach (var point in points)
        {
            Assert.True(libs.TryGetPointTruth(point.Sequence, out LibsPointTruth truth, fractions));
            Assert.Equal(1.0, fractions.Sum(), 4);
            if (truth.IsMisfire)
            {
                misfires++;
                Assert.True(point.Spectrum.Max() < 200, "A misfire has no emission lines.");
            }
        }

        double sd = Math.Sqrt(points.Count * 0.1 * 0.9);
        Assert.InRange(misfires, (points.Count * 0.1) - (5 * sd), (points.Count * 0.1) + (5 * sd));
    }

    [Fact]
    public async Task ReadPointsAsync_Truth_MatchesSceneAtTheMappedBeltPoint()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst();
        var points = await LibsRig.ReadAsync(libs, 400);
        var fractions = new float[libs.Scene.MaterialCount];
        int onParticles = 0;
        foreach (var point in points)
        {
            Assert.True(libs.TryGetPointTruth(point.Sequence, out LibsPointTruth truth, fractions));

            // Instrument → line frame by the configured similarity, then line frame → belt by the encoder.
            LibsFrameTransform f = libs.Frame;
            double theta = f.RotationDegrees * Math.PI / 180;
            double acrossMm = (f.Scale * ((Math.Cos(theta) * point.X) - (Math.Sin(theta) * point.Y))) + f.OffsetAcrossMm;
            double downstreamMm = (f.Scale * ((Math.Sin(theta) * point.X) + (Math.Cos(theta) * point.Y))) + f.OffsetDownstreamMm;
            double along = (point.Encoder / 10_000.0) - (downstreamMm / 1000);
            Assert.Equal(acrossMm / 1000, truth.BeltAcrossMetres, 9);
            Assert.Equal(along, truth.BeltAlongMetres, 9);
            SceneHit hit = libs.Scene.Query(acrossMm / 1000, along, new float[libs.Scene.MaterialCount]);
            Assert.Equal(hit.ParticleId, truth.ParticleId);
            onParticles += hit.IsBelt ? 0 : 1;
        }

        Assert.True(onParticles > 50);
    }

    [Fact]
    public async Task ReadPointsAsync_SweepPattern_IsATriangleAcrossTheConfiguredRange()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { PointsPerSweep = 5, SweepStartXMm = 100, SweepEndXMm = 500 });
        var points = await LibsRig.ReadAsync(libs, 10);
        Assert.Equal([100.0, 200, 300, 400, 500, 400, 300, 200, 100, 200], points.Select(p => p.X));
        Assert.All(points, p => Assert.Equal(0.0, p.Y));
    }

    [Fact]
    public void Info_Default_8192ChannelsInThreeSegmentsOver200To900Nm()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst();
        Assert.Equal(8192, libs.Info.Channels);
        Assert.Equal([0, 2731, 5462], libs.Info.SegmentStarts);
        Assert.Equal(200.0, libs.Info.ChannelWavelengthsNm[0]);
        Assert.Equal(900.0, libs.Info.ChannelWavelengthsNm[^1]);
    }

    [Fact]
    public async Task ReadPointsAsync_SameSeed_IdenticalSpectra_DifferentSeed_Different()
    {
        var a = await LibsRig.ReadAsync(LibsRig.Burst(new SimulatedLibsSpectrometerOptions { Seed = 5 }), 10);
        var b = await LibsRig.ReadAsync(LibsRig.Burst(new SimulatedLibsSpectrometerOptions { Seed = 5 }), 10);
        var c = await LibsRig.ReadAsync(LibsRig.Burst(new SimulatedLibsSpectrometerOptions { Seed = 6 }), 10);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.True(a[i].Spectrum.AsSpan().SequenceEqual(b[i].Spectrum));
            Assert.False(a[i].Spectrum.AsSpan().SequenceEqual(c[i].Spectrum));
        }
    }

    [Fact]
    public async Task ReadPointsAsync_BurstSteadyState_AllocatesNothingPerPoint()
    {
        // 0.5 m chunks at 2 cm per point: every round of 100 points generates four chunks, recycling evicted ones.
        SimulatedLibsSpectrometer libs = LibsRig.Burst(scene: new BeltSceneOptions { Seed = 3, ChunkLengthMetres = 0.5, MaxCachedChunks = 3 });
        await libs.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<LibsPoint> points = libs.ReadPointsAsync(CancellationToken.None).GetAsyncEnumerator();

        AllocationAssert.NoAllocations(() => TakeSynchronously(points, 100), warmUps: 4);
    }

    /// <summary>Takes points that must be ready at once (burst mode) and returns them to the pool.</summary>
    private static void TakeSynchronously(IAsyncEnumerator<LibsPoint> points, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<bool> next = points.MoveNextAsync();
            Assert.True(next.IsCompletedSuccessfully && next.Result, "A burst-mode point was not ready at once.");
            points.Current.Dispose();
        }
    }

    [Fact]
    public async Task ReadPointsAsync_RealTime_PointCountFollowsRateTimesTime()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), time);
        var libs = new SimulatedLibsSpectrometer(new SimulatedLibsSpectrometerOptions { PointRateHz = 100 }, new BeltScene(new BeltSceneOptions()),
            LibsRig.Lines, encoder, time);
        await libs.ConnectAsync(CancellationToken.None);
        int count = 0;
        using var cts = new CancellationTokenSource();
        Task reader = Task.Run(async () =>
        {
            await foreach (LibsPoint point in libs.ReadPointsAsync(cts.Token))
            {
                Interlocked.Increment(ref count);
                point.Dispose();
            }
        });

        await SimulatedSwirCameraTests.WaitUntilAsync(() => time.HasTimerAfterNow);
        for (int step = 0; step < 100; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await SimulatedSwirCameraTests.WaitUntilAsync(() => time.HasTimerAfterNow);
        }

        // Points due at n / 100 s: after 1 s, 101 points (n = 0..100), ± 1.
        Assert.InRange(Volatile.Read(ref count), 100, 102);
        Assert.Equal(0, libs.DroppedPoints);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ReadPointsAsync_DisconnectAfterPoints_FaultsAndReconnects()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { DisconnectAfterPoints = 3 });
        await Assert.ThrowsAsync<SensorFaultException>(() => LibsRig.ReadAsync(libs, 10));
        Assert.Equal(SensorState.Faulted, libs.State);
        var again = await LibsRig.ReadAsync(libs, 3);
        Assert.Equal([3L, 4, 5], again.Select(p => p.Sequence));
    }

    [Fact]
    public void Load_LineTable_HasTheMethodsBriefLinesAtNistPositions()
    {
        LibsLineTable lines = LibsRig.Lines;
        foreach ((string element, double nm) in new[] { ("Al", 308.2153), ("Al", 309.2710), ("K", 766.4899), ("K", 769.8964), ("Li", 610.3542),
            ("Li", 670.7775), ("Li", 812.6232), ("Na", 588.9950), ("Na", 819.4790), ("Si", 288.1577), ("Si", 251.6112), ("Rb", 780.0270), ("Rb", 794.7600) })
        {
            Assert.Contains(lines.Lines, l => l.Element == element && l.WavelengthNm == nm);
        }
    }

    private static (double Peak, double Background) PeakAboveBackground(SimulatedLibsSpectrometer libs, float[] spectrum, double wavelength)
    {
        IReadOnlyList<double> w = libs.Info.ChannelWavelengthsNm;
        double peak = double.MinValue;
        var side = new List<double>();
        for (int c = 0; c < w.Count; c++)
        {
            double d = Math.Abs(w[c] - wavelength);
            if (d <= 0.1)
            {
                peak = Math.Max(peak, spectrum[c]);
            }
            else if (d is > 1.5 and < 3)
            {
                side.Add(spectrum[c]);
            }
        }

        side.Sort();
        double background = side[side.Count / 2];
        return (peak - background, background);
    }
}

using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Swir;
using SortLine.Spectra.Calibration;
using SortLine.Testing;

namespace SortLine.Simulators.Tests;

public sealed class SimulatedSwirCameraTests
{
    [Fact]
    public void RenderLine_UniformWhiteTarget_VarianceMatchesShotPlusReadNoise()
    {
        // No fixed pattern, no drift: every element's mean is dark + W·response(b)·0.99, known analytically.
        var options = new SimulatedSwirCameraOptions
        {
            GainNonUniformity = 0, DarkPatternStdDn = 0, IlluminationDriftAmplitude = 0, DeadElementCount = 0, SpatialPixels = 128,
        };
        SimulatedSwirCamera camera = CameraRig.Burst(options);
        const int Lines = 300;
        int pixels = options.SpatialPixels;
        int bands = options.Bands;
        var sum = new double[pixels * bands];
        var sumSquares = new double[pixels * bands];
        var data = new ushort[pixels * bands];
        for (int n = 0; n < Lines; n++)
        {
            camera.RenderLine(n, new EncoderPosition(0), CameraView.WhiteReference, data);
            for (int e = 0; e < data.Length; e++)
            {
                sum[e] += data[e];
                sumSquares[e] += (double)data[e] * data[e];
            }
        }

        double readDn = options.ReadNoiseElectrons / options.ConversionGainElectronsPerDn;
        foreach (int b in new[] { 0, 40, 143, 250, 287 })
        {
            double response = options.SpectralResponseAtEdges + ((1 - options.SpectralResponseAtEdges) * Math.Sin(Math.PI * b / (bands - 1)));
            double signal = options.WhiteLevelDn * response * options.WhiteReferenceReflectance;
            double expectedVariance = (signal / options.ConversionGainElectronsPerDn) + (readDn * readDn) + (1.0 / 12);
            double pooled = 0;
            double meanError = 0;
            for (int p = 0; p < pixels; p++)
            {
                int e = (p * bands) + b;
                double mean = sum[e] / Lines;
                pooled += (sumSquares[e] - (Lines * mean * mean)) / (Lines - 1);
                meanError += mean - (options.DarkLevelDn + signal);
            }

            pooled /= pixels;
            meanError /= pixels;

            // Pooled sample variance over pixels × (Lines − 1) degrees of freedom: relative sd √(2/dof) ≈ 0.5 %; allow 5 sd,
            // plus 0.3 % for the finite Gaussian table's own variance error.
            double dof = pixels * (Lines - 1.0);
            Assert.InRange(pooled / expectedVariance, 1 - (5 * Math.Sqrt(2 / dof)) - 0.003, 1 + (5 * Math.Sqrt(2 / dof)) + 0.003);
            Assert.InRange(meanError, -5 * Math.Sqrt(expectedVariance / (Lines * pixels)), 5 * Math.Sqrt(expectedVariance / (Lines * pixels)));
        }
    }

    [Fact]
    public async Task ReadLinesAsync_DarkAndWhiteReferences_WhiteTileCalibratesToOne()
    {
        SimulatedSwirCamera camera = CameraRig.Burst();
        var dark = new ReferenceFrameAccumulator(camera.Info.SpatialPixels, camera.Info.Bands);
        var white = new ReferenceFrameAccumulator(camera.Info.SpatialPixels, camera.Info.Bands);
        foreach (var line in await CameraRig.ReadAsync(camera, 32, CameraView.DarkShutter))
        {
            dark.Add(line.Data);
        }

        foreach (var line in await CameraRig.ReadAsync(camera, 32, CameraView.WhiteReference))
        {
            white.Add(line.Data);
        }

        var calibration = ReflectanceCalibration.Create(dark, white);
        var reflectance = new float[camera.Info.SpatialPixels * camera.Info.Bands];
        var accumulated = new double[reflectance.Length];
        var check = await CameraRig.ReadAsync(camera, 16, CameraView.WhiteReference);
        foreach (var line in check)
        {
            calibration.Apply(line.Data, reflectance);
            for (int e = 0; e < reflectance.Length; e++)
            {
                accumulated[e] += reflectance[e];
            }
        }

        Assert.Equal(camera.DeadElements.Count, calibration.DeadCellCount);
        double total = 0;
        int cells = 0;
        for (int e = 0; e < accumulated.Length; e++)
        {
            if (!calibration.DeadMask[e])
            {
                total += accumulated[e] / check.Count;
                cells++;
            }
        }

        Assert.InRange(total / cells, 0.995, 1.005);
    }

    [Fact]
    public async Task ReadLinesAsync_PureParticleInteriors_CalibrateToLibraryReflectance()
    {
        var scene = new BeltSceneOptions { MixedParticleFraction = 0, CoverageFraction = 0.5 };
        var options = new SimulatedSwirCameraOptions { IlluminationDriftAmplitude = 0 };
        SimulatedSwirCamera camera = CameraRig.Burst(options, scene);
        var dark = new ReferenceFrameAccumulator(camera.Info.SpatialPixels, camera.Info.Bands);
        var white = new ReferenceFrameAccumulator(camera.Info.SpatialPixels, camera.Info.Bands);
        foreach (var line in await CameraRig.ReadAsync(camera, 16, CameraView.DarkShutter))
        {
            dark.Add(line.Data);
        }

        foreach (var line in await CameraRig.ReadAsync(camera, 16, CameraView.WhiteReference))
        {
            white.Add(line.Data);
        }

        var calibration = ReflectanceCalibration.Create(dark, white);
        int bands = camera.Info.Bands;
        int materials = camera.Scene.MaterialCount;
        var sums = new double[materials, bands];
        var counts = new int[materials, bands];
        var ids = new long[camera.Info.SpatialPixels];
        var mains = new int[camera.Info.SpatialPixels];
        var pixel = new float[bands];
        foreach (var line in await CameraRig.ReadAsync(camera, 600))
        {
            Assert.True(camera.TryGetLineTruth(line.Sequence, ids, mains));
            for (int p = 2; p < ids.Length - 2; p++)
            {
                if (ids[p] != ids[p - 2] || ids[p] != ids[p + 2])
                {
                    continue;
                }

                calibration.ApplyPixel(p, line.Data.AsSpan(p * bands, bands), pixel);
                for (int b = 0; b < bands; b++)
                {
                    if (!calibration.DeadMask[(p * bands) + b])
                    {
                        sums[mains[p], b] += pixel[b];
                        counts[mains[p], b]++;
                    }
                }
            }
        }

        for (int m = 0; m < materials; m++)
        {
            ReadOnlySpan<float> truth = camera.GetMaterialReflectance(m);
            Assert.True(counts[m, 100] > 50, $"Too few interior pixels of {camera.Scene.MaterialNames[m]}.");
            for (int b = 0; b < bands; b++)
            {
                double measured = sums[m, b] / counts[m, b];
                double expected = truth[b] / options.WhiteReferenceReflectance;

                // Interior pixels can still touch the particle's upper or lower edge (mixing with the 5 % belt), hence 0.02.
                Assert.True(Math.Abs(measured - expected) < 0.02 + (0.02 * expected),
                    $"{camera.Scene.MaterialNames[m]} band {b}: measured {measured:F4}, library {expected:F4}.");
            }
        }
    }

    [Fact]
    public async Task ReadLinesAsync_RealTime_LineCountFollowsRateTimesTime()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions { BeltSpeedMetresPerSecond = 2 }, time);
        var options = new SimulatedSwirCameraOptions { LineRateHz = 670, SpatialPixels = 16, Bands = 32 };
        var camera = new SimulatedSwirCamera(options, new BeltScene(new BeltSceneOptions()), TestData.Library, encoder, time);
        await camera.ConnectAsync(CancellationToken.None);
        var stamps = new List<SampleStamp>();
        using var cts = new CancellationTokenSource();
        Task reader = Task.Run(async () =>
        {
            await foreach (SwirLine line in camera.ReadLinesAsync(cts.Token))
            {
                lock (stamps)
                {
                    stamps.Add(line.Stamp);
                }

                line.Dispose();
            }
        });

        await WaitUntilAsync(() => time.HasTimerAfterNow);
        for (int step = 0; step < 200; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await WaitUntilAsync(() => time.HasTimerAfterNow);
        }

        int count;
        lock (stamps)
        {
            count = stamps.Count;
        }

        // Lines are due at n / 670 s for n = 0, 1, ...; after 2 s that is 1341 lines, ± 1 for the edge.
        Assert.InRange(count, (670 * 2) - 1, (670 * 2) + 1 + 1);
        Assert.Equal(0, camera.DroppedLines);
        lock (stamps)
        {
            for (int i = 0; i < stamps.Count; i++)
            {
                Assert.Equal(i, stamps[i].Sequence);
                double seconds = (double)stamps[i].Timestamp / time.TimestampFrequency;
                Assert.Equal(i / 670.0, seconds, 1e-6);
                Assert.Equal(Math.Floor(2.0 * seconds * 10_000), stamps[i].Encoder.Counts, 1.0);
            }
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task ReadLinesAsync_PoolExhausted_DropsAndCountsLines()
    {
        var time = new ManualTimeProvider();
        var encoder = new SimulatedBeltEncoder(new SimulatedEncoderOptions(), time);
        var options = new SimulatedSwirCameraOptions { LineRateHz = 100, SpatialPixels = 8, Bands = 16, PoolCapacity = 2 };
        var camera = new SimulatedSwirCamera(options, new BeltScene(new BeltSceneOptions()), TestData.Library, encoder, time);
        await camera.ConnectAsync(CancellationToken.None);
        TimeSpan period = TimeSpan.FromMilliseconds(10);
        await using IAsyncEnumerator<SwirLine> lines = camera.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await lines.MoveNextAsync());
        SwirLine first = lines.Current;
        Task<bool> next = lines.MoveNextAsync().AsTask();
        time.Advance(period);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));
        SwirLine second = lines.Current;

        next = lines.MoveNextAsync().AsTask();
        time.Advance(3 * period); // lines 2, 3 and 4 fall due while the reader holds the whole pool
        await WaitUntilAsync(() => time.HasTimerAfterNow);
        first.Dispose();
        second.Dispose();
        time.Advance(period);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(5, lines.Current.Stamp.Sequence);
        Assert.Equal(3, camera.DroppedLines);
        Assert.Equal(SensorState.Degraded, camera.State);
        lines.Current.Dispose();
    }

    [Fact]
    public async Task ReadLinesAsync_StallAfterLines_StaysConnectedDeliversNothingUntilCancelledThenResumesAfterReconnect()
    {
        SimulatedSwirCamera camera = CameraRig.Burst(new SimulatedSwirCameraOptions { StallAfterLines = 3, SpatialPixels = 8, Bands = 16 });
        await camera.ConnectAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var sequences = new List<long>();
        await using (IAsyncEnumerator<SwirLine> lines = camera.ReadLinesAsync(cts.Token).GetAsyncEnumerator())
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.True(await lines.MoveNextAsync());
                sequences.Add(lines.Current.Stamp.Sequence);
                lines.Current.Dispose();
            }

            ValueTask<bool> stalled = lines.MoveNextAsync();
            await Task.Delay(50); // burst mode would have delivered thousands of lines by now
            Assert.False(stalled.IsCompleted);
            Assert.Equal(SensorState.Running, camera.State); // hung, not disconnected: only a read timeout can tell

            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stalled);
        }

        Assert.Equal([0L, 1, 2], sequences);
        var again = await CameraRig.ReadAsync(camera, 3); // reconnecting restarts the count
        Assert.Equal([3L, 4, 5], again.Select(l => l.Sequence));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Validate_StallAfterLinesNotPositive_ThrowsNamingTheOption(long stall)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedSwirCameraOptions { StallAfterLines = stall }.Validate());
        Assert.Equal(nameof(SimulatedSwirCameraOptions.StallAfterLines), ex.ParamName);
    }

    [Fact]
    public async Task ReadLinesAsync_DisconnectAfterLines_FaultsAndReconnects()
    {
        SimulatedSwirCamera camera = CameraRig.Burst(new SimulatedSwirCameraOptions { DisconnectAfterLines = 5, SpatialPixels = 8, Bands = 16 });
        await camera.ConnectAsync(CancellationToken.None);
        var sequences = new List<long>();
        var fault = await Assert.ThrowsAsync<SensorFaultException>(async () =>
        {
            await foreach (SwirLine line in camera.ReadLinesAsync(CancellationToken.None))
            {
                sequences.Add(line.Stamp.Sequence);
                line.Dispose();
            }
        });

        Assert.Equal(SensorFaultKind.Disconnected, fault.Kind);
        Assert.Equal(SensorState.Faulted, camera.State);
        Assert.Equal([0, 1, 2, 3, 4], sequences);
        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (SwirLine line in camera.ReadLinesAsync(CancellationToken.None))
            {
                line.Dispose();
            }
        });

        var again = await CameraRig.ReadAsync(camera, 5);
        Assert.Equal([5L, 6, 7, 8, 9], again.Select(l => l.Sequence));
        Assert.Equal(SensorState.Running, camera.State);
    }

    [Fact]
    public async Task ReadLinesAsync_DroppedLineProbability_GapsMatchCountAndRate()
    {
        SimulatedSwirCamera camera = CameraRig.Burst(new SimulatedSwirCameraOptions { DroppedLineProbability = 0.2, SpatialPixels = 4, Bands = 8 });
        var lines = await CameraRig.ReadAsync(camera, 2000);
        long gaps = lines[0].Sequence;
        for (int i = 1; i < lines.Count; i++)
        {
            gaps += lines[i].Sequence - lines[i - 1].Sequence - 1;
        }

        Assert.Equal(gaps, camera.DroppedLines);
        long attempts = lines[^1].Sequence + 1;
        double sd = Math.Sqrt(attempts * 0.2 * 0.8);
        Assert.InRange(camera.DroppedLines, (attempts * 0.2) - (5 * sd), (attempts * 0.2) + (5 * sd));
    }

    [Fact]
    public async Task ReadLinesAsync_SameSeed_IdenticalBytes_DifferentSeed_Different()
    {
        var a = await CameraRig.ReadAsync(CameraRig.Burst(new SimulatedSwirCameraOptions { Seed = 7 }), 20);
        var b = await CameraRig.ReadAsync(CameraRig.Burst(new SimulatedSwirCameraOptions { Seed = 7 }), 20);
        var c = await CameraRig.ReadAsync(CameraRig.Burst(new SimulatedSwirCameraOptions { Seed = 8 }), 20);
        for (int i = 0; i < a.Count; i++)
        {
            Assert.Equal(a[i].Encoder, b[i].Encoder);
            Assert.True(a[i].Data.AsSpan().SequenceEqual(b[i].Data), $"Line {i} differs for the same seed.");
            Assert.False(a[i].Data.AsSpan().SequenceEqual(c[i].Data), $"Line {i} is equal for different seeds.");
        }
    }

    [Fact]
    public async Task ReadLinesAsync_BurstWithSteppedEncoder_AdvancesOneLinePeriodPerLine()
    {
        var lines = await CameraRig.ReadAsync(CameraRig.Burst(new SimulatedSwirCameraOptions { SpatialPixels = 4, Bands = 8 }), 100);

        // Default belt 2 m/s, 670 lines/s, 10,000 counts/m: 29.85 counts per line, floored.
        for (int i = 0; i < lines.Count; i++)
        {
            Assert.Equal(Math.Floor(i * 2.0 / 670 * 10_000 + 1e-9), lines[i].Encoder, 1.0);
        }
    }

    [Fact]
    public async Task TryGetLineTruth_EmittedLine_MatchesSceneAtPixelCentres()
    {
        SimulatedSwirCamera camera = CameraRig.Burst();
        var lines = await CameraRig.ReadAsync(camera, 200);
        var ids = new long[camera.Info.SpatialPixels];
        var mains = new int[camera.Info.SpatialPixels];
        var fractions = new float[camera.Scene.MaterialCount];
        int particlePixels = 0;
        foreach (var line in lines)
        {
            Assert.True(camera.TryGetLineTruth(line.Sequence, ids, mains));
            double along = line.Encoder / 10_000.0;
            for (int p = 0; p < ids.Length; p++)
            {
                SceneHit hit = camera.Scene.Query(camera.PixelAcrossMetres(p), along, fractions);
                Assert.Equal(hit.ParticleId, ids[p]);
                Assert.Equal(hit.MainMaterial, mains[p]);
                particlePixels += hit.IsBelt ? 0 : 1;
            }
        }

        Assert.InRange(particlePixels / (double)(lines.Count * ids.Length), 0.15, 0.45);
        Assert.False(camera.TryGetLineTruth(12_345, ids, mains));
    }

    [Fact]
    public async Task ReadLinesAsync_BurstSteadyState_AllocatesNothingPerLine()
    {
        // 0.5 m chunks at 3 mm per line: every round of 400 lines generates two or three chunks, recycling evicted ones.
        SimulatedSwirCamera camera = CameraRig.Burst(scene: new BeltSceneOptions { Seed = 3, ChunkLengthMetres = 0.5, MaxCachedChunks = 3 });
        await camera.ConnectAsync(CancellationToken.None);
        await using IAsyncEnumerator<SwirLine> lines = camera.ReadLinesAsync(CancellationToken.None).GetAsyncEnumerator();

        AllocationAssert.NoAllocations(() => TakeSynchronously(lines, 400), warmUps: 4);
    }

    /// <summary>Takes lines that must be ready at once (burst mode) and returns them to the pool.</summary>
    private static void TakeSynchronously(IAsyncEnumerator<SwirLine> lines, int count)
    {
        for (int i = 0; i < count; i++)
        {
            ValueTask<bool> next = lines.MoveNextAsync();
            Assert.True(next.IsCompletedSuccessfully && next.Result, "A burst-mode line was not ready at once.");
            lines.Current.Dispose();
        }
    }

    [Theory]
    [InlineData(nameof(SimulatedSwirCameraOptions.SpatialPixels))]
    [InlineData(nameof(SimulatedSwirCameraOptions.LineRateHz))]
    [InlineData(nameof(SimulatedSwirCameraOptions.BitDepth))]
    [InlineData(nameof(SimulatedSwirCameraOptions.WhiteLevelDn))]
    [InlineData(nameof(SimulatedSwirCameraOptions.DroppedLineProbability))]
    public void Validate_OutOfRange_ThrowsNamingTheOption(string name)
    {
        SimulatedSwirCameraOptions options = name switch
        {
            nameof(SimulatedSwirCameraOptions.SpatialPixels) => new() { SpatialPixels = 0 },
            nameof(SimulatedSwirCameraOptions.LineRateHz) => new() { LineRateHz = 20_000 },
            nameof(SimulatedSwirCameraOptions.BitDepth) => new() { BitDepth = 17 },
            nameof(SimulatedSwirCameraOptions.WhiteLevelDn) => new() { WhiteLevelDn = 4000 },
            _ => new() { DroppedLineProbability = 1.5 },
        };

        var error = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(name, error.ParamName);
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Waits for the reader (which may continue on the thread pool) to reach its next wait; not a timing assert.
        for (int i = 0; i < 10_000 && !condition(); i++)
        {
            await Task.Delay(1);
        }

        Assert.True(condition(), "The reader did not reach its next wait.");
    }
}

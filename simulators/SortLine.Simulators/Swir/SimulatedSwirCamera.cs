using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Drivers;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Internal;
using SortLine.Simulators.Library;

namespace SortLine.Simulators.Swir;

/// <summary>
/// A simulated SWIR push-broom camera looking at a <see cref="BeltScene"/>: real USGS reflectance spectra resampled to
/// its bands, a detector with fixed-pattern gain and dark offsets, shot and read noise, dead elements, slow illumination
/// drift and clipping; dark-shutter and white-tile views; real-time or burst pacing; optional line drops and disconnects.
/// </summary>
/// <remarks>
/// <para><b>Geometry.</b> Pixel p looks at across = <see cref="SimulatedSwirCameraOptions.FieldOfViewStartMetres"/> +
/// (p + ½) · pitch, pitch = field of view width / pixels. A line stamped with encoder count E sees the belt at
/// along = E / counts per metre (<see cref="BeltScene"/> coordinates). Each pixel averages the scene over an n × n grid
/// on its footprint, so pixels on particle edges and grain boundaries see linear mixtures of spectra.</para>
/// <para><b>Timing.</b> In real time, line n of a read is due at start + n / line rate on the <see cref="TimeProvider"/> and
/// is stamped with that time and the encoder position then (exactly, for a timed <see cref="SimulatedBeltEncoder"/>).
/// A reader that is late receives the due lines at once while pool buffers are free; lines beyond the free buffers are
/// dropped oldest first, as a frame grabber whose buffer ring overflows. In burst mode lines are made as fast as they are
/// read and stamped with the current time and encoder position.</para>
/// <para><b>Determinism.</b> Each line's noise comes from its own random substream keyed by (seed, sequence), so for a given
/// seed, scene and encoder positions the bytes are identical, whatever the timing. See <see cref="SimulationRandom"/>.</para>
/// <para><b>Speed.</b> Gaussian deviates come from a table of 2^17 standard normals drawn once per camera (512 KB, fits
/// the L2 cache); each pixel of each line reads a 'bands'-long window at an offset drawn from the line's substream, and
/// the vectorised detector model (<see cref="SwirLineRenderer"/>) turns it into counts. Two pixels of a line share
/// (band-shifted) deviates only when their windows overlap (probability ≈ 2 · bands / 2^17 ≈ 0.4 % per pixel pair at
/// 288 bands): a negligible artefact that buys burst rates far above any camera's line rate.</para>
/// <para>One reader at a time; the ground-truth query (<see cref="TryGetLineTruth"/>) may run on any thread.</para>
/// <para>Connection state, pacing, drops and the read loop are the simulators' shared driver parts
/// (<see cref="SimulatedReadLoop{T}"/>); once warmed up, a read allocates nothing per line, belt chunk generation
/// included (the scene recycles evicted chunks).</para>
/// </remarks>
public sealed class SimulatedSwirCamera : ISwirCamera, ISimulatedSampleSource<SwirLine>
{
    /// <summary>Length of the Gaussian deviate table (2^17 floats = 512 KB).</summary>
    private const int NoiseTableLength = 1 << 17;

    private readonly SimulatedSwirCameraOptions _options;
    private readonly BeltScene _scene;
    private readonly IBeltEncoder _encoder;
    private readonly SimulatedReadLoop<SwirLine> _loop;
    private readonly float[][] _materialSpectra;
    private readonly bool[] _needsExactPoisson;
    private readonly float[] _dark;
    private readonly float[] _gain;
    private readonly int[] _deadElements;
    private readonly ushort[] _deadValues;
    private readonly float[] _noise;
    private readonly float[] _zeros;
    private readonly float[] _white;
    private readonly float[] _mix;
    private readonly double[] _pixelAcross;
    private readonly List<Particle>[] _rows;
    private readonly SceneChunk?[] _rowChunks;
    private readonly double _pitch;
    private readonly double _footprintAlong;
    private readonly double _driftPhase;
    private readonly long[] _truthSequence;
    private readonly long[] _truthEncoder;
    private readonly CameraView[] _truthView;
    private readonly Lock _truthGate = new();
    private volatile CameraView _view = CameraView.Belt;

    /// <summary>Creates the camera.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="scene">The belt scene it looks at.</param>
    /// <param name="library">The mineral library (the scene's minerals must be in it).</param>
    /// <param name="encoder">The belt encoder that stamps every line (a <see cref="SimulatedBeltEncoder"/> or any other).</param>
    /// <param name="timeProvider">The clock for pacing and timestamps.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range, or a scene mineral cannot be resampled to the bands.</exception>
    /// <exception cref="KeyNotFoundException">A scene mineral is not in the library.</exception>
    public SimulatedSwirCamera(SimulatedSwirCameraOptions options, BeltScene scene, MineralLibrary library, IBeltEncoder encoder, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _scene = scene;
        _encoder = encoder;

        int pixels = options.SpatialPixels;
        int bands = options.Bands;
        var centres = new double[bands];
        var fwhm = new double[bands];
        for (int b = 0; b < bands; b++)
        {
            centres[b] = options.FirstBandNm + (b * options.BandSpacingNm);
            fwhm[b] = options.FwhmPerBandSpacing * options.BandSpacingNm;
        }

        Info = new SwirCameraInfo(options.Model, pixels, centres, fwhm, options.LineRateHz, options.BitDepth);
        _loop = new SimulatedReadLoop<SwirLine>(this, new SensorConnection(this, options.Model, "camera"),
            new PacingClock(timeProvider, options.LineRateHz, options.Pacing, encoder, options.AdvanceSteppedEncoder),
            SwirLine.CreatePool(options.PoolCapacity, pixels, bands), options.DisconnectAfterLines, "lines", options.StallAfterLines);
        _materialSpectra = MaterialSpectra.Build(library, scene, centres, fwhm);

        var fixedPattern = SimulationRandom.Create(options.Seed, SimulationStreams.SwirFixedPattern);
        _dark = new float[pixels * bands];
        _gain = new float[pixels * bands];
        float minGain = float.MaxValue;
        for (int p = 0; p < pixels; p++)
        {
            for (int b = 0; b < bands; b++)
            {
                double response = options.SpectralResponseAtEdges + ((1 - options.SpectralResponseAtEdges) * Math.Sin(Math.PI * b / (bands - 1)));
                int e = (p * bands) + b;
                _gain[e] = (float)Math.Max(0, options.WhiteLevelDn * response * (1 + (options.GainNonUniformity * fixedPattern.NextGaussian())));
                _dark[e] = (float)Math.Max(0, options.DarkLevelDn + (options.DarkPatternStdDn * fixedPattern.NextGaussian()));
                minGain = Math.Min(minGain, _gain[e]);
            }
        }

        var dead = new SortedSet<int>();
        while (dead.Count < options.DeadElementCount)
        {
            dead.Add(fixedPattern.NextInt(pixels * bands));
        }

        _deadElements = [.. dead];
        _deadValues = new ushort[_deadElements.Length];
        float max = Info.MaxCount;
        for (int i = 0; i < _deadElements.Length; i++)
        {
            _deadValues[i] = (ushort)(int)(Math.Min(_dark[_deadElements[i]], max) + 0.5f);
        }

        _driftPhase = fixedPattern.NextDouble() * 2 * Math.PI;

        _needsExactPoisson = new bool[_materialSpectra.Length];
        double lowestIllumination = 1 - options.IlluminationDriftAmplitude;
        for (int m = 0; m < _materialSpectra.Length; m++)
        {
            float lowest = float.MaxValue;
            foreach (float r in _materialSpectra[m])
            {
                lowest = Math.Min(lowest, r);
            }

            _needsExactPoisson[m] = minGain * lowestIllumination * lowest * options.ConversionGainElectronsPerDn < SwirLineRenderer.ExactPoissonBelowElectrons;
        }

        var noiseRandom = SimulationRandom.Create(options.Seed, SimulationStreams.SwirNoiseTable);
        _noise = new float[NoiseTableLength];
        for (int i = 0; i < _noise.Length; i++)
        {
            _noise[i] = (float)noiseRandom.NextGaussian();
        }

        _zeros = new float[bands];
        _white = new float[bands];
        Array.Fill(_white, (float)options.WhiteReferenceReflectance);
        _mix = new float[bands];
        _pitch = options.FieldOfViewWidthMetres / pixels;
        _footprintAlong = options.FootprintAlongMetres ?? _pitch;
        _pixelAcross = new double[pixels];
        for (int p = 0; p < pixels; p++)
        {
            _pixelAcross[p] = options.FieldOfViewStartMetres + ((p + 0.5) * _pitch);
        }

        _rowChunks = new SceneChunk?[options.SubsamplesPerAxis];
        _rows = new List<Particle>[options.SubsamplesPerAxis];
        for (int j = 0; j < _rows.Length; j++)
        {
            _rows[j] = new List<Particle>(64);
        }

        _truthSequence = new long[options.TruthHistoryLines];
        Array.Fill(_truthSequence, -1);
        _truthEncoder = new long[options.TruthHistoryLines];
        _truthView = new CameraView[options.TruthHistoryLines];
    }

    /// <inheritdoc/>
    public SwirCameraInfo Info { get; }

    /// <inheritdoc/>
    public SensorState State => _loop.Connection.State;

    /// <inheritdoc/>
    public long DroppedLines => _loop.Sequence.Dropped;

    /// <summary>Gets the scene the camera looks at.</summary>
    public BeltScene Scene => _scene;

    /// <summary>Gets the dead detector elements as indices <c>pixel * Bands + band</c> (ascending); they read their dark level.</summary>
    public IReadOnlyList<int> DeadElements => _deadElements;

    /// <summary>Gets the true reflectance of a scene material on the camera's bands (what a perfect calibration recovers).</summary>
    /// <param name="material">A material index of <see cref="Scene"/>.</param>
    /// <returns>One reflectance per band.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="material"/> is not a material of the scene.</exception>
    public ReadOnlySpan<float> GetMaterialReflectance(int material)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(material);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(material, _materialSpectra.Length);
        return _materialSpectra[material];
    }

    /// <summary>Gets the pixel pitch across the belt, m.</summary>
    public double PixelPitchMetres => _pitch;

    /// <summary>Gets the across-belt position of a pixel's centre, m.</summary>
    /// <param name="pixel">The pixel (0 to pixels − 1).</param>
    /// <returns>The across coordinate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pixel"/> is out of range.</exception>
    public double PixelAcrossMetres(int pixel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pixel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(pixel, _pixelAcross.Length);
        return _pixelAcross[pixel];
    }

    /// <inheritdoc/>
    public ValueTask ConnectAsync(CancellationToken cancellationToken) => _loop.Connection.ConnectAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask SelectViewAsync(CameraView view, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(view))
        {
            throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown camera view.");
        }

        _loop.Connection.ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        _view = view;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The camera is not connected, or another reader is active.</exception>
    public IAsyncEnumerable<SwirLine> ReadLinesAsync(CancellationToken cancellationToken) => _loop.ReadAsync(cancellationToken);

    /// <inheritdoc/>
    bool ISimulatedSampleSource<SwirLine>.IsDropped(long sequence) =>
        _options.DroppedLineProbability > 0
        && SimulationRandom.Create(_options.Seed, SimulationStreams.SwirDrop, sequence).NextDouble() < _options.DroppedLineProbability;

    /// <inheritdoc/>
    void ISimulatedSampleSource<SwirLine>.Fill(long sequence, EncoderPosition position, long timestamp, SwirLine sample)
    {
        CameraView view = _view;
        RenderLine(sequence, position, view, sample.Data);
        sample.Stamp = new SampleStamp(sequence, position, timestamp);
        RecordTruth(sequence, position, view);
    }

    /// <summary>
    /// Writes the ground truth of an emitted line: per pixel the particle id at the pixel centre
    /// (<see cref="BeltScene.BeltParticleId"/> for bare belt) and that particle's main material (the belt's index for
    /// bare belt); −1 in both for a dark or white reference line.
    /// </summary>
    /// <param name="sequence">The line's <see cref="SampleStamp.Sequence"/>.</param>
    /// <param name="particleIds">Receives one id per pixel (length ≥ pixels).</param>
    /// <param name="mainMaterials">Receives one material index per pixel (length ≥ pixels).</param>
    /// <returns>False when the line is unknown (never emitted, or older than <see cref="SimulatedSwirCameraOptions.TruthHistoryLines"/>).</returns>
    /// <exception cref="ArgumentException">A span is too short.</exception>
    public bool TryGetLineTruth(long sequence, Span<long> particleIds, Span<int> mainMaterials)
    {
        int pixels = _options.SpatialPixels;
        if (particleIds.Length < pixels)
        {
            throw new ArgumentException($"{particleIds.Length} ids for {pixels} pixels.", nameof(particleIds));
        }

        if (mainMaterials.Length < pixels)
        {
            throw new ArgumentException($"{mainMaterials.Length} materials for {pixels} pixels.", nameof(mainMaterials));
        }

        long encoder;
        CameraView view;
        lock (_truthGate)
        {
            int slot = (int)(sequence % _truthSequence.Length);
            if (sequence < 0 || _truthSequence[slot] != sequence)
            {
                return false;
            }

            encoder = _truthEncoder[slot];
            view = _truthView[slot];
        }

        if (view != CameraView.Belt)
        {
            particleIds[..pixels].Fill(-1);
            mainMaterials[..pixels].Fill(-1);
            return true;
        }

        double along = _encoder.Scale.ToMetres(encoder);
        SceneChunk chunk = _scene.AcquireChunk(along);
        try
        {
            for (int p = 0; p < pixels; p++)
            {
                SceneHit hit = _scene.HitAt(chunk, _pixelAcross[p], along);
                particleIds[p] = hit.ParticleId;
                mainMaterials[p] = hit.MainMaterial;
            }
        }
        finally
        {
            _scene.ReleaseChunk(chunk);
        }

        return true;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _loop.CloseAsync();

    /// <summary>Renders one line (also used by benchmarks and tests). Not thread-safe: uses the camera's scratch.</summary>
    internal void RenderLine(long sequence, EncoderPosition position, CameraView view, Span<ushort> data)
    {
        int bands = _options.Bands;
        var random = SimulationRandom.Create(_options.Seed, SimulationStreams.SwirLine, sequence);
        double t = sequence / _options.LineRateHz;
        double illumination = view == CameraView.DarkShutter
            ? 0
            : 1 + (_options.IlluminationDriftAmplitude * Math.Sin((2 * Math.PI * t / _options.IlluminationDriftPeriodSeconds) + _driftPhase));
        double readNoiseDn = _options.ReadNoiseElectrons / _options.ConversionGainElectronsPerDn;
        var model = new DetectorModel((float)illumination, (float)_options.ConversionGainElectronsPerDn, (float)(readNoiseDn * readNoiseDn), Info.MaxCount);

        int n = _options.SubsamplesPerAxis;
        double along = _encoder.Scale.ToMetres(position.Counts);
        try
        {
            if (view == CameraView.Belt)
            {
                for (int j = 0; j < n; j++)
                {
                    CollectRow(along + ((((j + 0.5) / n) - 0.5) * _footprintAlong), j);
                }
            }

            Span<int> counts = stackalloc int[_materialSpectra.Length];
            for (int p = 0; p < _pixelAcross.Length; p++)
            {
                ReadOnlySpan<float> reflectance;
                bool exact = false;
                if (view == CameraView.Belt)
                {
                    reflectance = PixelReflectance(p, along, n, counts, out exact);
                }
                else
                {
                    reflectance = view == CameraView.WhiteReference ? _white : _zeros;
                }

                int offset = random.NextInt(NoiseTableLength - bands);
                int e = p * bands;
                Span<ushort> pixel = data.Slice(e, bands);
                SwirLineRenderer.Render(reflectance, _dark.AsSpan(e, bands), _gain.AsSpan(e, bands), _noise.AsSpan(offset, bands), model, pixel);
                if (exact)
                {
                    RedrawLowSignal(reflectance, e, model, ref random, pixel);
                }
            }
        }
        finally
        {
            ReleaseRows();
        }

        for (int i = 0; i < _deadElements.Length; i++)
        {
            data[_deadElements[i]] = _deadValues[i];
        }
    }

    private ReadOnlySpan<float> PixelReflectance(int p, double along, int n, scoped Span<int> counts, out bool exact)
    {
        counts.Clear();
        int first = -1;
        bool pure = true;
        for (int j = 0; j < n; j++)
        {
            double y = along + ((((j + 0.5) / n) - 0.5) * _footprintAlong);
            List<Particle> row = _rows[j];
            for (int i = 0; i < n; i++)
            {
                double x = _pixelAcross[p] + ((((i + 0.5) / n) - 0.5) * _pitch);
                int m = MaterialInRow(row, x, y);
                counts[m]++;
                if (first < 0)
                {
                    first = m;
                }
                else if (m != first)
                {
                    pure = false;
                }
            }
        }

        if (pure)
        {
            exact = _needsExactPoisson[first];
            return _materialSpectra[first];
        }

        Span<float> mix = _mix;
        mix.Clear();
        exact = false;
        float weightPerSample = 1f / (n * n);
        for (int m = 0; m < counts.Length; m++)
        {
            if (counts[m] == 0)
            {
                continue;
            }

            exact |= _needsExactPoisson[m];
            float w = counts[m] * weightPerSample;
            ReadOnlySpan<float> spectrum = _materialSpectra[m];
            for (int b = 0; b < mix.Length; b++)
            {
                mix[b] += w * spectrum[b];
            }
        }

        return mix;
    }

    private int MaterialInRow(List<Particle> row, double across, double along)
    {
        if (across < 0 || across > _scene.BeltWidthMetres)
        {
            return _scene.BeltMaterial;
        }

        for (int k = row.Count - 1; k >= 0; k--)
        {
            Particle particle = row[k];
            BeltBox box = particle.Box;
            if (across >= box.AcrossMin && across <= box.AcrossMax && particle.Contains(across, along))
            {
                return particle.MaterialAt(across, along);
            }
        }

        return _scene.BeltMaterial;
    }

    /// <summary>Lists the particles whose box spans subsample row <paramref name="j"/> (at <paramref name="along"/>), leasing
    /// the chunk they belong to until <see cref="ReleaseRows"/>.</summary>
    private void CollectRow(double along, int j)
    {
        List<Particle> row = _rows[j];
        row.Clear();
        SceneChunk chunk = _scene.AcquireChunk(along);
        _rowChunks[j] = chunk;
        ReadOnlySpan<Particle> particles = chunk.Particles;
        foreach (int index in chunk.Candidates(along))
        {
            Particle particle = particles[index];
            if (along >= particle.Box.AlongMin && along <= particle.Box.AlongMax)
            {
                row.Add(particle);
            }
        }
    }

    /// <summary>Ends the row chunks' leases and forgets the rows' particles.</summary>
    private void ReleaseRows()
    {
        for (int j = 0; j < _rowChunks.Length; j++)
        {
            if (_rowChunks[j] is SceneChunk chunk)
            {
                _rowChunks[j] = null;
                _rows[j].Clear();
                _scene.ReleaseChunk(chunk);
            }
        }
    }

    /// <summary>Redraws elements whose mean signal is under the normal-approximation limit with exact Poisson shot noise.</summary>
    private void RedrawLowSignal(ReadOnlySpan<float> reflectance, int e, in DetectorModel model, ref SimulationRandom random, Span<ushort> pixel)
    {
        double readNoise = Math.Sqrt(model.ReadVarianceDn);
        for (int b = 0; b < pixel.Length; b++)
        {
            double signal = Math.Max(0, _gain[e + b] * model.Illumination * reflectance[b]);
            double electrons = signal * model.ElectronsPerDn;
            if (electrons is > 0 and < SwirLineRenderer.ExactPoissonBelowElectrons)
            {
                double value = _dark[e + b] + (random.NextPoisson(electrons) / model.ElectronsPerDn) + (readNoise * random.NextGaussian());
                pixel[b] = (ushort)(int)(Math.Clamp(value, 0, model.MaxDn) + 0.5);
            }
        }
    }

    private void RecordTruth(long sequence, EncoderPosition position, CameraView view)
    {
        lock (_truthGate)
        {
            int slot = (int)(sequence % _truthSequence.Length);
            _truthSequence[slot] = sequence;
            _truthEncoder[slot] = position.Counts;
            _truthView[slot] = view;
        }
    }
}

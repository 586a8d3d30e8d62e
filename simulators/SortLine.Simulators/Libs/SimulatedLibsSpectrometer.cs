using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Simulators.Belt;
using SortLine.Simulators.Drivers;
using SortLine.Simulators.Internal;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators.Libs;

/// <summary>
/// A simulated whisk-broom LIBS spectrometer over a <see cref="BeltScene"/>: a scanner sweeps the laser spot back and
/// forth across the belt (triangle pattern in its own frame), each shot's spectrum holds the emission lines of the
/// elements under the spot (mixtures at particle edges and grains), a broad continuum, a baseline per stitched
/// spectrometer, shot-to-shot plasma variation, shot and read noise, and misfires (no plasma).
/// </summary>
/// <remarks>
/// <para><b>Geometry.</b> Shot n hits instrument point (X, 0), X from the sweep; <see cref="SimulatedLibsSpectrometerOptions.Frame"/>
/// maps it to the line frame (see <see cref="LibsFrameTransform"/>) and, with the encoder reading E at the shot, to the belt
/// point (across = a / 1000, along = E − d / 1000). The spot averages the scene over a 4 × 4 grid on its diameter.
/// <see cref="GetCalibrationTargets"/> gives markers seen by both sensors, for registration.</para>
/// <para><b>Timing</b> and <b>determinism</b> follow <see cref="SimulatedSwirCamera"/>: real-time shots due at n / rate on the
/// <see cref="TimeProvider"/>, or burst; every shot draws from its own substream (seed, sequence).</para>
/// <para>One reader at a time; <see cref="TryGetPointTruth"/> may run on any thread.</para>
/// <para>Connection state, pacing, drops and the read loop are the simulators' shared driver parts
/// (<see cref="SimulatedReadLoop{T}"/>); once warmed up, a read allocates nothing per shot, belt chunk generation
/// included (the scene recycles evicted chunks).</para>
/// </remarks>
public sealed class SimulatedLibsSpectrometer : ILibsSpectrometer, ISimulatedSampleSource<LibsPoint>
{
    private const int SpotSamplesPerAxis = 4;

    private readonly SimulatedLibsSpectrometerOptions _options;
    private readonly BeltScene _scene;
    private readonly IBeltEncoder _encoder;
    private readonly SimulatedReadLoop<LibsPoint> _loop;
    private readonly LibsEmissionModel _model;
    private readonly float[] _fractions;
    private readonly LibsPointTruth[] _truth;
    private readonly float[] _truthFractions;
    private readonly Lock _truthGate = new();

    /// <summary>Creates the spectrometer.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="scene">The belt scene it shoots at.</param>
    /// <param name="lines">The emission line table (<see cref="LibsLineTable.Load"/>).</param>
    /// <param name="encoder">The belt encoder that stamps every point.</param>
    /// <param name="timeProvider">The clock for pacing and timestamps.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="KeyNotFoundException">A scene mineral has no known element composition (<see cref="MineralChemistry"/>).</exception>
    public SimulatedLibsSpectrometer(SimulatedLibsSpectrometerOptions options, BeltScene scene, LibsLineTable lines, IBeltEncoder encoder, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _scene = scene;
        _encoder = encoder;
        _model = new LibsEmissionModel(options, lines, scene);
        Info = new LibsSpectrometerInfo(options.Model, _model.Wavelengths, _model.SegmentStarts, options.PointRateHz);
        _loop = new SimulatedReadLoop<LibsPoint>(this, new SensorConnection(this, options.Model, "spectrometer"),
            new PacingClock(timeProvider, options.PointRateHz, options.Pacing, encoder, options.AdvanceSteppedEncoder),
            LibsPoint.CreatePool(options.PoolCapacity, Info.Channels), options.DisconnectAfterPoints, "points", options.StallAfterPoints);
        _fractions = new float[scene.MaterialCount];
        _truth = new LibsPointTruth[options.TruthHistoryPoints];
        Array.Fill(_truth, new LibsPointTruth(-1, 0, 0, false, 0, 0));
        _truthFractions = new float[options.TruthHistoryPoints * scene.MaterialCount];
    }

    /// <inheritdoc/>
    public LibsSpectrometerInfo Info { get; }

    /// <inheritdoc/>
    public SensorState State => _loop.Connection.State;

    /// <inheritdoc/>
    public long DroppedPoints => _loop.Sequence.Dropped;

    /// <summary>Gets the scene the spectrometer shoots at.</summary>
    public BeltScene Scene => _scene;

    /// <summary>Gets the true instrument → line frame transform (what registration should recover).</summary>
    public LibsFrameTransform Frame => _options.Frame;

    /// <summary>Gets the noise-free emission spectrum of a scene material for one nominal shot (no continuum or baseline).</summary>
    /// <param name="material">A material index of <see cref="Scene"/>.</param>
    /// <returns>Counts per channel.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="material"/> is out of range.</exception>
    public ReadOnlySpan<float> GetMaterialTemplate(int material)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(material);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(material, _scene.MaterialCount);
        return _model.Template(material);
    }

    /// <summary>Gets the emission model (tests and benchmarks).</summary>
    internal LibsEmissionModel Model => _model;

    /// <summary>Gets the per-channel baseline (detector offset), counts.</summary>
    public ReadOnlySpan<float> Baseline => _model.Baseline;

    /// <summary>Gets the continuum of one nominal shot, counts.</summary>
    public ReadOnlySpan<float> Continuum => _model.Continuum;

    /// <summary>The instrument point of a shot: the triangle sweep between the configured X limits at Y = 0.</summary>
    /// <param name="sequence">The shot's sequence number (≥ 0).</param>
    /// <returns>(X, Y) in the instrument frame, mm.</returns>
    public (double XMm, double YMm) ScanPoint(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        int n = _options.PointsPerSweep;
        long period = 2L * (n - 1);
        long phase = sequence % period;
        long index = phase < n ? phase : period - phase;
        return (_options.SweepStartXMm + ((_options.SweepEndXMm - _options.SweepStartXMm) * index / (n - 1)), 0);
    }

    /// <summary>
    /// The calibration targets as both sensors see them. The SWIR coordinates use <paramref name="camera"/>'s pixel grid;
    /// the LIBS coordinates are where the scanner's sweep line (instrument Y = 0) crosses each target.
    /// </summary>
    /// <param name="camera">The SWIR camera on the same belt and encoder.</param>
    /// <returns>One entry per configured target.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="camera"/> is null.</exception>
    public IReadOnlyList<LibsCalibrationTarget> GetCalibrationTargets(SimulatedSwirCamera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        double countsPerMetre = _encoder.Scale.CountsPerMetre;
        double fieldStart = camera.PixelAcrossMetres(0) - (camera.PixelPitchMetres / 2);
        LibsFrameTransform frame = _options.Frame;
        double tan = Math.Tan(frame.RotationDegrees * Math.PI / 180);
        var targets = new List<LibsCalibrationTarget>(_options.CalibrationTargets.Count);
        for (int i = 0; i < _options.CalibrationTargets.Count; i++)
        {
            (double across, double along) = _options.CalibrationTargets[i];
            double swirPixel = ((across - fieldStart) / camera.PixelPitchMetres) - 0.5;
            double acrossMm = across * 1000;

            // Instrument Y = 0 ⇔ downstream = t_d + tan θ · (across − t_a): the target is hit when it has travelled there.
            double downstreamMm = frame.OffsetDownstreamMm + (tan * (acrossMm - frame.OffsetAcrossMm));
            (double x, double y) = frame.ToInstrument(acrossMm, downstreamMm);
            double libsEncoder = (along + (downstreamMm / 1000)) * countsPerMetre;
            targets.Add(new LibsCalibrationTarget(i, swirPixel, along * countsPerMetre, x, y, libsEncoder, across, along));
        }

        return targets;
    }

    /// <inheritdoc/>
    public ValueTask ConnectAsync(CancellationToken cancellationToken) => _loop.Connection.ConnectAsync(cancellationToken);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The spectrometer is not connected, or another reader is active.</exception>
    public IAsyncEnumerable<LibsPoint> ReadPointsAsync(CancellationToken cancellationToken) => _loop.ReadAsync(cancellationToken);

    /// <inheritdoc/>
    bool ISimulatedSampleSource<LibsPoint>.IsDropped(long sequence) =>
        _options.DroppedPointProbability > 0
        && SimulationRandom.Create(_options.Seed, SimulationStreams.LibsShot, sequence).NextDouble() < _options.DroppedPointProbability;

    /// <inheritdoc/>
    void ISimulatedSampleSource<LibsPoint>.Fill(long sequence, EncoderPosition position, long timestamp, LibsPoint sample)
    {
        // The drop decision drew the shot stream's first number (when drops are on); the shot continues after it.
        var random = SimulationRandom.Create(_options.Seed, SimulationStreams.LibsShot, sequence);
        if (_options.DroppedPointProbability > 0)
        {
            random.NextDouble();
        }

        Shoot(sequence, position, ref random, sample);
        sample.Stamp = new SampleStamp(sequence, position, timestamp);
    }

    /// <summary>The ground truth of an emitted point, and the material fractions under its spot.</summary>
    /// <param name="sequence">The point's <see cref="SampleStamp.Sequence"/>.</param>
    /// <param name="truth">Receives the truth.</param>
    /// <param name="fractions">Receives one fraction per scene material (length ≥ <see cref="BeltScene.MaterialCount"/>).</param>
    /// <returns>False when the point is unknown (never emitted, or older than <see cref="SimulatedLibsSpectrometerOptions.TruthHistoryPoints"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="fractions"/> is too short.</exception>
    public bool TryGetPointTruth(long sequence, out LibsPointTruth truth, Span<float> fractions)
    {
        int materials = _scene.MaterialCount;
        if (fractions.Length < materials)
        {
            throw new ArgumentException($"{fractions.Length} fractions for {materials} materials.", nameof(fractions));
        }

        lock (_truthGate)
        {
            int slot = (int)(sequence % _truth.Length);
            if (sequence < 0 || _truth[slot].Sequence != sequence)
            {
                truth = default;
                return false;
            }

            truth = _truth[slot];
            _truthFractions.AsSpan(slot * materials, materials).CopyTo(fractions);
            return true;
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _loop.CloseAsync();

    /// <summary>Fires one shot (also used by tests and benchmarks). Not thread-safe: uses the spectrometer's scratch.</summary>
    internal void Shoot(long sequence, EncoderPosition position, ref SimulationRandom random, LibsPoint point)
    {
        (double x, double y) = ScanPoint(sequence);
        (double acrossMm, double downstreamMm) = _options.Frame.ToLine(x, y);
        double across = acrossMm / 1000;
        double along = _encoder.Scale.ToMetres(position.Counts) - (downstreamMm / 1000);
        double spot = _options.SpotDiameterMm / 1000;
        SceneHit hit = _scene.QueryFootprint(across, along, spot, spot, SpotSamplesPerAxis, _fractions);
        bool misfire = random.NextDouble() < _options.MisfireProbability;
        _model.Render(_fractions, misfire, ref random, point.Spectrum);
        point.ScanXMm = x;
        point.ScanYMm = y;
        lock (_truthGate)
        {
            int slot = (int)(sequence % _truth.Length);
            _truth[slot] = new LibsPointTruth(sequence, hit.ParticleId, hit.MainMaterial, misfire, across, along);
            _fractions.CopyTo(_truthFractions.AsSpan(slot * _scene.MaterialCount, _scene.MaterialCount));
        }
    }
}

using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Internal;
using SortLine.Simulators.Libs;
using SortLine.Simulators.Library;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators;

/// <summary>
/// A complete simulated sorting line from one seed: the belt scene, the belt encoder, the SWIR camera and the LIBS
/// spectrometer, sharing the scene and the encoder, plus the calibration targets that register the two sensors.
/// </summary>
/// <example>
/// <code>
/// await using SimulatedLine line = SimulatedLine.Create(new SimulatedLineOptions { Seed = 42 }, TimeProvider.System);
/// await line.Camera.ConnectAsync(ct);
/// await foreach (SwirLine l in line.Camera.ReadLinesAsync(ct)) { ...; l.Dispose(); }
/// </code>
/// </example>
public sealed class SimulatedLine : IAsyncDisposable
{
    private SimulatedLine(BeltScene scene, SimulatedBeltEncoder encoder, SimulatedSwirCamera camera, SimulatedLibsSpectrometer spectrometer,
        MineralLibrary library, LibsLineTable lines)
    {
        Scene = scene;
        Encoder = encoder;
        Camera = camera;
        Spectrometer = spectrometer;
        Library = library;
        Lines = lines;
        CalibrationTargets = spectrometer.GetCalibrationTargets(camera);
    }

    /// <summary>Gets the belt scene (ground truth).</summary>
    public BeltScene Scene { get; }

    /// <summary>Gets the belt encoder both sensors stamp with.</summary>
    public SimulatedBeltEncoder Encoder { get; }

    /// <summary>Gets the SWIR camera.</summary>
    public SimulatedSwirCamera Camera { get; }

    /// <summary>Gets the LIBS spectrometer.</summary>
    public SimulatedLibsSpectrometer Spectrometer { get; }

    /// <summary>Gets the mineral reflectance library.</summary>
    public MineralLibrary Library { get; }

    /// <summary>Gets the LIBS emission line table.</summary>
    public LibsLineTable Lines { get; }

    /// <summary>Gets the calibration targets (SWIR and LIBS coordinates of markers both sensors see).</summary>
    public IReadOnlyList<LibsCalibrationTarget> CalibrationTargets { get; }

    /// <summary>Builds the line.</summary>
    /// <param name="options">The settings; <see cref="SimulatedLineOptions.Seed"/> replaces the components' seeds.</param>
    /// <param name="timeProvider">The clock (the system clock, or a fake one in tests).</param>
    /// <returns>The line, with sensors disconnected.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The data folder or a data file is missing or malformed (the message names the path).</exception>
    public static SimulatedLine Create(SimulatedLineOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        string data = DataDirectory.Locate(options.DataDirectory);
        MineralLibrary library = MineralLibrary.Load(data);
        LibsLineTable lines = LibsLineTable.Load(data);
        var scene = new BeltScene(options.Scene with { Seed = options.Seed });
        SimulatedBeltEncoder encoder = options.SteppedEncoder
            ? SimulatedBeltEncoder.CreateStepped(options.Encoder)
            : new SimulatedBeltEncoder(options.Encoder, timeProvider);
        var camera = new SimulatedSwirCamera(options.Camera with { Seed = options.Seed + SimulationStreams.CameraSeedOffset }, scene, library, encoder, timeProvider);
        var spectrometer = new SimulatedLibsSpectrometer(
            options.Spectrometer with { Seed = options.Seed + SimulationStreams.SpectrometerSeedOffset }, scene, lines, encoder, timeProvider);
        return new SimulatedLine(scene, encoder, camera, spectrometer, library, lines);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Camera.DisposeAsync().ConfigureAwait(false);
        await Spectrometer.DisposeAsync().ConfigureAwait(false);
    }
}

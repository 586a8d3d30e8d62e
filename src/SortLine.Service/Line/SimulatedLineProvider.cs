using Microsoft.Extensions.Options;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;
using SortLine.Service.Options;
using SortLine.Simulators;
using SortLine.Simulators.Swir;

namespace SortLine.Service.Line;

/// <summary>
/// Owns the embedded simulated line (camera, spectrometer, encoder, ground truth) the service sorts on without hardware.
/// Built on first use from <see cref="SimulatorOptions"/> and <see cref="LineOptions"/>, on the real clock.
/// </summary>
internal sealed class SimulatedLineProvider : IAsyncDisposable
{
    private readonly Lazy<SimulatedLine> _line;

    /// <summary>Creates the provider.</summary>
    public SimulatedLineProvider(IOptions<SimulatorOptions> simulator, IOptions<LineOptions> line, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(time);
        SimulatorOptions s = simulator.Value;
        LineOptions l = line.Value;
        _line = new Lazy<SimulatedLine>(() =>
        {
            var defaults = new SimulatedLineOptions();
            var options = defaults with
            {
                Seed = s.Seed,
                DataDirectory = string.IsNullOrWhiteSpace(s.DataDirectory) ? null : s.DataDirectory,
                Encoder = defaults.Encoder with { CountsPerMetre = l.EncoderCountsPerMeter, BeltSpeedMetresPerSecond = l.BeltSpeedMetersPerSecond },
                Camera = defaults.Camera with
                {
                    LineRateHz = s.LineRateHz,
                    Pacing = SensorPacing.RealTime,
                    PoolCapacity = s.CameraPoolCapacity,
                    DisconnectAfterLines = s.CameraDisconnectAfterLines > 0 ? s.CameraDisconnectAfterLines : null,
                    StallAfterLines = s.CameraStallAfterLines > 0 ? s.CameraStallAfterLines : null,
                },
                Spectrometer = defaults.Spectrometer with
                {
                    PointRateHz = s.LibsPointRateHz,
                    Pacing = SensorPacing.RealTime,
                    DisconnectAfterPoints = s.LibsDisconnectAfterPoints > 0 ? s.LibsDisconnectAfterPoints : null,
                    StallAfterPoints = s.LibsStallAfterPoints > 0 ? s.LibsStallAfterPoints : null,
                },
            };
            return SimulatedLine.Create(options, time);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets the simulated line (created on first access).</summary>
    /// <exception cref="IOException">The simulator's data folder is missing or malformed.</exception>
    public SimulatedLine Line => _line.Value;

    /// <summary>Gets the camera (as the sensor contract).</summary>
    public ISwirCamera Camera => Line.Camera;

    /// <summary>Gets the LIBS spectrometer (as the sensor contract).</summary>
    public ILibsSpectrometer Spectrometer => Line.Spectrometer;

    /// <summary>Gets the belt encoder (as the sensor contract).</summary>
    public IBeltEncoder Encoder => Line.Encoder;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_line.IsValueCreated)
        {
            await _line.Value.DisposeAsync().ConfigureAwait(false);
        }
    }
}

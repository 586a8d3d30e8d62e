using System.ComponentModel.DataAnnotations;

namespace SortLine.Service.Options;

/// <summary>The embedded simulated line (<c>SortLine.Simulators</c>) the service runs on when no hardware is configured.</summary>
/// <remarks>
/// Defaults are chosen for a shared 2-core host that also renders the simulated camera (384 px x 288 bands, 4 scene
/// samples per pixel) and trains the student: 100 lines/s at 0.25 m/s gives 2.5 mm lines, about the 2.6 mm
/// across-belt pixel pitch (384 px over 1 m), so particles are sampled roughly square. Real cameras run at 100-700
/// lines/s (methods brief §1); raise the line rate and the belt speed together on a dedicated host. The simulated belt
/// runs at <c>SortLine:Line:BeltSpeedMetersPerSecond</c> (one source of truth for the line's kinematics); the Development
/// settings (<c>dotnet run</c>) set 0.25 m/s and a 300 ms latency budget (150 mm / 0.25 m/s = 600 ms of travel).
/// </remarks>
internal sealed class SimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Simulator";

    /// <summary>Gets the master seed of the simulated line (scene, camera, spectrometer).</summary>
    [Range(0L, long.MaxValue)]
    public long Seed { get; set; } = 1;

    /// <summary>Gets the camera line rate, lines/s.</summary>
    [Range(1.0, 10_000.0)]
    public double LineRateHz { get; set; } = 100;

    /// <summary>Gets the LIBS point rate, points/s.</summary>
    [Range(1.0, 10_000.0)]
    public double LibsPointRateHz { get; set; } = 100;

    /// <summary>Gets the camera's pooled lines (a consumer holding all of them makes the camera drop lines).</summary>
    [Range(4, 65_536)]
    public int CameraPoolCapacity { get; set; } = 256;

    /// <summary>Gets the fault injection: the camera disconnects after this many lines per connection (0 = never).</summary>
    [Range(0L, long.MaxValue)]
    public long CameraDisconnectAfterLines { get; set; }

    /// <summary>Gets the fault injection: the LIBS spectrometer disconnects after this many points per connection (0 = never).</summary>
    [Range(0L, long.MaxValue)]
    public long LibsDisconnectAfterPoints { get; set; }

    /// <summary>Gets the fault injection: the camera stalls (stays connected, delivers nothing) after this many lines per
    /// connection (0 = never); the read timeout <see cref="SortingOptions.CameraReadTimeoutMilliseconds"/> detects it.</summary>
    [Range(0L, long.MaxValue)]
    public long CameraStallAfterLines { get; set; }

    /// <summary>Gets the fault injection: the LIBS spectrometer stalls after this many points per connection (0 = never);
    /// the read timeout <see cref="SortingOptions.LibsReadTimeoutMilliseconds"/> detects it.</summary>
    [Range(0L, long.MaxValue)]
    public long LibsStallAfterPoints { get; set; }

    /// <summary>Gets the simulator data folder (empty: <c>data/</c> found above the binary by walking up to <c>SortLine.sln</c>).</summary>
    public string DataDirectory { get; set; } = "";
}

using SortLine.Simulators.Belt;
using SortLine.Simulators.Encoder;
using SortLine.Simulators.Libs;
using SortLine.Simulators.Swir;

namespace SortLine.Simulators;

/// <summary>Settings of a whole simulated sorting line: scene, encoder, SWIR camera and LIBS spectrometer.</summary>
public sealed record SimulatedLineOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SortLine:Simulators";

    /// <summary>Gets the master seed (default 1). It replaces the components' own seeds: the scene uses it, the camera and
    /// the spectrometer use fixed offsets of it, so one number reproduces the whole line.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Gets the repository data folder (default null: found by walking up to <c>SortLine.sln</c>).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Gets whether the encoder is stepped (burst runs; sensors advance it) instead of timed (default false).</summary>
    public bool SteppedEncoder { get; init; }

    /// <summary>Gets the scene settings.</summary>
    public BeltSceneOptions Scene { get; init; } = new();

    /// <summary>Gets the encoder settings.</summary>
    public SimulatedEncoderOptions Encoder { get; init; } = new();

    /// <summary>Gets the camera settings.</summary>
    public SimulatedSwirCameraOptions Camera { get; init; } = new();

    /// <summary>Gets the spectrometer settings.</summary>
    public SimulatedLibsSpectrometerOptions Spectrometer { get; init; } = new();
}

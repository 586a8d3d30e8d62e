namespace SortLine.Simulators.Internal;

/// <summary>
/// Stream ids of <see cref="SimulationRandom"/>: one per component and purpose, so that components seeded with
/// the same master seed draw independent numbers and adding draws to one component never changes another's output.
/// </summary>
internal static class SimulationStreams
{
    /// <summary>Belt scene: one substream per chunk (chunk index).</summary>
    public const ulong SceneChunk = 1;

    /// <summary>SWIR camera fixed pattern: gain non-uniformity, dark pattern, dead pixels, drift phase.</summary>
    public const ulong SwirFixedPattern = 2;

    /// <summary>SWIR camera Gaussian noise table.</summary>
    public const ulong SwirNoiseTable = 3;

    /// <summary>SWIR camera per-line draws: one substream per line sequence number.</summary>
    public const ulong SwirLine = 4;

    /// <summary>LIBS per-shot draws: one substream per point sequence number.</summary>
    public const ulong LibsShot = 5;

    /// <summary>LIBS calibration targets.</summary>
    public const ulong LibsTargets = 6;

    /// <summary>SWIR camera device line drops: one substream per line sequence number.</summary>
    public const ulong SwirDrop = 7;

    /// <summary>LIBS scan pattern and misfires: one substream per point sequence number.</summary>
    public const ulong LibsMisfire = 8;

    /// <summary>Offsets of the sensors' seeds from the master seed of a simulated line.</summary>
    public const long CameraSeedOffset = 1_000_003;

    /// <summary>Offset of the spectrometer's seed from the master seed of a simulated line.</summary>
    public const long SpectrometerSeedOffset = 2_000_003;
}

namespace SortLine.Simulators.Swir;

/// <summary>Per-line constants of the detector model, in DN.</summary>
/// <param name="Illumination">Relative lamp intensity this line (1 ± drift).</param>
/// <param name="ElectronsPerDn">Conversion gain, e⁻/DN.</param>
/// <param name="ReadVarianceDn">Read noise variance, DN².</param>
/// <param name="MaxDn">Largest count (2^bits − 1).</param>
internal readonly record struct DetectorModel(float Illumination, float ElectronsPerDn, float ReadVarianceDn, float MaxDn)
{
    /// <summary>Gets 1 / <see cref="ElectronsPerDn"/>.</summary>
    public float DnPerElectron => 1f / ElectronsPerDn;
}

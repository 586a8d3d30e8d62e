namespace SortLine.Simulators.Recording.Envi;

/// <summary>How an ENVI data file orders its values.</summary>
public enum EnviInterleave
{
    /// <summary>Band sequential: one whole image plane per band, <c>[band][line][sample]</c>.</summary>
    Bsq = 0,

    /// <summary>Band interleaved by line: per line, one row per band, <c>[line][band][sample]</c>.</summary>
    Bil = 1,

    /// <summary>Band interleaved by pixel: per pixel, the whole spectrum, <c>[line][sample][band]</c>.</summary>
    Bip = 2,
}

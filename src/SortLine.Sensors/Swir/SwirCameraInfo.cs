namespace SortLine.Sensors.Swir;

/// <summary>What a SWIR push-broom camera delivers.</summary>
/// <remarks>Wavelengths and FWHM in nanometres; line rate in lines per second.</remarks>
public sealed class SwirCameraInfo
{
    /// <summary>Creates and validates the description.</summary>
    /// <param name="model">Camera model / driver name.</param>
    /// <param name="spatialPixels">Pixels across the belt (≥ 1).</param>
    /// <param name="bandCentersNm">Band centre wavelengths, strictly increasing, one per band.</param>
    /// <param name="bandFwhmNm">Band full widths at half maximum, one per band, each &gt; 0.</param>
    /// <param name="lineRateHz">Nominal line rate (&gt; 0).</param>
    /// <param name="bitDepth">Detector bit depth (1-16).</param>
    /// <exception cref="ArgumentException">A value is out of range or the band arrays disagree.</exception>
    public SwirCameraInfo(string model, int spatialPixels, IReadOnlyList<double> bandCentersNm, IReadOnlyList<double> bandFwhmNm,
        double lineRateHz, int bitDepth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(spatialPixels, 1);
        ArgumentNullException.ThrowIfNull(bandCentersNm);
        ArgumentNullException.ThrowIfNull(bandFwhmNm);
        if (bandCentersNm.Count == 0)
        {
            throw new ArgumentException("A camera has at least one band.", nameof(bandCentersNm));
        }

        if (bandFwhmNm.Count != bandCentersNm.Count)
        {
            throw new ArgumentException($"{bandFwhmNm.Count} FWHM values for {bandCentersNm.Count} bands.", nameof(bandFwhmNm));
        }

        for (int i = 0; i < bandCentersNm.Count; i++)
        {
            if (!double.IsFinite(bandCentersNm[i]) || (i > 0 && !(bandCentersNm[i] > bandCentersNm[i - 1])))
            {
                throw new ArgumentException($"Band centres must be finite and strictly increasing; band {i} is {bandCentersNm[i]} nm.", nameof(bandCentersNm));
            }

            if (!(bandFwhmNm[i] > 0 && double.IsFinite(bandFwhmNm[i])))
            {
                throw new ArgumentException($"Band {i} has FWHM {bandFwhmNm[i]} nm; it must be positive.", nameof(bandFwhmNm));
            }
        }

        if (!(lineRateHz > 0 && double.IsFinite(lineRateHz)))
        {
            throw new ArgumentOutOfRangeException(nameof(lineRateHz), lineRateHz, "The line rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bitDepth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitDepth, 16);
        Model = model;
        SpatialPixels = spatialPixels;
        BandCentersNm = [.. bandCentersNm];
        BandFwhmNm = [.. bandFwhmNm];
        LineRateHz = lineRateHz;
        BitDepth = bitDepth;
    }

    /// <summary>Gets the camera model or driver name.</summary>
    public string Model { get; }

    /// <summary>Gets the number of pixels across the belt.</summary>
    public int SpatialPixels { get; }

    /// <summary>Gets the band centres in nm.</summary>
    public IReadOnlyList<double> BandCentersNm { get; }

    /// <summary>Gets the band FWHMs in nm.</summary>
    public IReadOnlyList<double> BandFwhmNm { get; }

    /// <summary>Gets the number of bands.</summary>
    public int Bands => BandCentersNm.Count;

    /// <summary>Gets the nominal line rate in lines per second.</summary>
    public double LineRateHz { get; }

    /// <summary>Gets the detector bit depth.</summary>
    public int BitDepth { get; }

    /// <summary>Gets the largest count the detector delivers (2^BitDepth − 1).</summary>
    public ushort MaxCount => (ushort)((1 << BitDepth) - 1);
}

namespace SortLine.Simulators.Recording.Envi;

/// <summary>
/// How to describe an ENVI file as a SWIR camera when its header lacks (or has unusable) camera facts, e.g. a
/// standard cube such as the Jasper Ridge scene. Values from these options win over the header.
/// </summary>
/// <remarks>Wavelengths and FWHM in nm; rates in lines per second.</remarks>
public sealed class EnviSwirRecordingOptions
{
    private double _lineRateHz = 100;

    /// <summary>Gets or sets the band centres to use instead of the header's <c>wavelength</c> (needed when those are
    /// missing or not strictly increasing, as in AVIRIS cubes whose spectrometers overlap).</summary>
    public IReadOnlyList<double>? BandCentersNm { get; set; }

    /// <summary>Gets or sets the band FWHMs to use instead of the header's <c>fwhm</c>. When neither exists, each band's
    /// FWHM is taken as the distance to its nearest neighbouring band centre.</summary>
    public IReadOnlyList<double>? BandFwhmNm { get; set; }

    /// <summary>Gets or sets the line rate used when the header has no <c>sortline line rate</c> (default 100 lines/s).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not finite and positive.</exception>
    public double LineRateHz
    {
        get => _lineRateHz;
        set
        {
            if (!(value > 0 && double.IsFinite(value)))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The line rate must be finite and positive.");
            }

            _lineRateHz = value;
        }
    }

    /// <summary>Gets or sets the camera model to report when the header has no <c>sensor type</c> (default: the file name).</summary>
    public string? Model { get; set; }
}

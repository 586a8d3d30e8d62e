namespace SortLine.Sensors.Libs;

/// <summary>What a LIBS spectrometer delivers: its channel wavelengths, possibly stitched from several spectrometers.</summary>
/// <remarks>Wavelengths in nanometres; rates in points per second.</remarks>
public sealed class LibsSpectrometerInfo
{
    /// <summary>Creates and validates the description.</summary>
    /// <param name="model">Instrument model / driver name.</param>
    /// <param name="channelWavelengthsNm">Wavelength of every channel in delivery order; strictly increasing within each segment.</param>
    /// <param name="segmentStarts">First channel of each spectrometer segment, starting with 0 and increasing.</param>
    /// <param name="maxPointRateHz">Highest point rate the instrument fires at (&gt; 0).</param>
    /// <exception cref="ArgumentException">A value is out of range or the segments are inconsistent.</exception>
    public LibsSpectrometerInfo(string model, IReadOnlyList<double> channelWavelengthsNm, IReadOnlyList<int> segmentStarts, double maxPointRateHz)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(channelWavelengthsNm);
        ArgumentNullException.ThrowIfNull(segmentStarts);
        if (channelWavelengthsNm.Count < 2)
        {
            throw new ArgumentException("A spectrometer has at least two channels.", nameof(channelWavelengthsNm));
        }

        if (segmentStarts.Count == 0 || segmentStarts[0] != 0)
        {
            throw new ArgumentException("Segments start with channel 0.", nameof(segmentStarts));
        }

        for (int s = 0; s < segmentStarts.Count; s++)
        {
            int start = segmentStarts[s];
            int end = s + 1 < segmentStarts.Count ? segmentStarts[s + 1] : channelWavelengthsNm.Count;
            if (end <= start || end > channelWavelengthsNm.Count)
            {
                throw new ArgumentException($"Segment {s} starts at channel {start} and ends at {end}; segments must be non-empty and increasing.", nameof(segmentStarts));
            }

            for (int c = start; c < end; c++)
            {
                double w = channelWavelengthsNm[c];
                if (!double.IsFinite(w) || (c > start && !(w > channelWavelengthsNm[c - 1])))
                {
                    throw new ArgumentException($"Channel {c} ({w} nm) breaks the strictly increasing order of segment {s}.", nameof(channelWavelengthsNm));
                }
            }
        }

        if (!(maxPointRateHz > 0 && double.IsFinite(maxPointRateHz)))
        {
            throw new ArgumentOutOfRangeException(nameof(maxPointRateHz), maxPointRateHz, "The point rate must be positive.");
        }

        Model = model;
        ChannelWavelengthsNm = [.. channelWavelengthsNm];
        SegmentStarts = [.. segmentStarts];
        MaxPointRateHz = maxPointRateHz;
    }

    /// <summary>Gets the instrument model or driver name.</summary>
    public string Model { get; }

    /// <summary>Gets every channel's wavelength in nm.</summary>
    public IReadOnlyList<double> ChannelWavelengthsNm { get; }

    /// <summary>Gets the first channel of each stitched spectrometer.</summary>
    public IReadOnlyList<int> SegmentStarts { get; }

    /// <summary>Gets the number of channels.</summary>
    public int Channels => ChannelWavelengthsNm.Count;

    /// <summary>Gets the highest point rate in points per second.</summary>
    public double MaxPointRateHz { get; }
}

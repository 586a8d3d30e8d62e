namespace SortLine.Service.Line;

/// <summary>
/// Makes a stitched LIBS spectrum (several spectrometers with overlapping ranges) strictly increasing in wavelength, as
/// the teacher's feature extractor requires: where a later segment overlaps an earlier one, its overlapping channels
/// are left out (the earlier segment's channels are kept).
/// </summary>
internal sealed class LibsChannelSelection
{
    private readonly int[] _channels;

    /// <summary>Chooses the channels of an instrument.</summary>
    /// <param name="wavelengthsNm">The instrument's channel wavelengths, nm (finite; segments each increasing).</param>
    public LibsChannelSelection(IReadOnlyList<double> wavelengthsNm)
    {
        ArgumentNullException.ThrowIfNull(wavelengthsNm);
        var channels = new List<int>(wavelengthsNm.Count);
        double last = double.NegativeInfinity;
        for (int i = 0; i < wavelengthsNm.Count; i++)
        {
            if (wavelengthsNm[i] > last)
            {
                channels.Add(i);
                last = wavelengthsNm[i];
            }
        }

        _channels = [.. channels];
        WavelengthsNm = [.. _channels.Select(c => wavelengthsNm[c])];
    }

    /// <summary>Gets the kept channels' wavelengths, nm, strictly increasing.</summary>
    public double[] WavelengthsNm { get; }

    /// <summary>Gets the number of kept channels.</summary>
    public int Count => _channels.Length;

    /// <summary>Copies the kept channels of <paramref name="spectrum"/> into <paramref name="destination"/> (length <see cref="Count"/>).</summary>
    public void Select(ReadOnlySpan<float> spectrum, Span<float> destination)
    {
        for (int i = 0; i < _channels.Length; i++)
        {
            destination[i] = spectrum[_channels[i]];
        }
    }
}

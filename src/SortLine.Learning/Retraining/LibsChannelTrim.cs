using System.Globalization;

namespace SortLine.Learning.Retraining;

/// <summary>
/// Makes the channels of stitched LIBS spectrometers strictly increasing in wavelength, as the feature extractor needs:
/// channels are taken in delivery order and a channel is kept only if its wavelength is above the last kept one, so where
/// two spectrometers overlap the earlier one's channels are kept and the later one's are dropped up to the end of the
/// overlap. Immutable; <see cref="Apply"/> allocates nothing and is thread-safe.
/// </summary>
public sealed class LibsChannelTrim
{
    private readonly int[] _keep;

    /// <summary>Builds the trim for an instrument's channel wavelengths.</summary>
    /// <param name="channelWavelengthsNm">Every delivered channel's wavelength, nm, finite.</param>
    /// <exception cref="ArgumentNullException"><paramref name="channelWavelengthsNm"/> is null.</exception>
    /// <exception cref="ArgumentException">A wavelength is not finite, or fewer than 3 channels remain.</exception>
    public LibsChannelTrim(IReadOnlyList<double> channelWavelengthsNm)
    {
        ArgumentNullException.ThrowIfNull(channelWavelengthsNm);
        var keep = new List<int>(channelWavelengthsNm.Count);
        var kept = new List<double>(channelWavelengthsNm.Count);
        double last = double.NegativeInfinity;
        for (int i = 0; i < channelWavelengthsNm.Count; i++)
        {
            double w = channelWavelengthsNm[i];
            if (!double.IsFinite(w))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Channel {i} has wavelength {w}."), nameof(channelWavelengthsNm));
            }

            if (w > last)
            {
                keep.Add(i);
                kept.Add(w);
                last = w;
            }
        }

        if (keep.Count < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Only {keep.Count} channels remain; at least 3 are needed."),
                nameof(channelWavelengthsNm));
        }

        _keep = [.. keep];
        WavelengthsNm = kept.AsReadOnly();
        InputChannels = channelWavelengthsNm.Count;
    }

    /// <summary>Gets the number of channels the instrument delivers.</summary>
    public int InputChannels { get; }

    /// <summary>Gets the number of channels kept.</summary>
    public int OutputChannels => _keep.Length;

    /// <summary>Gets the kept channels' wavelengths, nm, strictly increasing.</summary>
    public IReadOnlyList<double> WavelengthsNm { get; }

    /// <summary>Copies the kept channels of a spectrum.</summary>
    /// <param name="spectrum"><see cref="InputChannels"/> values as delivered.</param>
    /// <param name="destination"><see cref="OutputChannels"/> values.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> destination)
    {
        if (spectrum.Length != InputChannels || destination.Length != _keep.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{spectrum.Length} → {destination.Length} channels; {InputChannels} → {_keep.Length} expected."), nameof(spectrum));
        }

        for (int i = 0; i < _keep.Length; i++)
        {
            destination[i] = spectrum[_keep[i]];
        }
    }
}

using System.Globalization;
using SortLine.Learning.Models;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Smoothing;

namespace SortLine.Learning.Retraining;

/// <summary>
/// The SWIR preprocessing the student is trained on (methods brief §2): reflectance against the dark and white
/// references, Savitzky–Golay along bands, hull quotient. Turns a raw line into the spectra a
/// <see cref="Pairing.SwirLineHistory"/> holds and the student classifies, and describes itself as the model file's
/// <see cref="PreprocessingParameters"/>.
/// </summary>
/// <remarks>
/// <para><b>Dead cells</b> (<see cref="ReflectanceCalibration.DeadMask"/>: no usable white − dark range) would read 0 and put
/// a spurious absorption into every spectrum of that pixel; they are replaced by linear interpolation between the nearest
/// live bands of the same pixel (the nearest live band at the ends) before smoothing. A pixel with no live band stays 0.</para>
/// <para>Training and offline code (tests, evidence, recording replay); the line pipeline runs the same kernels fused with
/// classification. Single-threaded by design: the instance owns its scratch. <see cref="Apply"/> allocates nothing.
/// Units: raw DN in, hull quotient (dimensionless, ≤ 1 + rounding) out, layout <c>[pixel * bands + band]</c>.</para>
/// </remarks>
public sealed class SwirLinePreprocessor
{
    private readonly ReflectanceCalibration _calibration;
    private readonly SavitzkyGolayPlan _smoothing;
    private readonly float[] _wavelengths;
    private readonly float[] _reflectance;
    private readonly float[] _smoothed;
    private readonly int[] _hull;
    private readonly int[][] _deadBands;

    /// <summary>Builds the preprocessor.</summary>
    /// <param name="calibration">The reflectance calibration (dark and white reference frames).</param>
    /// <param name="bandCentersNm">Band centres, nm, one per band, strictly increasing.</param>
    /// <param name="smoothing">The Savitzky–Golay plan (the brief's default is window 11, order 2).</param>
    /// <param name="darkCapturedUtc">When the dark reference was captured (for the model's provenance).</param>
    /// <param name="whiteCapturedUtc">When the white reference was captured.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The band count differs from the calibration's, or the window is longer than the spectrum.</exception>
    public SwirLinePreprocessor(ReflectanceCalibration calibration, IReadOnlyList<double> bandCentersNm, SavitzkyGolayPlan smoothing,
        DateTimeOffset darkCapturedUtc, DateTimeOffset whiteCapturedUtc)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(bandCentersNm);
        ArgumentNullException.ThrowIfNull(smoothing);
        if (bandCentersNm.Count != calibration.Bands)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{bandCentersNm.Count} band centres for a calibration of {calibration.Bands} bands."), nameof(bandCentersNm));
        }

        if (smoothing.WindowLength > calibration.Bands)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The smoothing window ({smoothing.WindowLength}) is longer than the spectrum ({calibration.Bands} bands)."), nameof(smoothing));
        }

        _calibration = calibration;
        _smoothing = smoothing;
        BandCentersNm = [.. bandCentersNm];
        _wavelengths = new float[bandCentersNm.Count];
        for (int b = 0; b < _wavelengths.Length; b++)
        {
            _wavelengths[b] = (float)bandCentersNm[b];
        }

        _reflectance = new float[calibration.Pixels * calibration.Bands];
        _smoothed = new float[calibration.Bands];
        _hull = new int[calibration.Bands];
        _deadBands = new int[calibration.Pixels][];
        ReadOnlySpan<bool> dead = calibration.DeadMask;
        for (int p = 0; p < calibration.Pixels; p++)
        {
            var bands = new List<int>();
            for (int b = 0; b < calibration.Bands; b++)
            {
                if (dead[(p * calibration.Bands) + b])
                {
                    bands.Add(b);
                }
            }

            _deadBands[p] = [.. bands];
        }

        Parameters = new PreprocessingParameters(
            Identify(calibration.DarkFrame, darkCapturedUtc),
            Identify(calibration.WhiteFrame, whiteCapturedUtc),
            smoothing.WindowLength,
            smoothing.PolynomialOrder,
            smoothing.DerivativeOrder,
            HullQuotient: true);
    }

    /// <summary>Gets the pixels per line.</summary>
    public int Pixels => _calibration.Pixels;

    /// <summary>Gets the bands per pixel.</summary>
    public int Bands => _calibration.Bands;

    /// <summary>Gets the reflectance calibration.</summary>
    public ReflectanceCalibration Calibration => _calibration;

    /// <summary>Gets the band centres, nm.</summary>
    public IReadOnlyList<double> BandCentersNm { get; }

    /// <summary>Gets the preprocessing as a model file records it.</summary>
    public PreprocessingParameters Parameters { get; }

    /// <summary>Preprocesses one raw line.</summary>
    /// <param name="rawLine">Raw counts, <c>Pixels * Bands</c>, <c>[pixel * Bands + band]</c>.</param>
    /// <param name="destination">Hull quotients, same length and layout.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public void Apply(ReadOnlySpan<ushort> rawLine, Span<float> destination)
    {
        if (destination.Length != _reflectance.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The destination has {destination.Length} values; {_reflectance.Length} are required."), nameof(destination));
        }

        _calibration.Apply(rawLine, _reflectance);
        int bands = Bands;
        for (int p = 0; p < Pixels; p++)
        {
            Span<float> reflectance = _reflectance.AsSpan(p * bands, bands);
            RepairDeadBands(reflectance, _deadBands[p]);
            _smoothing.Apply(reflectance, _smoothed);
            HullQuotient.Apply<float>(_wavelengths, _smoothed, destination.Slice(p * bands, bands), _hull);
        }
    }

    /// <summary>Linear interpolation over dead bands from the nearest live neighbours.</summary>
    private static void RepairDeadBands(Span<float> spectrum, int[] dead)
    {
        if (dead.Length == 0 || dead.Length == spectrum.Length)
        {
            return;
        }

        int i = 0;
        while (i < dead.Length)
        {
            // A run of consecutive dead bands [first, last].
            int first = dead[i];
            int last = first;
            while (i + 1 < dead.Length && dead[i + 1] == last + 1)
            {
                last = dead[++i];
            }

            i++;
            int left = first - 1, right = last + 1;
            for (int b = first; b <= last; b++)
            {
                spectrum[b] = left < 0 ? spectrum[right]
                    : right >= spectrum.Length ? spectrum[left]
                    : spectrum[left] + ((spectrum[right] - spectrum[left]) * (b - left) / (right - left));
            }
        }
    }

    private static ReferenceFrameIdentity Identify(ReadOnlySpan<double> frame, DateTimeOffset capturedUtc)
    {
        var values = new float[frame.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)frame[i];
        }

        return ReferenceFrameIdentity.FromFrame(values, capturedUtc);
    }
}

using System.Globalization;
using SortLine.Spectra.Internal;

namespace SortLine.Spectra.Features;

/// <summary>
/// LIBS line features: for each element line, the peak height and the area of the spectrum above a straight local
/// baseline within ± a half-window around the line. A precomputed, immutable plan for one spectrometer's channel
/// wavelengths and one line table.
/// </summary>
/// <remarks>
/// <para>
/// Definition, per line at wavelength λ₀ with half-window h:
/// the <b>window</b> is every channel with |λⱼ − λ₀| ≤ h. The <b>local baseline</b> is the straight line through two
/// anchors: the left anchor is the mean wavelength and mean intensity of the first m window channels, the right anchor
/// the same for the last m (m = <see cref="EdgeSampleCount"/>; m = 1 is the line between the window's edge samples,
/// larger m averages out noise). The mean was chosen over edge minima because it is linear in the spectrum, so the
/// features of a sum of spectra are the sums of their features and noise does not bias the baseline downward.
/// The <b>height</b> is the largest baseline-corrected intensity in the window (it is the same channel as the peak
/// when the baseline is flat). It is not clamped: a window without a line can give a height ≤ 0, and with m = 1 a
/// monotone window gives exactly 0 (at an edge). The <b>area</b> is the trapezoidal integral of the baseline-corrected
/// intensity over the window channels' wavelengths, from the first to the last window channel (no interpolation to
/// λ₀ ± h); it can be negative where the window holds no line.
/// </para>
/// <para>
/// Element aggregate (<see cref="AggregateByElement"/>): the <b>sum</b> over the element's lines (of heights or of
/// areas). A sum is linear like the features and uses every line of the element, so one weak line does not hide behind a
/// strong one and a missing (noisy) line does not dominate, as it would with a max.
/// </para>
/// <para>
/// Stitched spectrometers: the channel wavelengths must be strictly increasing over the whole spectrum. Where the
/// spectrometers overlap, the caller sorts and merges (or trims) the overlap before building the plan; the plan rejects
/// non-increasing wavelengths with an error naming the first offending channel. Gaps between spectrometers are allowed,
/// but a line whose window reaches into a gap is rejected.
/// </para>
/// <para>Units: wavelengths and half-window in nm; heights in spectrum units; areas in spectrum units × nm.</para>
/// </remarks>
public sealed class LineFeaturePlan
{
    /// <summary>The default half-window in nm (≈ 5 channels at ChemCam's VNIR sampling, keeps Al 308.17/309.25 apart).</summary>
    public const double DefaultHalfWindowNm = 0.5;

    private readonly ElementLine[] _lines;
    private readonly string[] _elements;
    private readonly int[] _elementOfLine;
    private readonly int[] _windowStart;
    private readonly int[] _windowLength;
    private readonly double[] _wavelengths;

    /// <summary>Builds the plan.</summary>
    /// <param name="channelWavelengthsNm">The wavelength of every channel in nm: finite, strictly increasing, at least 3 channels.</param>
    /// <param name="lines">The lines to measure (e.g. <see cref="ElementLineTable.Default"/>); at least one, element symbols non-empty.</param>
    /// <param name="halfWindowNm">The half-window h in nm, finite and &gt; 0.</param>
    /// <param name="edgeSampleCount">The number m of window channels averaged at each edge for the local baseline (≥ 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="lines"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halfWindowNm"/> or <paramref name="edgeSampleCount"/> is out of range.</exception>
    /// <exception cref="ArgumentException">The wavelengths are not finite or not strictly increasing (e.g. overlapping stitched
    /// spectrometers), a line is empty or not finite, a line's window lies (partly) outside the covered range or in a gap
    /// between spectrometers, or holds fewer than 2m + 1 channels; the message names the line.</exception>
    public LineFeaturePlan(
        ReadOnlySpan<double> channelWavelengthsNm,
        IReadOnlyList<ElementLine> lines,
        double halfWindowNm = DefaultHalfWindowNm,
        int edgeSampleCount = 1)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ThrowHelper.ThrowIfOutOfRange(channelWavelengthsNm.Length, 3, int.MaxValue, nameof(channelWavelengthsNm));
        ThrowHelper.ThrowIfNotFinite(channelWavelengthsNm);
        ThrowHelper.ThrowIfNotStrictlyIncreasing(channelWavelengthsNm);
        if (!(halfWindowNm > 0.0 && double.IsFinite(halfWindowNm)))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(halfWindowNm), halfWindowNm, "The half-window must be finite and greater than 0 nm.");
        }

        ThrowHelper.ThrowIfOutOfRange(edgeSampleCount, 1, channelWavelengthsNm.Length);
        if (lines.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(lines), "At least one line is required.");
        }

        _wavelengths = channelWavelengthsNm.ToArray();
        _lines = new ElementLine[lines.Count];
        _elementOfLine = new int[lines.Count];
        _windowStart = new int[lines.Count];
        _windowLength = new int[lines.Count];
        var elements = new List<string>();
        for (int i = 0; i < lines.Count; i++)
        {
            ElementLine line = lines[i];
            if (string.IsNullOrWhiteSpace(line.Element) || !double.IsFinite(line.WavelengthNm))
            {
                ThrowHelper.ThrowArgument(nameof(lines), string.Create(CultureInfo.InvariantCulture,
                    $"Line {i} ('{line.Element}' at {line.WavelengthNm} nm) needs an element symbol and a finite wavelength."));
            }

            (_windowStart[i], _windowLength[i]) = LocateWindow(_wavelengths, line, halfWindowNm, edgeSampleCount);
            _lines[i] = line;
            int element = elements.IndexOf(line.Element);
            if (element < 0)
            {
                element = elements.Count;
                elements.Add(line.Element);
            }

            _elementOfLine[i] = element;
        }

        _elements = [.. elements];
        HalfWindowNm = halfWindowNm;
        EdgeSampleCount = edgeSampleCount;
        Lines = Array.AsReadOnly(_lines);
        Elements = Array.AsReadOnly(_elements);
    }

    /// <summary>Gets the number of spectrometer channels.</summary>
    public int ChannelCount => _wavelengths.Length;

    /// <summary>Gets the lines, in the order of the height and area outputs.</summary>
    public IReadOnlyList<ElementLine> Lines { get; }

    /// <summary>Gets the distinct element symbols in order of first appearance in <see cref="Lines"/>: the order of the aggregate outputs.</summary>
    public IReadOnlyList<string> Elements { get; }

    /// <summary>Gets the half-window h in nm.</summary>
    public double HalfWindowNm { get; }

    /// <summary>Gets the number of channels averaged at each window edge for the local baseline.</summary>
    public int EdgeSampleCount { get; }

    /// <summary>Gets the index of the element (in <see cref="Elements"/>) of line <paramref name="line"/>.</summary>
    /// <param name="line">Zero-based line index.</param>
    /// <returns>The element index.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="line"/> is not a line index.</exception>
    public int ElementIndexOf(int line)
    {
        ThrowHelper.ThrowIfOutOfRange(line, 0, _lines.Length - 1);
        return _elementOfLine[line];
    }

    /// <summary>Measures the height and area of every line.</summary>
    /// <param name="spectrum">The (baseline-corrected or raw) spectrum, <see cref="ChannelCount"/> values.</param>
    /// <param name="heights">Receives one height per line (spectrum units).</param>
    /// <param name="areas">Receives one area per line (spectrum units × nm).</param>
    /// <exception cref="ArgumentException">A length does not match, or a window holds NaN or infinity (only window channels
    /// are read and checked).</exception>
    public void Measure(ReadOnlySpan<double> spectrum, Span<double> heights, Span<double> areas)
    {
        ThrowHelper.ThrowIfLengthMismatch(_wavelengths.Length, spectrum.Length);
        ThrowHelper.ThrowIfLengthMismatch(_lines.Length, heights.Length);
        ThrowHelper.ThrowIfLengthMismatch(_lines.Length, areas.Length);
        int m = EdgeSampleCount;
        for (int i = 0; i < _lines.Length; i++)
        {
            ReadOnlySpan<double> y = spectrum.Slice(_windowStart[i], _windowLength[i]);
            ReadOnlySpan<double> x = _wavelengths.AsSpan(_windowStart[i], _windowLength[i]);
            ThrowHelper.ThrowIfNotFinite(y, nameof(spectrum));
            double xLeft = 0, yLeft = 0, xRight = 0, yRight = 0;
            for (int k = 0; k < m; k++)
            {
                xLeft += x[k];
                yLeft += y[k];
                xRight += x[x.Length - m + k];
                yRight += y[y.Length - m + k];
            }

            xLeft /= m;
            yLeft /= m;
            xRight /= m;
            yRight /= m;
            double slope = (yRight - yLeft) / (xRight - xLeft);

            double previous = y[0] - (yLeft + (slope * (x[0] - xLeft)));
            double height = previous, area = 0;
            for (int j = 1; j < y.Length; j++)
            {
                double corrected = y[j] - (yLeft + (slope * (x[j] - xLeft)));
                height = Math.Max(height, corrected);
                area += 0.5 * (previous + corrected) * (x[j] - x[j - 1]);
                previous = corrected;
            }

            heights[i] = height;
            areas[i] = area;
        }
    }

    /// <summary>Sums per-line values (heights or areas from <see cref="Measure"/>) over each element's lines.</summary>
    /// <param name="lineValues">One value per line, in the order of <see cref="Lines"/>.</param>
    /// <param name="elementValues">Receives one sum per element, in the order of <see cref="Elements"/>.</param>
    /// <exception cref="ArgumentException">A length does not match.</exception>
    public void AggregateByElement(ReadOnlySpan<double> lineValues, Span<double> elementValues)
    {
        ThrowHelper.ThrowIfLengthMismatch(_lines.Length, lineValues.Length);
        ThrowHelper.ThrowIfLengthMismatch(_elements.Length, elementValues.Length);
        elementValues.Clear();
        for (int i = 0; i < lineValues.Length; i++)
        {
            elementValues[_elementOfLine[i]] += lineValues[i];
        }
    }

    private static (int Start, int Length) LocateWindow(double[] wavelengths, ElementLine line, double halfWindow, int edgeSamples)
    {
        double low = line.WavelengthNm - halfWindow, high = line.WavelengthNm + halfWindow;
        double first = wavelengths[0], last = wavelengths[^1];
        if (low < first || high > last)
        {
            ThrowHelper.ThrowArgument("lines", string.Create(CultureInfo.InvariantCulture,
                $"Line {line.Element} {line.WavelengthNm} nm: its window [{low}, {high}] nm is outside the covered range [{first}, {last}] nm."));
        }

        int start = Array.BinarySearch(wavelengths, low);
        start = start >= 0 ? start : ~start;                 // first channel >= low
        int end = Array.BinarySearch(wavelengths, high);
        end = end >= 0 ? end + 1 : ~end;                     // one past the last channel <= high
        int length = end - start;

        // A window reaching into a gap between stitched spectrometers: some neighbouring channels (including the ones just
        // outside the window) are farther apart than the half-window.
        for (int j = Math.Max(start, 1); j <= Math.Min(end, wavelengths.Length - 1); j++)
        {
            if (wavelengths[j] - wavelengths[j - 1] > halfWindow)
            {
                ThrowHelper.ThrowArgument("lines", string.Create(CultureInfo.InvariantCulture,
                    $"Line {line.Element} {line.WavelengthNm} nm: its window [{low}, {high}] nm reaches into a gap between channels {wavelengths[j - 1]} and {wavelengths[j]} nm."));
            }
        }

        if (length < (2 * edgeSamples) + 1)
        {
            ThrowHelper.ThrowArgument("lines", string.Create(CultureInfo.InvariantCulture,
                $"Line {line.Element} {line.WavelengthNm} nm: its window [{low}, {high}] nm holds {length} channels; at least {(2 * edgeSamples) + 1} are needed (2 x edge samples + 1)."));
        }

        return (start, length);
    }
}

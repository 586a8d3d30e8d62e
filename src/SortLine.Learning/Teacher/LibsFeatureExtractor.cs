using System.Globalization;
using SortLine.Spectra.Baseline;
using SortLine.Spectra.Features;

namespace SortLine.Learning.Teacher;

/// <summary>
/// Turns one LIBS spectrum into the teacher's feature vector (methods brief §3): ALS baseline subtraction, line
/// heights (or areas) at the configured element lines, summed per element. A precomputed, immutable plan for one
/// spectrometer's channel wavelengths; points that show no plasma are rejected with a reason instead.
/// </summary>
/// <remarks>
/// <para><b>Steps per point.</b> (1) Every channel must be finite, else <see cref="LibsRejectReason.NonFinite"/>.
/// (2) c = y − ALS(y) (<see cref="AsymmetricLeastSquaresBaseline"/>, λ, p and iterations from <see cref="TeacherOptions"/>).
/// (3) Noise: σ = 1.4826 · median|Δc| / √2, the median absolute first difference of c scaled to a Gaussian standard
/// deviation (differences remove any residual slow baseline; the median ignores the few channels on emission lines).
/// Where more than half the differences are exactly 0 (coarsely quantised dark spectra) the root mean square of the
/// differences / √2 is used instead. (4) Plasma test: the number of channels with c − median(c) &gt;
/// <see cref="TeacherOptions.EmissionThresholdSigma"/> · σ must reach <see cref="TeacherOptions.MinEmissionChannels"/>,
/// else <see cref="LibsRejectReason.NoPlasma"/>. The test looks at the whole spectrum, not only at the table's lines,
/// because a shot on the bare belt is a plasma (C, H, N, O, Ca lines...) that belongs to the background class; a
/// misfire has no emission anywhere. A σ at or below 1e-9 · max|y| (a constant spectrum leaves only rounding residue) is a dead readout and also
/// counts as no plasma.
/// (5) Line features (<see cref="LineFeaturePlan"/>) on c, summed per element (<see cref="Elements"/> order).
/// (6) Optional <see cref="TeacherOptions.MinLineSignalToNoise"/> test on Σ max(heightₗ, 0) / σ
/// (<see cref="LibsRejectReason.WeakLineSignal"/>).</para>
/// <para><b>Uncovered lines.</b> A configured line whose window the spectrometer does not cover (outside its range, in a
/// gap between stitched spectrometers, or too few channels) is dropped at construction and listed in
/// <see cref="DroppedLines"/> with the reason (e.g. ChemCam starts at 240.8 nm, so Al 237.23 nm goes), unless
/// <see cref="TeacherOptions.DropUncoveredLines"/> is false, in which case the constructor throws. An element all of
/// whose lines are dropped is not a feature.</para>
/// <para><b>Cost.</b> The extraction allocates nothing: the caller passes scratch of <see cref="ScratchLength"/> doubles
/// (two sorts of n values dominate the noise estimate, the ALS solve is O(n · iterations)). The plan is immutable and
/// may serve several threads, each with its own scratch.</para>
/// <para>Units: wavelengths in nm; features in spectrum units (height) or spectrum units × nm (area).</para>
/// </remarks>
public sealed class LibsFeatureExtractor
{
    /// <summary>1 / Φ⁻¹(3/4): turns a median absolute deviation into a Gaussian standard deviation.</summary>
    private const double MadToSigma = 1.482602218505602;

    /// <summary>σ at or below this fraction of max |y| is rounding residue, not detector noise (a 24-bit digitiser's
    /// quantisation is 6e-8 of full scale).</summary>
    private const double RelativeNoiseFloor = 1e-9;

    private readonly AsymmetricLeastSquaresBaseline _baseline;
    private readonly LineFeaturePlan _lines;
    private readonly LineFeatureKind _kind;
    private readonly double _emissionThresholdSigma;
    private readonly int _minEmissionChannels;
    private readonly double _minLineSignalToNoise;
    private readonly int _alsScratch;

    /// <summary>Builds the plan for a spectrometer.</summary>
    /// <param name="channelWavelengthsNm">Every channel's wavelength in nm: finite and strictly increasing (stitched
    /// spectrometers merged or trimmed where they overlap), at least 3 channels.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The wavelengths are too few, not finite or not strictly increasing; no configured
    /// line is covered; or a line is not covered and <see cref="TeacherOptions.DropUncoveredLines"/> is false (the
    /// message names the line and why).</exception>
    public LibsFeatureExtractor(ReadOnlySpan<double> channelWavelengthsNm, TeacherOptions? options = null)
    {
        options ??= new TeacherOptions();
        options.Validate();
        int n = channelWavelengthsNm.Length;
        if (n < 3)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{n} channels given; at least 3 are required."), nameof(channelWavelengthsNm));
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(channelWavelengthsNm[i]) || (i > 0 && !(channelWavelengthsNm[i] > channelWavelengthsNm[i - 1])))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Channel {i} ({channelWavelengthsNm[i]} nm) is not finite or breaks the strictly increasing order; merge or trim overlapping spectrometers first."),
                    nameof(channelWavelengthsNm));
            }
        }

        var kept = new List<ElementLine>();
        var dropped = new List<DroppedLine>();
        foreach (ElementLine line in options.Lines)
        {
            try
            {
                // A one-line plan applies exactly the coverage rules of the full plan.
                _ = new LineFeaturePlan(channelWavelengthsNm, [line], options.LineHalfWindowNm, options.LineEdgeSampleCount);
                kept.Add(line);
            }
            catch (ArgumentException e) when (options.DropUncoveredLines)
            {
                dropped.Add(new DroppedLine(line, e.Message));
            }
        }

        if (kept.Count == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"None of the {options.Lines.Count} configured lines is covered by the spectrometer ({channelWavelengthsNm[0]}-{channelWavelengthsNm[n - 1]} nm)."),
                nameof(channelWavelengthsNm));
        }

        _lines = new LineFeaturePlan(channelWavelengthsNm, kept, options.LineHalfWindowNm, options.LineEdgeSampleCount);
        _baseline = new AsymmetricLeastSquaresBaseline(n, options.AlsLambda, options.AlsAsymmetry, options.AlsIterations);
        _alsScratch = _baseline.ScratchLength;
        _kind = options.FeatureKind;
        _emissionThresholdSigma = options.EmissionThresholdSigma;
        _minEmissionChannels = options.MinEmissionChannels;
        _minLineSignalToNoise = options.MinLineSignalToNoise;
        DroppedLines = dropped.AsReadOnly();
        ScratchLength = _alsScratch + (3 * n) + (2 * kept.Count);
    }

    /// <summary>Gets the number of spectrometer channels.</summary>
    public int ChannelCount => _lines.ChannelCount;

    /// <summary>Gets the lines that are measured (configured lines minus <see cref="DroppedLines"/>), in configuration order.</summary>
    public IReadOnlyList<ElementLine> Lines => _lines.Lines;

    /// <summary>Gets the configured lines the spectrometer cannot measure, with the reason.</summary>
    public IReadOnlyList<DroppedLine> DroppedLines { get; }

    /// <summary>Gets the element symbols in feature order (first appearance among <see cref="Lines"/>).</summary>
    public IReadOnlyList<string> Elements => _lines.Elements;

    /// <summary>Gets the feature vector length (= number of <see cref="Elements"/>).</summary>
    public int FeatureCount => _lines.Elements.Count;

    /// <summary>Gets the scratch length, in doubles, that <see cref="TryExtract(ReadOnlySpan{double}, Span{double}, Span{double}, out LibsExtractionDiagnostics)"/> needs.</summary>
    public int ScratchLength { get; }

    /// <summary>Allocates a scratch buffer of <see cref="ScratchLength"/> doubles (once per thread, at startup).</summary>
    /// <returns>The buffer.</returns>
    public double[] CreateScratch() => new double[ScratchLength];

    /// <summary>Extracts the features of one spectrum given as float counts (as <c>LibsPoint.Spectrum</c> holds them).</summary>
    /// <param name="spectrum"><see cref="ChannelCount"/> values, counts.</param>
    /// <param name="features">Receives <see cref="FeatureCount"/> values when accepted (unspecified when rejected).</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> doubles; contents on return are unspecified.</param>
    /// <param name="diagnostics">Noise, emission count, line signal and the reject reason.</param>
    /// <returns><see langword="true"/> when the point is accepted.</returns>
    /// <exception cref="ArgumentException">A length is wrong or the scratch is too short.</exception>
    public bool TryExtract(ReadOnlySpan<float> spectrum, Span<double> features, Span<double> scratch, out LibsExtractionDiagnostics diagnostics)
    {
        int n = ChannelCount;
        CheckLengths(spectrum.Length, features.Length, scratch.Length);
        Span<double> input = scratch.Slice(_alsScratch + (2 * n), n);
        for (int i = 0; i < n; i++)
        {
            input[i] = spectrum[i];
        }

        return Extract(input, features, scratch, out diagnostics);
    }

    /// <summary>Extracts the features of one spectrum.</summary>
    /// <param name="spectrum"><see cref="ChannelCount"/> values, counts; must not overlap <paramref name="scratch"/>.</param>
    /// <param name="features">Receives <see cref="FeatureCount"/> values when accepted (unspecified when rejected).</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> doubles; contents on return are unspecified.</param>
    /// <param name="diagnostics">Noise, emission count, line signal and the reject reason.</param>
    /// <returns><see langword="true"/> when the point is accepted.</returns>
    /// <exception cref="ArgumentException">A length is wrong, the scratch is too short or overlaps the spectrum.</exception>
    public bool TryExtract(ReadOnlySpan<double> spectrum, Span<double> features, Span<double> scratch, out LibsExtractionDiagnostics diagnostics)
    {
        CheckLengths(spectrum.Length, features.Length, scratch.Length);
        if (spectrum.Overlaps(scratch))
        {
            throw new ArgumentException("The spectrum must not overlap the scratch.", nameof(scratch));
        }

        return Extract(spectrum, features, scratch, out diagnostics);
    }

    private void CheckLengths(int spectrumLength, int featureLength, int scratchLength)
    {
        CheckLength(spectrumLength, ChannelCount, "spectrum");
        CheckLength(featureLength, FeatureCount, "features");
        if (scratchLength < ScratchLength)
        {
            ThrowScratchTooShort(scratchLength, ScratchLength, "scratch");
        }
    }

    private static void CheckLength(int actual, int expected, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Length {actual} given; {expected} expected."), paramName);
        }
    }

    private static void ThrowScratchTooShort(int actual, int required, string paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The scratch has {actual} doubles; {required} are required."), paramName);

    private bool Extract(ReadOnlySpan<double> spectrum, Span<double> features, Span<double> scratch, out LibsExtractionDiagnostics diagnostics)
    {
        int n = ChannelCount, lines = _lines.Lines.Count;
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(spectrum[i]))
            {
                diagnostics = new LibsExtractionDiagnostics(LibsRejectReason.NonFinite, 0, 0, 0);
                return false;
            }
        }

        Span<double> als = scratch[.._alsScratch];
        Span<double> corrected = scratch.Slice(_alsScratch, n);
        Span<double> work = scratch.Slice(_alsScratch + n, n);
        Span<double> heights = scratch.Slice(_alsScratch + (3 * n), lines);
        Span<double> areas = scratch.Slice(_alsScratch + (3 * n) + lines, lines);

        _baseline.Subtract(spectrum, corrected, als);

        double sigma = NoiseSigma(corrected, work);
        double level = 0;
        foreach (double v in spectrum)
        {
            level = Math.Max(level, Math.Abs(v));
        }

        if (sigma <= RelativeNoiseFloor * level)
        {
            sigma = 0; // rounding residue of a constant (dead or saturated) readout, not noise
        }

        corrected.CopyTo(work);
        work.Sort();
        double median = Median(work);
        int emission = 0;
        if (sigma > 0)
        {
            double threshold = median + (_emissionThresholdSigma * sigma);
            for (int i = 0; i < n; i++)
            {
                emission += corrected[i] > threshold ? 1 : 0;
            }
        }

        if (emission < _minEmissionChannels)
        {
            diagnostics = new LibsExtractionDiagnostics(LibsRejectReason.NoPlasma, sigma, emission, 0);
            return false;
        }

        _lines.Measure(corrected, heights, areas);
        double lineSignal = 0;
        foreach (double h in heights)
        {
            lineSignal += Math.Max(h, 0);
        }

        double lineSignalToNoise = lineSignal / sigma;
        _lines.AggregateByElement(_kind == LineFeatureKind.Height ? heights : areas, features);
        if (lineSignalToNoise < _minLineSignalToNoise)
        {
            diagnostics = new LibsExtractionDiagnostics(LibsRejectReason.WeakLineSignal, sigma, emission, lineSignalToNoise);
            return false;
        }

        diagnostics = new LibsExtractionDiagnostics(LibsRejectReason.None, sigma, emission, lineSignalToNoise);
        return true;
    }

    /// <summary>σ from the median absolute first difference (see the type remarks); <paramref name="work"/> holds n values.</summary>
    private static double NoiseSigma(ReadOnlySpan<double> corrected, Span<double> work)
    {
        int m = corrected.Length - 1;
        Span<double> differences = work[..m];
        double sumSquares = 0;
        for (int i = 0; i < m; i++)
        {
            double d = corrected[i + 1] - corrected[i];
            differences[i] = Math.Abs(d);
            sumSquares += d * d;
        }

        differences.Sort();
        double mad = Median(differences);
        return mad > 0 ? MadToSigma * mad / Math.Sqrt(2) : Math.Sqrt(sumSquares / m) / Math.Sqrt(2);
    }

    private static double Median(ReadOnlySpan<double> sorted)
    {
        int half = sorted.Length / 2;
        return (sorted.Length & 1) == 1 ? sorted[half] : 0.5 * (sorted[half - 1] + sorted[half]);
    }
}

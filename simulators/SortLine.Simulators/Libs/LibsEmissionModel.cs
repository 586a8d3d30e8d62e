using SortLine.Simulators.Belt;
using SortLine.Simulators.Internal;

namespace SortLine.Simulators.Libs;

/// <summary>
/// Precomputed LIBS spectra: per scene material the emission-line spectrum of one nominal shot (pseudo-Voigt lines of
/// its elements, weighted by mass fraction × element response × relative intensity), a continuum shape and the
/// per-channel baseline. A shot is then a weighted sum of a few templates plus noise: no per-shot line evaluation.
/// </summary>
/// <remarks>Immutable; <see cref="Render"/> is allocation-free and thread-safe (the random generator is the caller's).</remarks>
internal sealed class LibsEmissionModel
{
    /// <summary>hc/k in nm·K (second radiation constant).</summary>
    private const double SecondRadiationConstantNmK = 1.438777e7;

    /// <summary>Lines are evaluated within this many FWHM of their centre (the Lorentzian wing there is below 2e-4 of the peak).</summary>
    private const double ProfileWindowFwhm = 40;

    private readonly float[][] _templates;
    private readonly float[] _continuum;
    private readonly float[] _baseline;
    private readonly SimulatedLibsSpectrometerOptions _options;

    public LibsEmissionModel(SimulatedLibsSpectrometerOptions options, LibsLineTable lines, BeltScene scene)
    {
        _options = options;
        var wavelengths = new List<double>();
        var starts = new List<int>();
        var baseline = new List<float>();
        foreach (LibsSegment s in options.Segments)
        {
            starts.Add(wavelengths.Count);
            for (int c = 0; c < s.Channels; c++)
            {
                wavelengths.Add(s.StartNm + ((s.EndNm - s.StartNm) * c / (s.Channels - 1)));
                baseline.Add((float)s.BaselineCounts);
            }
        }

        Wavelengths = [.. wavelengths];
        SegmentStarts = [.. starts];
        _baseline = [.. baseline];

        _continuum = new float[Wavelengths.Length];
        double peak = 0;
        for (int c = 0; c < Wavelengths.Length; c++)
        {
            double lambda = Wavelengths[c];
            double value = Math.Exp(-SecondRadiationConstantNmK / (lambda * options.PlasmaTemperatureKelvin)) / (lambda * lambda);
            _continuum[c] = (float)value;
            peak = Math.Max(peak, value);
        }

        for (int c = 0; c < _continuum.Length; c++)
        {
            _continuum[c] = (float)(_continuum[c] / peak * options.ContinuumCounts);
        }

        _templates = new float[scene.MaterialCount][];
        for (int m = 0; m < scene.MaterialCount; m++)
        {
            _templates[m] = new float[Wavelengths.Length];
            string name = m == scene.BeltMaterial ? BeltScene.BeltMaterialName : scene.MaterialNames[m];
            foreach ((string element, double fraction) in MineralChemistry.Of(name))
            {
                double response = lines.ResponseOf(element) * fraction;
                if (response == 0)
                {
                    continue;
                }

                foreach (LibsEmissionLine line in lines.Lines)
                {
                    if (line.Element == element)
                    {
                        AddLine(_templates[m], line.WavelengthNm, response * line.RelativeIntensity, options.LineFwhmNm);
                    }
                }
            }
        }
    }

    /// <summary>Gets every channel's wavelength, nm (segments in order).</summary>
    public double[] Wavelengths { get; }

    /// <summary>Gets the first channel of each segment.</summary>
    public int[] SegmentStarts { get; }

    /// <summary>Gets the noise-free line spectrum of a material for one nominal shot.</summary>
    public ReadOnlySpan<float> Template(int material) => _templates[material];

    /// <summary>Gets the per-channel baseline (dark offset).</summary>
    public ReadOnlySpan<float> Baseline => _baseline;

    /// <summary>Gets the continuum of one nominal shot.</summary>
    public ReadOnlySpan<float> Continuum => _continuum;

    /// <summary>Renders one shot into <paramref name="spectrum"/>.</summary>
    /// <param name="fractions">Material fractions at the spot (one per scene material).</param>
    /// <param name="misfire">No plasma: baseline and read noise only.</param>
    /// <param name="random">The shot's random generator.</param>
    /// <param name="spectrum">Receives the counts.</param>
    public void Render(ReadOnlySpan<float> fractions, bool misfire, ref SimulationRandom random, Span<float> spectrum)
    {
        double sigma = _options.ShotToShotVariation;
        float plasma = misfire ? 0f : (float)Math.Exp((sigma * random.NextGaussian()) - (0.5 * sigma * sigma));
        spectrum.Clear();
        if (!misfire)
        {
            for (int m = 0; m < fractions.Length; m++)
            {
                float w = fractions[m] * plasma;
                if (w <= 0)
                {
                    continue;
                }

                ReadOnlySpan<float> template = _templates[m];
                for (int c = 0; c < spectrum.Length; c++)
                {
                    spectrum[c] += w * template[c];
                }
            }

            for (int c = 0; c < spectrum.Length; c++)
            {
                spectrum[c] += plasma * _continuum[c];
            }
        }

        float readVariance = (float)(_options.ReadNoiseCounts * _options.ReadNoiseCounts);
        float countsPerPhoton = (float)_options.CountsPerPhoton;
        float max = (float)_options.MaxCounts;
        for (int c = 0; c < spectrum.Length; c++)
        {
            float signal = spectrum[c];
            float noise = MathF.Sqrt(readVariance + (signal * countsPerPhoton)) * (float)random.NextGaussian();
            spectrum[c] = Math.Clamp(_baseline[c] + signal + noise, 0f, max);
        }
    }

    private void AddLine(float[] template, double centre, double height, double fwhm)
    {
        // Segments may overlap in wavelength, so every channel is tested (start-up cost only).
        double half = ProfileWindowFwhm * fwhm;
        for (int c = 0; c < Wavelengths.Length; c++)
        {
            double delta = Wavelengths[c] - centre;
            if (Math.Abs(delta) > half)
            {
                continue;
            }

            double x = delta / fwhm;
            double lorentz = 1 / (1 + (4 * x * x));
            double gauss = Math.Exp(-4 * Math.Log(2) * x * x);
            template[c] += (float)(height * 0.5 * (lorentz + gauss));
        }
    }
}

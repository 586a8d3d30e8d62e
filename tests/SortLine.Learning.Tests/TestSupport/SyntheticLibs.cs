namespace SortLine.Learning.Tests.TestSupport;

/// <summary>
/// Seeded synthetic LIBS spectra: Lorentzian emission lines at the element lines a mineral shows, on a broad plasma
/// continuum and a dark offset, with Gaussian read noise. Belt ("background") shots show lines of elements outside the
/// teacher's table (H, C, N, Ca), misfires show no emission at all.
/// </summary>
internal sealed class SyntheticLibs
{
    public const double NoiseSigma = 5.0;
    public const double LineAmplitude = 1500.0;   // 300 σ peak for relative strength 1
    public const double LineHalfWidthNm = 0.08;    // Lorentzian half width at half maximum

    public static readonly string[] MineralNames = ["lepidolite", "albite", "quartz", "muscovite", "background"];

    private static readonly Dictionary<string, double[]> Lines = new()
    {
        ["Al"] = [237.23, 308.17, 309.25],
        ["K"] = [693.80, 766.40, 769.81],
        ["Li"] = [610.22, 670.76, 812.56],
        ["Na"] = [568.77, 588.95, 819.40],
        ["Si"] = [288.16, 251.59, 252.82],
        ["Rb"] = [779.94, 794.58],
        ["belt"] = [656.28, 247.86, 393.37, 396.85, 746.83],   // H, C, Ca II, Ca II, N: not in the teacher's table
    };

    /// <summary>Relative element strengths per mineral (index = class of <see cref="MineralNames"/>).</summary>
    private static readonly Dictionary<string, double>[] Composition =
    [
        new() { ["Li"] = 1.0, ["Rb"] = 0.5, ["K"] = 0.6, ["Al"] = 0.8, ["Si"] = 1.0 },
        new() { ["Na"] = 1.0, ["Al"] = 0.7, ["Si"] = 1.0 },
        new() { ["Si"] = 1.2 },
        new() { ["K"] = 1.0, ["Al"] = 1.0, ["Si"] = 0.9 },
        new() { ["belt"] = 0.6 },
    ];

    private readonly Random _random;

    public SyntheticLibs(int seed, double startNm = 200.0, double endNm = 900.0, double stepNm = 0.1)
    {
        _random = new Random(seed);
        int n = (int)Math.Round((endNm - startNm) / stepNm) + 1;
        Wavelengths = new double[n];
        for (int i = 0; i < n; i++)
        {
            Wavelengths[i] = startNm + (i * stepNm);
        }
    }

    public double[] Wavelengths { get; }

    /// <summary>A shot on a pure mineral (class index), with shot-to-shot plasma variation.</summary>
    public double[] Shot(int mineral) => Mixed(mineral, mineral, 1.0);

    /// <summary>A shot on a boundary: <paramref name="fraction"/> of mineral a, the rest mineral b.</summary>
    public double[] Mixed(int a, int b, double fraction)
    {
        double plasma = 0.6 + (0.8 * _random.NextDouble());
        var y = Continuum(plasma);
        AddComposition(y, Composition[a], plasma * fraction);
        if (fraction < 1)
        {
            AddComposition(y, Composition[b], plasma * (1 - fraction));
        }

        AddNoise(y);
        return y;
    }

    /// <summary>A misfire: dark offset and noise only.</summary>
    public double[] Misfire()
    {
        var y = new double[Wavelengths.Length];
        Array.Fill(y, 100.0);
        AddNoise(y);
        return y;
    }

    private double[] Continuum(double plasma)
    {
        var y = new double[Wavelengths.Length];
        for (int i = 0; i < y.Length; i++)
        {
            double t = (Wavelengths[i] - 450.0) / 250.0;
            y[i] = 100.0 + (plasma * 800.0 * Math.Exp(-0.5 * t * t));
        }

        return y;
    }

    private void AddComposition(double[] y, Dictionary<string, double> composition, double plasma)
    {
        foreach ((string element, double strength) in composition)
        {
            double jitter = 0.85 + (0.3 * _random.NextDouble());
            foreach (double centre in Lines[element])
            {
                AddLorentzian(y, centre, LineAmplitude * strength * plasma * jitter);
            }
        }
    }

    private void AddLorentzian(double[] y, double centre, double amplitude)
    {
        double g2 = LineHalfWidthNm * LineHalfWidthNm;
        for (int i = 0; i < y.Length; i++)
        {
            double dx = Wavelengths[i] - centre;
            if (Math.Abs(dx) < 20)
            {
                y[i] += amplitude * g2 / ((dx * dx) + g2);
            }
        }
    }

    private void AddNoise(double[] y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
            y[i] += NoiseSigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}

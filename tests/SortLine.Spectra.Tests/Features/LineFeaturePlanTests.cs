using SortLine.Spectra.Features;

namespace SortLine.Spectra.Tests.Features;

public sealed class LineFeaturePlanTests
{
    /// <summary>
    /// Golden: an independent numpy implementation of the same definition on the real ChemCam spectrum (all default lines
    /// except Al 237.23, which ChemCam does not cover). Tolerance 1e-9 relative, plus 1e-12 of max |y| absolute for the
    /// exact zeros.
    /// </summary>
    [Theory]
    [InlineData("features_chemcam_hw05_e1")]
    [InlineData("features_chemcam_hw08_e2")]
    public void Measure_ChemCamSpectrum_MatchesNumpyReference(string name)
    {
        var (wavelengths, spectrum) = ReadChemCam();
        var meta = GoldenFile.ReadJson("libsgeo/features_cases.json").GetProperty(name);
        var (expected, rows, _) = GoldenFile.ReadMatrix($"libsgeo/{name}.csv");
        var (expectedElements, elementRows, _) = GoldenFile.ReadMatrix($"libsgeo/{name}_elements.csv");
        var lines = ElementLineTable.Default.Where(l => l.WavelengthNm > 240.0).ToArray();
        var plan = new LineFeaturePlan(wavelengths, lines, meta.GetProperty("half_window_nm").GetDouble(), meta.GetProperty("edge_samples").GetInt32());
        var heights = new double[plan.Lines.Count];
        var areas = new double[plan.Lines.Count];
        var elementHeights = new double[plan.Elements.Count];
        var elementAreas = new double[plan.Elements.Count];

        plan.Measure(spectrum, heights, areas);
        plan.AggregateByElement(heights, elementHeights);
        plan.AggregateByElement(areas, elementAreas);

        double abs = 1e-12 * spectrum.Max(Math.Abs);
        Assert.Equal(rows, lines.Length);
        Assert.Equal(Enumerable.Range(0, rows).Select(r => expected[3 * r]), lines.Select(l => l.WavelengthNm));
        Tolerance.AssertClose(Enumerable.Range(0, rows).Select(r => expected[(3 * r) + 1]).ToArray(), heights, 1e-9, abs, "heights");
        Tolerance.AssertClose(Enumerable.Range(0, rows).Select(r => expected[(3 * r) + 2]).ToArray(), areas, 1e-9, abs, "areas");
        Assert.Equal(meta.GetProperty("element_order").EnumerateArray().Select(e => e.GetString()), plan.Elements);
        Tolerance.AssertClose(Enumerable.Range(0, elementRows).Select(r => expectedElements[2 * r]).ToArray(), elementHeights, 1e-9, abs, "element heights");
        Tolerance.AssertClose(Enumerable.Range(0, elementRows).Select(r => expectedElements[(2 * r) + 1]).ToArray(), elementAreas, 1e-9, abs, "element areas");
    }

    /// <summary>
    /// A Lorentzian A γ² / ((λ − λ₀)² + γ²) on a sloped background, sampled every 1 pm with channels symmetric about λ₀.
    /// With m = 1 the baseline passes through the edge channels, where the Lorentzian tails are equal, so analytically
    /// height = L(λ₀) − L(edge) and area = Aγ [atan(u) − atan(−u)] − (x_r − x_l) L(edge), u = (x_r − λ₀)/γ.
    /// Tolerance 1e-4 relative: the trapezoid rule's error for a 1 pm step on γ = 50 pm.
    /// </summary>
    [Theory]
    [InlineData(1000.0, 0.05, 0.5)]
    [InlineData(250.0, 0.08, 0.4)]
    [InlineData(5e9, 0.03, 0.3)]
    public void Measure_SyntheticLorentzian_MatchesAnalyticHeightAndArea(double amplitude, double gamma, double halfWindow)
    {
        const double centre = 610.0, step = 0.001;
        int n = 20001; // 600 .. 620 nm, λ₀ on channel 10000
        var wavelengths = Enumerable.Range(0, n).Select(i => 600.0 + (i * step)).ToArray();
        double Lorentz(double x) => amplitude * gamma * gamma / (((x - centre) * (x - centre)) + (gamma * gamma));
        var spectrum = wavelengths.Select(x => 40.0 + (3.0 * (x - 600.0)) + Lorentz(x)).ToArray();
        var plan = new LineFeaturePlan(wavelengths, [new ElementLine("Li", centre)], halfWindow);
        var heights = new double[1];
        var areas = new double[1];

        plan.Measure(spectrum, heights, areas);

        double xl = wavelengths.First(x => x >= centre - halfWindow), xr = wavelengths.Last(x => x <= centre + halfWindow);
        double tail = 0.5 * (Lorentz(xl) + Lorentz(xr));
        double expectedHeight = amplitude - tail;
        double expectedArea = (amplitude * gamma * (Math.Atan((xr - centre) / gamma) - Math.Atan((xl - centre) / gamma))) - ((xr - xl) * tail);
        Assert.Equal(expectedHeight, heights[0], expectedHeight * 1e-9);
        Assert.Equal(expectedArea, areas[0], expectedArea * 1e-4);
    }

    [Fact]
    public void AggregateByElement_TwoElements_SumsTheirLines()
    {
        var wavelengths = Enumerable.Range(0, 1000).Select(i => 500.0 + (0.1 * i)).ToArray();
        var plan = new LineFeaturePlan(wavelengths, [new("K", 520), new("Na", 530), new("K", 540), new("K", 550)]);
        var totals = new double[2];

        plan.AggregateByElement([1.0, 10.0, 2.0, 4.0], totals);

        Assert.Equal(["K", "Na"], plan.Elements);
        Assert.Equal([7.0, 10.0], totals);
    }

    [Fact]
    public void Constructor_DefaultTableOnChemCam_ThrowsNamingAl237()
    {
        var (wavelengths, _) = ReadChemCam();

        var ex = Assert.Throws<ArgumentException>(() => new LineFeaturePlan(wavelengths, ElementLineTable.Default));

        Assert.Equal("lines", ex.ParamName);
        Assert.Contains("Al 237.23", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_LineInGapBetweenSpectrometers_ThrowsNamingLine()
    {
        var (wavelengths, _) = ReadChemCam(); // ChemCam UV ends at 340.80 nm, VIO starts at 382.14 nm

        var ex = Assert.Throws<ArgumentException>(() => new LineFeaturePlan(wavelengths, [new ElementLine("Ca", 360.0)]));

        Assert.Contains("Ca 360", ex.Message, StringComparison.Ordinal);
        Assert.Contains("gap", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverlappingStitchedSpectrometers_ThrowsNotIncreasing()
    {
        double[] first = Enumerable.Range(0, 100).Select(i => 300.0 + (0.1 * i)).ToArray();   // 300 .. 309.9
        double[] second = Enumerable.Range(0, 100).Select(i => 309.5 + (0.1 * i)).ToArray();  // overlaps 309.5 .. 309.9
        double[] stitched = [.. first, .. second];

        var ex = Assert.Throws<ArgumentException>(() => new LineFeaturePlan(stitched, [new ElementLine("Al", 308.17)]));

        Assert.Equal("channelWavelengthsNm", ex.ParamName);
        Assert.Contains("strictly increasing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WindowWithTooFewChannels_Throws()
    {
        double[] wavelengths = Enumerable.Range(0, 100).Select(i => 300.0 + i).ToArray(); // 1 nm spacing

        var ex = Assert.Throws<ArgumentException>(() => new LineFeaturePlan(wavelengths, [new ElementLine("Al", 350.2)], halfWindowNm: 0.9));

        Assert.Contains("Al 350.2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_InvalidHalfWindow_Throws(double halfWindow)
    {
        double[] wavelengths = Enumerable.Range(0, 100).Select(i => 300.0 + i).ToArray();

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new LineFeaturePlan(wavelengths, [new ElementLine("Al", 350)], halfWindow));

        Assert.Equal("halfWindowNm", ex.ParamName);
    }

    [Fact]
    public void Measure_WrongLengths_Throw()
    {
        double[] wavelengths = Enumerable.Range(0, 100).Select(i => 300.0 + (0.1 * i)).ToArray();
        var plan = new LineFeaturePlan(wavelengths, [new ElementLine("Al", 305)]);

        Assert.Throws<ArgumentException>(() => plan.Measure(new double[99], new double[1], new double[1]));
        Assert.Throws<ArgumentException>(() => plan.Measure(new double[100], new double[2], new double[1]));
    }

    [Fact]
    public void Measure_NaNInsideWindow_ThrowsNamingSpectrum()
    {
        double[] wavelengths = Enumerable.Range(0, 100).Select(i => 300.0 + (0.1 * i)).ToArray();
        var plan = new LineFeaturePlan(wavelengths, [new ElementLine("Al", 305)]);
        var spectrum = new double[100];
        spectrum[50] = double.NaN;

        var ex = Assert.Throws<ArgumentException>(() => plan.Measure(spectrum, new double[1], new double[1]));

        Assert.Equal("spectrum", ex.ParamName);
    }

    private static (double[] Wavelengths, double[] Spectrum) ReadChemCam()
    {
        var (data, rows, columns) = GoldenFile.ReadMatrix("libsgeo/als_chemcam.csv");
        Assert.Equal(2, columns);
        var spectrum = Enumerable.Range(0, rows).Select(r => data[2 * r]).ToArray();
        var wl = GoldenFile.ReadVector("libsgeo/chemcam_wavelength_nm.csv");
        return (wl, spectrum);
    }
}

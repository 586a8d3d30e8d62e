using SortLine.Learning.Teacher;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Spectra.Features;
using SortLine.Testing;

namespace SortLine.Learning.Tests.Teacher;

public class LibsFeatureExtractorTests
{
    [Fact]
    public void Constructor_DefaultTable_UsesSixElementsInBriefOrder()
    {
        var libs = new SyntheticLibs(1);

        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        Assert.Equal(["Al", "K", "Li", "Na", "Si", "Rb"], extractor.Elements);
        Assert.Equal(17, extractor.Lines.Count);
        Assert.Empty(extractor.DroppedLines);
    }

    [Theory]
    [InlineData(0, new[] { "Li", "Rb", "K", "Al", "Si" })]
    [InlineData(1, new[] { "Na", "Al", "Si" })]
    [InlineData(2, new[] { "Si" })]
    [InlineData(3, new[] { "K", "Al", "Si" })]
    [InlineData(4, new string[0])]
    public void TryExtract_PureMineral_ShowsExactlyItsElements(int mineral, string[] shown)
    {
        var libs = new SyntheticLibs(10 + mineral);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        var features = new double[extractor.FeatureCount];

        bool accepted = extractor.TryExtract(libs.Shot(mineral), features, extractor.CreateScratch(), out var diagnostics);

        Assert.True(accepted, diagnostics.ToString());
        double sigma = diagnostics.NoiseSigma;
        for (int j = 0; j < features.Length; j++)
        {
            // Present: each line ≥ ~0.3 x 1500 x 0.6 x 0.85 counts above baseline, three lines summed; absent: noise only.
            bool present = shown.Contains(extractor.Elements[j]);
            if (present)
            {
                Assert.True(features[j] > 50 * sigma, $"{extractor.Elements[j]} = {features[j]} (σ = {sigma})");
            }
            else
            {
                Assert.True(Math.Abs(features[j]) < 15 * sigma, $"{extractor.Elements[j]} = {features[j]} (σ = {sigma})");
            }
        }
    }

    [Fact]
    public void TryExtract_Noise_EstimatesTheNoiseSigma()
    {
        var libs = new SyntheticLibs(3);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        extractor.TryExtract(libs.Shot(0), new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.InRange(diagnostics.NoiseSigma, 0.9 * SyntheticLibs.NoiseSigma, 1.1 * SyntheticLibs.NoiseSigma);
    }

    [Fact]
    public void TryExtract_Misfire_RejectedAsNoPlasma()
    {
        var libs = new SyntheticLibs(4);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        bool accepted = extractor.TryExtract(libs.Misfire(), new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.False(accepted);
        Assert.Equal(LibsRejectReason.NoPlasma, diagnostics.Reason);
        Assert.True(diagnostics.EmissionChannels < 5);
    }

    [Fact]
    public void TryExtract_MisfireWithCosmicRay_StillNoPlasma()
    {
        var libs = new SyntheticLibs(5);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        double[] y = libs.Misfire();
        y[1234] += 5000; // one hot channel, far above the noise

        bool accepted = extractor.TryExtract(y, new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.False(accepted);
        Assert.Equal(LibsRejectReason.NoPlasma, diagnostics.Reason);
    }

    [Fact]
    public void TryExtract_ConstantSpectrum_NoPlasma()
    {
        var libs = new SyntheticLibs(6);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        var y = new double[libs.Wavelengths.Length];
        Array.Fill(y, 4095.0);

        bool accepted = extractor.TryExtract(y, new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.False(accepted);
        Assert.Equal(LibsRejectReason.NoPlasma, diagnostics.Reason);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void TryExtract_NonFiniteChannel_RejectedAsNonFinite(double bad)
    {
        var libs = new SyntheticLibs(7);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        float[] y = Array.ConvertAll(libs.Shot(0), v => (float)v);
        y[77] = (float)bad;

        bool accepted = extractor.TryExtract(y, new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.False(accepted);
        Assert.Equal(LibsRejectReason.NonFinite, diagnostics.Reason);
    }

    [Fact]
    public void TryExtract_BeltPlasmaWithLineSignalRequired_RejectedAsWeakLineSignal()
    {
        var libs = new SyntheticLibs(8);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths, new TeacherOptions { MinLineSignalToNoise = 200 });

        bool accepted = extractor.TryExtract(libs.Shot(4), new double[extractor.FeatureCount], extractor.CreateScratch(), out var diagnostics);

        Assert.False(accepted);
        Assert.Equal(LibsRejectReason.WeakLineSignal, diagnostics.Reason);
        Assert.True(diagnostics.EmissionChannels >= 5);
    }

    [Fact]
    public void TryExtract_FloatAndDoubleInput_GiveTheSameFeatures()
    {
        var libs = new SyntheticLibs(9);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        double[] y = Array.ConvertAll(Array.ConvertAll(libs.Shot(1), v => (float)v), v => (double)v);
        var fromDouble = new double[extractor.FeatureCount];
        var fromFloat = new double[extractor.FeatureCount];

        extractor.TryExtract(y, fromDouble, extractor.CreateScratch(), out _);
        extractor.TryExtract(Array.ConvertAll(y, v => (float)v), fromFloat, extractor.CreateScratch(), out _);

        Assert.Equal(fromDouble, fromFloat);
    }

    [Fact]
    public void TryExtract_AfterWarmUp_AllocatesNothing()
    {
        var libs = new SyntheticLibs(11);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);
        float[] y = Array.ConvertAll(libs.Shot(0), v => (float)v);
        var features = new double[extractor.FeatureCount];
        double[] scratch = extractor.CreateScratch();

        AllocationAssert.NoAllocations(() => extractor.TryExtract(y, features, scratch, out _));
    }

    [Fact]
    public void TryExtract_ShortScratch_Throws()
    {
        var libs = new SyntheticLibs(12);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        var e = Assert.Throws<ArgumentException>(() =>
            extractor.TryExtract(libs.Shot(0), new double[extractor.FeatureCount], new double[extractor.ScratchLength - 1], out _));

        Assert.Equal("scratch", e.ParamName);
    }

    [Fact]
    public void Constructor_LineOutsideRange_DroppedWithReason()
    {
        var libs = new SyntheticLibs(13, startNm: 240.8);

        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        DroppedLine dropped = Assert.Single(extractor.DroppedLines);
        Assert.Equal(new ElementLine("Al", 237.23), dropped.Line);
        Assert.Contains("outside the covered range", dropped.Reason, StringComparison.Ordinal);
        Assert.Equal(16, extractor.Lines.Count);
        Assert.Contains("Al", extractor.Elements); // Al keeps its 308/309 nm lines
    }

    [Fact]
    public void Constructor_LineOutsideRangeAndDropDisabled_Throws()
    {
        var libs = new SyntheticLibs(14, startNm: 240.8);

        var e = Assert.Throws<ArgumentException>(() => new LibsFeatureExtractor(libs.Wavelengths, new TeacherOptions { DropUncoveredLines = false }));

        Assert.Contains("237.23", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ElementWithAllLinesOutside_IsNotAFeature()
    {
        var libs = new SyntheticLibs(15, startNm: 500, endNm: 900);

        var extractor = new LibsFeatureExtractor(libs.Wavelengths);

        Assert.Equal(["K", "Li", "Na", "Rb"], extractor.Elements);
        Assert.Equal(6, extractor.DroppedLines.Count); // Al x3, Si x3
    }

    [Fact]
    public void Constructor_NoLineCovered_Throws()
    {
        var wavelengths = Enumerable.Range(0, 1000).Select(i => 1000.0 + i).ToArray();

        Assert.Throws<ArgumentException>(() => new LibsFeatureExtractor(wavelengths));
    }

    [Fact]
    public void Constructor_NonIncreasingWavelengths_Throws()
    {
        var libs = new SyntheticLibs(16);
        double[] w = (double[])libs.Wavelengths.Clone();
        w[100] = w[99];

        var e = Assert.Throws<ArgumentException>(() => new LibsFeatureExtractor(w));

        Assert.Contains("Channel 100", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chemcam_CL5_398645626_mean.csv", 1)]
    [InlineData("basalt_mean_uv_vis_nir.csv", 0)]
    public void TryExtract_RealSpectrum_AcceptedWithFiniteFeatures(string file, int expectedDropped)
    {
        double[][] columns = RepoData.ReadColumns(Path.Combine("libs", file), 0, 1);
        var extractor = new LibsFeatureExtractor(columns[0]);
        var features = new double[extractor.FeatureCount];

        bool accepted = extractor.TryExtract(columns[1], features, extractor.CreateScratch(), out var diagnostics);

        Assert.True(accepted, diagnostics.ToString());
        Assert.Equal(expectedDropped, extractor.DroppedLines.Count);
        Assert.Equal(6, features.Length);
        Assert.All(features, f => Assert.True(double.IsFinite(f)));
        Assert.True(diagnostics.NoiseSigma > 0);
        // Si and Al are major elements of both targets (basalt, ChemCam calibration target).
        Assert.True(features[extractor.Elements.ToList().IndexOf("Si")] > 10 * diagnostics.NoiseSigma);
        Assert.True(features[extractor.Elements.ToList().IndexOf("Al")] > 10 * diagnostics.NoiseSigma);
    }
}

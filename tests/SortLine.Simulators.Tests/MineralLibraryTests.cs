using SortLine.Simulators.Library;

namespace SortLine.Simulators.Tests;

public sealed class MineralLibraryTests
{
    [Fact]
    public void Load_RepositoryData_HasTheCaseStudyMineralsWithUsgsRange()
    {
        MineralLibrary library = TestData.Library;
        foreach (string mineral in new[] { "Lepidolite", "Albite", "Quartz", "Muscovite" })
        {
            MineralSpectrum s = library.Find(mineral);
            Assert.Equal(2151, s.WavelengthsNm.Count);
            Assert.Equal(350.0, s.WavelengthsNm[0]);
            Assert.Equal(2500.0, s.WavelengthsNm[^1]);
            Assert.All(s.Reflectance, r => Assert.InRange(r, 0, 1.2));
        }
    }

    [Fact]
    public void Resample_UsgsSpectrum_KeepsKnownAbsorptionFeatures()
    {
        // Muscovite's Al-OH absorption near 2200 nm: reflectance there is below its 2100 nm shoulder.
        double[] centres = [2100, 2200];
        double[] fwhm = [5.6, 5.6];
        float[] r = MaterialSpectra.Resample(TestData.Library.Find("Muscovite"), centres, fwhm);
        Assert.True(r[1] < r[0] - 0.05, $"2100 nm {r[0]}, 2200 nm {r[1]}");
    }

    [Fact]
    public void Load_MissingFolder_NamesThePath()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sortline-missing-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<FileNotFoundException>(() => MineralLibrary.Load(folder));
        Assert.Contains(folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MalformedSpectrum_NamesFileAndLine()
    {
        string folder = Path.Combine(Path.GetTempPath(), "sortline-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "swir-library"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "swir-library", "index.csv"), "file,mineral\nx.csv,Quartz\n");
            File.WriteAllText(Path.Combine(folder, "swir-library", "x.csv"), "wavelength_nm,reflectance,fwhm_nm\n350,0.5,1\n351,abc,1\n");
            var error = Assert.Throws<InvalidDataException>(() => MineralLibrary.Load(folder));
            Assert.Contains("x.csv' line 3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Find_UnknownMineral_ListsAvailable()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => TestData.Library.Find("Unobtainium"));
        Assert.Contains("Quartz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_ExplicitMissingPath_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Locate("/nonexistent/sortline/data"));
    }
}

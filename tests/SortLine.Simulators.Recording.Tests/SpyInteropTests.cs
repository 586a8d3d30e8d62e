using System.Diagnostics;
using System.Globalization;
using SortLine.Sensors.Swir;
using SortLine.Simulators.Recording.Envi;

namespace SortLine.Simulators.Recording.Tests;

/// <summary>
/// Interoperability with SPy (Spectral Python, the reference ENVI implementation in Debian): SPy must read our
/// recordings value for value, and we must read what SPy writes.
/// </summary>
public sealed class SpyInteropTests
{
    private const string ReadScript = """
        import sys
        import numpy as np
        import spectral
        img = spectral.open_image(sys.argv[1])
        a = np.asarray(img.read_subregion((0, img.nrows), (0, img.ncols)))
        print("shape", *a.shape)
        print("dtype", a.dtype.name)
        print("interleave", img.metadata["interleave"])
        print("state", img.metadata["sortline state"])
        print("units", img.bands.band_unit)
        print("wavelength", *[repr(float(x)) for x in img.bands.centers])
        print("fwhm", *[repr(float(x)) for x in img.bands.bandwidths])
        print("values", *a.ravel().tolist())
        """;

    private const string WriteScript = """
        import sys
        import numpy as np
        import spectral.io.envi as envi
        out = sys.argv[1]
        L, S, B = 6, 5, 4
        l, s, b = np.meshgrid(np.arange(L), np.arange(S), np.arange(B), indexing="ij")
        base = l * 100 + s * 10 + b
        arrays = {"int16": (base - 500).astype(np.int16), "uint16": (base + 60000).astype(np.uint16), "float32": (base / 4.0 - 3).astype(np.float32)}
        for dtype, arr in arrays.items():
            for interleave in ("bsq", "bil", "bip"):
                for order in (0, 1):
                    name = "%s/spy_%s_%s_%d.hdr" % (out, dtype, interleave, order)
                    envi.save_image(name, arr, dtype=arr.dtype, interleave=interleave, byteorder=order, ext=".img", force=True,
                                    metadata={"wavelength": [1000.0 + 10 * i for i in range(B)]})
        print("ok")
        """;

    private static string RunPython(string script, params string[] args)
    {
        using var dir = new TempDirectory();
        string path = dir.File("script.py");
        File.WriteAllText(path, script);
        var psi = new ProcessStartInfo(SpyFactAttribute.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(path);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python exited with {p.ExitCode}: {stderr.Result}");
        return stdout;
    }

    [SpyFact]
    public void SpyOpenImage_SortLineRecording_ReadsEveryValueWavelengthAndFwhm()
    {
        using var dir = new TempDirectory();
        const int Pixels = 13, Bands = 17, Lines = 7;
        SwirCameraInfo camera = TestData.Camera(Pixels, Bands);
        using (var recorder = EnviSwirRecorder.Create(dir.File("spy"), camera))
        {
            var line = new SwirLine(null, Pixels, Bands);
            for (int i = 0; i < Lines; i++)
            {
                TestData.Fill(line, i, i, i);
                recorder.Append(line);
            }
        }

        Dictionary<string, string[]> output = RunPython(ReadScript, dir.File("spy.hdr"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(t => t[0], t => t[1..]);

        Assert.Equal(["7", "13", "17"], output["shape"]);
        Assert.Equal(["uint16"], output["dtype"]);
        Assert.Equal(["bil"], output["interleave"]);
        Assert.Equal(["closed"], output["state"]);
        Assert.Equal(["Nanometers"], output["units"]);
        Assert.Equal(camera.BandCentersNm, output["wavelength"].Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(camera.BandFwhmNm, output["fwhm"].Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        string[] values = output["values"];
        Assert.Equal(Lines * Pixels * Bands, values.Length);
        int k = 0;
        for (int l = 0; l < Lines; l++)
        {
            for (int s = 0; s < Pixels; s++)
            {
                for (int b = 0; b < Bands; b++)
                {
                    Assert.Equal(TestData.Value(l, s, b), ushort.Parse(values[k++], CultureInfo.InvariantCulture));
                }
            }
        }
    }

    [SpyFact]
    public void OpenImage_FilesWrittenBySpy_ReadEveryLayoutTypeAndByteOrder()
    {
        using var dir = new TempDirectory();
        RunPython(WriteScript, dir.Path);
        string[] headers = Directory.GetFiles(dir.Path, "spy_*.hdr");
        var line = new float[5 * 4];

        Assert.Equal(18, headers.Length);
        foreach (string hdr in headers)
        {
            using EnviImage image = EnviImage.Open(hdr);
            Assert.Equal((5, 6, 4), (image.Samples, image.Lines, image.Bands));
            Assert.Equal([1000.0, 1010.0, 1020.0, 1030.0], image.Header.WavelengthsNm!);
            for (int l = 0; l < 6; l++)
            {
                image.ReadLine(l, line);
                for (int s = 0; s < 5; s++)
                {
                    for (int b = 0; b < 4; b++)
                    {
                        int v = (l * 100) + (s * 10) + b;
                        float expected = image.Header.DataType switch
                        {
                            EnviDataType.Int16 => v - 500,
                            EnviDataType.UInt16 => v + 60000,
                            _ => (v / 4.0f) - 3,
                        };
                        Assert.True(expected == line[(s * 4) + b], $"{Path.GetFileName(hdr)} line {l} sample {s} band {b}: {line[(s * 4) + b]} != {expected}");
                    }
                }
            }
        }
    }
}

using SortLine.Pipeline.Inference;
using SortLine.Sensors;
using SortLine.Sensors.Swir;
using SortLine.Simulators;
using SortLine.Simulators.Swir;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Continuum;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Pipeline.Tests.Inference;

/// <summary>
/// Lines from the seeded simulator (seed 42, burst pacing, stepped encoder): a reflectance calibration from its dark and
/// white reference views, raw belt lines, and a template student whose class k scores the match to material k's
/// hull-quotient spectrum (class 0 = the belt). Built once and shared (read-only) by the tests.
/// </summary>
internal sealed class SimulatedCameraData
{
    private static readonly Lazy<SimulatedCameraData> Shared = new(() => Task.Run(CreateAsync).GetAwaiter().GetResult());

    private SimulatedCameraData(ReflectanceCalibration calibration, double[] wavelengths, List<(SampleStamp Stamp, ushort[] Data)> lines,
        AffineModel model, int[] deadElements)
    {
        Calibration = calibration;
        Wavelengths = wavelengths;
        Lines = lines;
        Model = model;
        DeadElements = deadElements;
    }

    public static SimulatedCameraData Instance => Shared.Value;

    public ReflectanceCalibration Calibration { get; }

    public double[] Wavelengths { get; }

    public List<(SampleStamp Stamp, ushort[] Data)> Lines { get; }

    public AffineModel Model { get; }

    public int[] DeadElements { get; }

    public int Pixels => Calibration.Pixels;

    public int Bands => Calibration.Bands;

    public LineClassifier CreateClassifier(string version = "v1", PixelRejectRule? reject = null, AffineModel? model = null, bool hullQuotient = true) =>
        new(version, Calibration, new SavitzkyGolayPlan(11, 2), hullQuotient ? new HullQuotientPlan(Wavelengths) : null, model ?? Model,
            reject ?? new PixelRejectRule(0));

    private static async Task<SimulatedCameraData> CreateAsync()
    {
        var options = new SimulatedLineOptions { Seed = 42, SteppedEncoder = true };
        await using SimulatedLine line = SimulatedLine.Create(options with
        {
            Camera = options.Camera with { Pacing = SensorPacing.Burst },
            Spectrometer = options.Spectrometer with { Pacing = SensorPacing.Burst, AdvanceSteppedEncoder = false },
        }, TimeProvider.System);
        SimulatedSwirCamera camera = line.Camera;
        int pixels = camera.Info.SpatialPixels;
        int bands = camera.Info.Bands;
        await camera.ConnectAsync(CancellationToken.None);
        var dark = new ReferenceFrameAccumulator(pixels, bands);
        var white = new ReferenceFrameAccumulator(pixels, bands);
        foreach (ushort[] data in await ReadAsync(camera, CameraView.DarkShutter, 16))
        {
            dark.Add(data);
        }

        foreach (ushort[] data in await ReadAsync(camera, CameraView.WhiteReference, 16))
        {
            white.Add(data);
        }

        var calibration = ReflectanceCalibration.Create(dark, white);
        line.Encoder.Advance(5_000);
        await camera.SelectViewAsync(CameraView.Belt, CancellationToken.None);
        var lines = new List<(SampleStamp, ushort[])>();
        await foreach (SwirLine l in camera.ReadLinesAsync(CancellationToken.None))
        {
            lines.Add((l.Stamp, l.Data.ToArray()));
            l.Dispose();
            if (lines.Count == 40)
            {
                break;
            }
        }

        double[] wavelengths = [.. camera.Info.BandCentersNm];
        return new SimulatedCameraData(calibration, wavelengths, lines, TemplateModel(camera, wavelengths), [.. camera.DeadElements]);
    }

    /// <summary>Class 0 = belt, class k ≥ 1 = material k − 1: W_k = (q_k − c) / |q_k − c|², c = mean template, d = 0.5.</summary>
    private static AffineModel TemplateModel(SimulatedSwirCamera camera, double[] wavelengths)
    {
        int materials = camera.Scene.MaterialCount;
        int bands = wavelengths.Length;
        var templates = new double[materials][];
        var plan = new HullQuotientPlan(wavelengths);
        for (int m = 0; m < materials; m++)
        {
            double[] r = Array.ConvertAll(camera.GetMaterialReflectance(m).ToArray(), v => (double)v);
            templates[m] = new double[bands];
            plan.Apply(r, templates[m], new int[bands]);
        }

        var center = new double[bands];
        foreach (double[] t in templates)
        {
            for (int b = 0; b < bands; b++)
            {
                center[b] += t[b] / materials;
            }
        }

        var weights = new double[materials * bands];
        for (int k = 0; k < materials; k++)
        {
            int m = k == 0 ? camera.Scene.BeltMaterial : k - 1;
            double norm = 0;
            for (int b = 0; b < bands; b++)
            {
                norm += (templates[m][b] - center[b]) * (templates[m][b] - center[b]);
            }

            for (int b = 0; b < bands; b++)
            {
                weights[(k * bands) + b] = (templates[m][b] - center[b]) / norm;
            }
        }

        var centerOutput = new double[materials];
        Array.Fill(centerOutput, 0.5);
        return AffineModel.Create(new Spectra.ReadOnlyMatrixSpan<double>(weights, materials, bands), center, centerOutput);
    }

    private static async Task<List<ushort[]>> ReadAsync(SimulatedSwirCamera camera, CameraView view, int count)
    {
        await camera.SelectViewAsync(view, CancellationToken.None);
        var result = new List<ushort[]>();
        await foreach (SwirLine l in camera.ReadLinesAsync(CancellationToken.None))
        {
            result.Add(l.Data.ToArray());
            l.Dispose();
            if (result.Count == count)
            {
                break;
            }
        }

        return result;
    }
}

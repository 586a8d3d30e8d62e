using SortLine.Learning.Models;
using SortLine.Pipeline.Inference;
using SortLine.Sensors;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Simulators;
using SortLine.Simulators.Swir;
using SortLine.Spectra.Continuum;

namespace SortLine.Benchmarks.Pipeline;

/// <summary>
/// Camera lines of the seeded simulated belt (384 px × 288 bands; lepidolite, albite, quartz and muscovite particles on a
/// dark belt), recorded once in burst mode after the service's own calibration (<see cref="CameraCalibration"/>), and a fixed
/// 5-class student (nearest preprocessed library spectrum of the four minerals, plus a "background" class), as a model file
/// would give it (<see cref="StudentModel"/>, turned into the line's <see cref="LineModel"/>).
/// </summary>
internal sealed class SimulatedBeltData
{
    private SimulatedBeltData(SpectralPreprocessing plan, StudentModel student, ushort[][] lines, double encoderCountsPerLine)
    {
        Plan = plan;
        Student = student;
        Lines = lines;
        EncoderCountsPerLine = encoderCountsPerLine;
    }

    /// <summary>Gets the calibration plan (dark and white references from the simulated camera).</summary>
    public SpectralPreprocessing Plan { get; }

    /// <summary>Gets the student model.</summary>
    public StudentModel Student { get; }

    /// <summary>Gets the recorded belt lines (raw DN, pixel-interleaved).</summary>
    public ushort[][] Lines { get; }

    /// <summary>Gets the belt travel per line, encoder counts.</summary>
    public double EncoderCountsPerLine { get; }

    /// <summary>Gets the pixels per line.</summary>
    public int Pixels => Plan.Pixels;

    /// <summary>Gets the student as the line uses it (outputs mapped to the line's classes).</summary>
    public LineModel LineModel => LineModel.FromStudent(Student, LineClasses.Names, lineRejectClass: 5);

    /// <summary>Records <paramref name="count"/> belt lines (the simulator at 670 lines/s, 1.675 m/s: 2.5 mm per line).</summary>
    public static SimulatedBeltData Create(int count) => Task.Run(() => CreateAsync(count)).GetAwaiter().GetResult();

    private static async Task<SimulatedBeltData> CreateAsync(int count)
    {
        const double CountsPerMetre = 10_000, BeltSpeed = 1.675, LineRate = 670;
        var defaults = new SimulatedLineOptions();
        await using SimulatedLine line = SimulatedLine.Create(defaults with
        {
            Seed = 3,
            SteppedEncoder = true,
            Encoder = defaults.Encoder with { CountsPerMetre = CountsPerMetre, BeltSpeedMetresPerSecond = BeltSpeed },
            Camera = defaults.Camera with { Pacing = SensorPacing.Burst, LineRateHz = LineRate },
            Spectrometer = defaults.Spectrometer with { Pacing = SensorPacing.Burst, AdvanceSteppedEncoder = false },
        }, TimeProvider.System);
        await line.Camera.ConnectAsync(CancellationToken.None);
        SpectralPreprocessing plan = await CameraCalibration.CalibrateAsync(line.Camera, new SortingOptions(), connector: null, CancellationToken.None);
        var lines = new ushort[count][];
        int n = 0;
        await foreach (SwirLine l in line.Camera.ReadLinesAsync(CancellationToken.None))
        {
            using (l)
            {
                lines[n] = l.Data.ToArray();
            }

            if (++n == count)
            {
                break;
            }
        }

        return new SimulatedBeltData(plan, CreateStudent(line, plan), lines, CountsPerMetre * BeltSpeed / LineRate);
    }

    private static StudentModel CreateStudent(SimulatedLine line, SpectralPreprocessing plan)
    {
        string[] minerals = ["lepidolite", "albite", "quartz", "muscovite"];
        int bands = plan.Bands;
        var weights = new double[(minerals.Length + 1) * bands];
        var bias = new double[minerals.Length + 1];
        var smoothed = new float[bands];
        var quotient = new float[bands];
        var hull = new int[bands];
        for (int k = 0; k < minerals.Length; k++)
        {
            int material = line.Scene.MaterialNames.ToList().FindIndex(n => string.Equals(n, minerals[k], StringComparison.OrdinalIgnoreCase));
            plan.SavitzkyGolay.Apply(line.Camera.GetMaterialReflectance(material), smoothed);
            HullQuotient.Apply<float>(plan.WavelengthsNm, smoothed, quotient, hull);
            for (int b = 0; b < bands; b++)
            {
                weights[(k * bands) + b] = quotient[b];
                bias[k] -= 0.5 * quotient[b] * quotient[b];
            }
        }

        bias[minerals.Length] = -1e6;
        string hash = new('0', 64);
        var created = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
        return new StudentModel("bench-nearest-mineral", created, null, [.. minerals, LineClasses.Background], new RejectRule(minerals.Length, null, null),
            BandSet.FromCamera(line.Camera.Info),
            new PreprocessingParameters(new ReferenceFrameIdentity(hash, created), new ReferenceFrameIdentity(hash, created), 11, 2, 0, true),
            weights, bias, new TrainingProvenance(1, new TrainingWindow(0, 0, created, created), 1, [], new HeldOutMetrics(0, 1, 1, [1, 1, 1, 1, 1])));
    }
}

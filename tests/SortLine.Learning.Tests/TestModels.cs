using SortLine.Learning.Models;

namespace SortLine.Learning.Tests;

/// <summary>Builds valid student models with seeded random weights for the tests.</summary>
internal static class TestModels
{
    public static readonly string[] ClassNames = ["background", "lepidolite", "albite", "quartz", "muscovite"];

    /// <summary>A camera-like band set: <paramref name="bands"/> centres evenly from 900 to 2500 nm.</summary>
    public static BandSet Bands(int bands = 288, double shiftNm = 0)
    {
        var centers = new double[bands];
        var fwhm = new double[bands];
        double step = bands > 1 ? 1600.0 / (bands - 1) : 1;
        for (int i = 0; i < bands; i++)
        {
            centers[i] = 900 + (i * step) + shiftNm;
            fwhm[i] = 5.5 + (0.001 * i);
        }

        return new BandSet(centers, fwhm);
    }

    public static StudentModel Create(int seed = 1, int bands = 288, string version = "2025-11-23.001", string? parent = "2025-11-20.004",
        string[]? classNames = null)
    {
        classNames ??= ClassNames;
        var random = new Random(seed);
        int classes = classNames.Length;
        var weights = new double[classes * bands];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (random.NextDouble() - 0.5) * 4;
        }

        var bias = new double[classes];
        for (int i = 0; i < classes; i++)
        {
            bias[i] = random.NextDouble() - 0.5;
        }

        var recall = new double[classes];
        for (int i = 0; i < classes; i++)
        {
            recall[i] = 0.8 + (0.2 * random.NextDouble());
        }

        var created = new DateTimeOffset(2025, 11, 23, 10, 15, 30, 123, TimeSpan.Zero).AddTicks(4567);
        return new StudentModel(
            version,
            created,
            parent,
            classNames,
            new RejectRule(0, 0.5, 0.1),
            Bands(bands),
            new PreprocessingParameters(
                ReferenceFrameIdentity.FromFrame([1f, 2f, 3f], created.AddHours(-2)),
                ReferenceFrameIdentity.FromFrame([4000f, 4001f, 4002f], created.AddHours(-2).AddMinutes(1)),
                11, 2, 0, true),
            weights,
            bias,
            new TrainingProvenance(
                12_345,
                new TrainingWindow(1_000_000, 9_000_000, created.AddHours(-1), created.AddMinutes(-5)),
                17,
                [new CrossValidationPoint(1, 0.4), new CrossValidationPoint(5, 0.2), new CrossValidationPoint(17, 0.05), new CrossValidationPoint(20, 0.051)],
                new HeldOutMetrics(2_000, 0.95, 0.93, recall)));
    }
}

using BenchmarkDotNet.Attributes;
using SortLine.Learning.Models;
using SortLine.Learning.Pairing;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;
using SortLine.Learning.Teacher;
using SortLine.Learning.Training;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Spectra;
using SortLine.Spectra.Geometry;
using StoredPair = SortLine.Learning.Training.TrainingPair;

namespace SortLine.Benchmarks.Learning;

/// <summary>
/// One full MSKD retrain cycle as the session's worker runs it: read the newest 20,000 pairs (288 bands, 5 classes) from the
/// training buffer, hold out the newest 20 %, fit the PLS-DA challenger with stratified 5-fold CV over 1-30 components,
/// refit, score champion and challenger on the held-out pairs, write the model file and registry entry, decide.
/// </summary>
/// <remarks>Synthetic pairs: five smooth class spectra (hull-quotient-like, 0.5-1) plus 2 % noise. The first invocation
/// promotes (no champion), later ones are rejected against it; both do the same work.</remarks>
[MemoryDiagnoser]
public class RetrainingBenchmarks
{
    private const int Pairs = 20_000, Bands = 288, Classes = 5;

    private string _root = null!;
    private TrainingBuffer _buffer = null!;
    private MskdSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("sortline-retrain-bench-").FullName;
        _buffer = TrainingBuffer.Open(new TrainingBufferOptions
        {
            Directory = Path.Combine(_root, "buffer"),
            Durability = TrainingBufferDurability.FlushToOperatingSystem,
        });
        var random = new Random(42);
        var spectrum = new float[Bands];
        for (int i = 0; i < Pairs; i++)
        {
            int c = i % Classes;
            for (int b = 0; b < Bands; b++)
            {
                spectrum[b] = 0.75f + (0.2f * MathF.Sin((b + 1) * (c + 1) * 0.02f)) + (0.02f * (float)((random.NextDouble() * 2) - 1));
            }

            _buffer.Append(new StoredPair(spectrum, c, 0.9f, 0.1f, [1f, 0f, 0f, 0f, 0f, 0f], new EncoderPosition(i * 30L),
                DateTimeOffset.UnixEpoch.AddMilliseconds(i * 10), i % 384, i * 7L, false, 1f));
        }

        string registryRoot = Path.Combine(_root, "registry");
        Directory.CreateDirectory(registryRoot);
        string[] elements = ["Al", "K", "Li", "Na", "Si", "Rb"];
        var centroids = new double[Classes * elements.Length];
        for (int c = 0; c < Classes; c++)
        {
            centroids[(c * elements.Length) + c] = 1;
        }

        TeacherModel teacher = TeacherModel.Create(elements, MineralTable.Default.Names, [1, 1, 1, 1, 1, 1],
            new ReadOnlyMatrixSpan<double>(centroids, Classes, elements.Length), [0, 1, 2, 3, 4], 1000, 1);
        File.WriteAllText(Path.Combine(registryRoot, "teacher.json"), teacher.ToJson());

        var centers = new double[Bands];
        var fwhm = new double[Bands];
        for (int b = 0; b < Bands; b++)
        {
            centers[b] = 900 + (b * 1600.0 / (Bands - 1));
            fwhm[b] = 5.57;
        }

        var created = new DateTimeOffset(2025, 11, 23, 0, 0, 0, TimeSpan.Zero);
        var preprocessing = new PreprocessingParameters(ReferenceFrameIdentity.FromFrame([1f], created), ReferenceFrameIdentity.FromFrame([2f], created), 11, 2, 0, true);
        var libs = new LibsSpectrometerInfo("bench", Enumerable.Range(0, 7001).Select(i => 200.0 + (0.1 * i)).ToArray(), [0], 100);
        var registration = LibsToSwirRegistration.FromTransform(SimilarityTransform.Create([1, 0, 0, 1], 1, [0, 0]), 2.6, new EncoderScale(10_000));
        _session = new MskdSession(
            new RetrainingOptions { WindowPairs = Pairs, MinPairs = 1000, MaxComponents = 30, FoldCount = 5, RetrainInterval = TimeSpan.FromDays(7) },
            libs, registration, new SwirLineHistory(16, 384, Bands), _buffer, ModelRegistry.Open(registryRoot), new BandSet(centers, fwhm), preprocessing);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _buffer.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark]
    public RetrainingResult FullRetrain()
    {
        RetrainingResult result = _session.Retrain("benchmark", CancellationToken.None);
        if (result.Outcome is not (RetrainingOutcome.Promoted or RetrainingOutcome.Rejected))
        {
            throw new InvalidOperationException($"{result.Outcome}: {result.Reason}");
        }

        return result;
    }
}

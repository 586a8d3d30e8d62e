using SortLine.Learning.Models;
using SortLine.Learning.Pairing;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;
using SortLine.Learning.Tests.TestSupport;
using SortLine.Learning.Training;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Spectra.Geometry;

namespace SortLine.Learning.Tests.Retraining;

/// <summary>
/// A synthetic line for the session tests: a SWIR history of <see cref="Lines"/> lines × 30 pixels × 16 bands in five
/// stripes of 6 pixels, stripe c showing class c's spectrum (plus 1 % noise); LIBS shots (SyntheticLibs) of class c land on
/// the centre of stripe c. The LIBS frame is the SWIR frame shifted by 25 mm across and 500 mm along (as PairBuilderTests).
/// </summary>
internal sealed class MskdRig : IAsyncDisposable
{
    public const int Pixels = 30, Bands = 16, StripeWidth = 6;
    public const long FirstEncoder = 10_000, CountsPerLine = 20, TravelCounts = 5_000;
    public const double Pitch = 2.5;

    private readonly SyntheticLibs _libs = new(seed: 3);
    private readonly bool _ownsRoot;

    public MskdRig(RetrainingOptions options, TimeProvider time, string? root = null, int lines = 3000, int swapClasses = -1)
    {
        _ownsRoot = root is null;
        Root = root ?? Directory.CreateTempSubdirectory("sortline-mskd-").FullName;
        Lines = lines;
        History = new SwirLineHistory(lines, Pixels, Bands);
        var random = new Random(11);
        var line = new float[Pixels * Bands];
        for (int i = 0; i < lines; i++)
        {
            for (int p = 0; p < Pixels; p++)
            {
                int c = ClassAt(p);
                if (swapClasses >= 0 && i >= swapClasses)
                {
                    c = (c + 1) % 5;
                }

                for (int b = 0; b < Bands; b++)
                {
                    line[(p * Bands) + b] = Shape(c, b) + (float)(0.01 * ((random.NextDouble() * 2) - 1));
                }
            }

            History.Append(line, new SampleStamp(i, new EncoderPosition(FirstEncoder + (i * CountsPerLine)), 1000 + i));
        }

        Buffer = TrainingBuffer.Open(new TrainingBufferOptions { Directory = Path.Combine(Root, "buffer"), Durability = TrainingBufferDurability.FlushToOperatingSystem });
        Registry = ModelRegistry.Open(Path.Combine(Root, "registry"), time);
        Info = new LibsSpectrometerInfo("synthetic", _libs.Wavelengths, [0], 100);
        Session = new MskdSession(options, Info, Registration(), History, Buffer, Registry, TestModels.Bands(Bands), Preprocessing, time);
    }

    public static PreprocessingParameters Preprocessing { get; } = new(
        ReferenceFrameIdentity.FromFrame([1f], new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        ReferenceFrameIdentity.FromFrame([2f], new DateTimeOffset(2025, 1, 1, 0, 1, 0, TimeSpan.Zero)),
        11, 2, 0, true);

    public string Root { get; }

    public int Lines { get; }

    public SwirLineHistory History { get; }

    public TrainingBuffer Buffer { get; }

    public ModelRegistry Registry { get; }

    public LibsSpectrometerInfo Info { get; }

    public MskdSession Session { get; }

    public static int ClassAt(int pixel) => pixel / StripeWidth % 5;

    /// <summary>Class c's SWIR spectrum (clearly different shapes).</summary>
    public static float Shape(int c, int band) => 0.5f + (0.4f * MathF.Sin((band + 1) * (c + 1) * 0.3f));

    public static LibsToSwirRegistration Registration() =>
        LibsToSwirRegistration.FromTransform(SimilarityTransform.Create([1, 0, 0, 1], 1, [25, 500]), Pitch, new EncoderScale(10_000));

    /// <summary>Shot k: class k mod 5 on that class's stripe, on a line spread over the history.</summary>
    public LibsPoint Shot(int k, int? mineral = null)
    {
        int c = mineral ?? (k % 5);
        int line = 5 + (int)((k * 7L) % (Lines - 10));
        double[] spectrum = _libs.Shot(c);
        var point = new LibsPoint(null, spectrum.Length)
        {
            ScanXMm = (((c * StripeWidth) + 3) * Pitch) - 25,
            ScanYMm = 0,
            Stamp = new SampleStamp(k, new EncoderPosition(FirstEncoder + (line * CountsPerLine) + TravelCounts), k),
        };
        for (int i = 0; i < spectrum.Length; i++)
        {
            point.Spectrum[i] = (float)spectrum[i];
        }

        return point;
    }

    /// <summary>Feeds shots [start, start + count) and returns how many were paired.</summary>
    public int Feed(int count, int start = 0)
    {
        int paired = 0;
        for (int k = start; k < start + count; k++)
        {
            paired += Session.AddLibsPoint(Shot(k)) == LibsPointOutcome.Paired ? 1 : 0;
        }

        return paired;
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Buffer.Dispose();
        if (_ownsRoot)
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

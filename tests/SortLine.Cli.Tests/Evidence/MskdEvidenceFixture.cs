using SortLine.Cli.Evidence;

namespace SortLine.Cli.Tests.Evidence;

/// <summary>
/// Runs the simulated-belt evidence once (seed 42, 1,500 lines, LIBS at 400 Hz) for all tests of a class, recording the
/// first 200 held-out raw lines as an ENVI recording for the ONNX proof.
/// </summary>
public sealed class MskdEvidenceFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sortline-evidence-").FullName;

    public MskdEvidenceFixture()
    {
        RecordingHeader = Path.Combine(_directory, "belt.hdr");
        Report = MskdEvidence.RunAsync(
            new MskdEvidenceOptions { Seed = 42, Lines = 1500, RecordingBasePath = Path.Combine(_directory, "belt"), RecordedLines = 200 },
            CancellationToken.None).GetAwaiter().GetResult();
    }

    internal MskdEvidenceReport Report { get; }

    internal string RecordingHeader { get; }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

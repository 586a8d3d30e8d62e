using SortLine.Cli.Evidence;

namespace SortLine.Cli.Tests.Evidence;

/// <summary>Runs the simulated-belt evidence once (seed 42, 1,500 lines, LIBS at 400 Hz) for all tests of the class.</summary>
public sealed class MskdEvidenceFixture
{
    public MskdEvidenceFixture()
    {
        Report = MskdEvidence.RunAsync(new MskdEvidenceOptions { Seed = 42, Lines = 1500 }, CancellationToken.None).GetAwaiter().GetResult();
    }

    internal MskdEvidenceReport Report { get; }
}

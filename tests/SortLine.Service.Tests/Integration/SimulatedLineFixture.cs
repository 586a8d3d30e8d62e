using SortLine.Pipeline.Inference;
using System.Diagnostics;
using SortLine.Service.Line;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Integration;

/// <summary>
/// One service host on the embedded simulated line (seeded), started once for <see cref="SimulatedLineTests"/>: it
/// calibrates, bootstraps the student from LIBS and sorts until <see cref="DecisionTarget"/> particles are decided.
/// </summary>
public sealed class SimulatedLineFixture : IAsyncLifetime
{
    public const long DecisionTarget = 1000;

    public const long WarmUpDecisions = 200;

    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(6);
    private readonly TempDirectory _directory = new();

    internal TestServiceHost Host { get; private set; } = null!;

    internal DecisionJournal Journal => Host.Get<DecisionJournal>();

    public string DecisionLogPath => Path.Combine(_directory.Path, "decisions.log");

    /// <summary>Lines received, lines dropped and elapsed time in steady state, per window of
    /// <see cref="DecisionTarget"/> − <see cref="WarmUpDecisions"/> decisions after the warm-up: up to three windows, until one
    /// loses at most 10 % of its lines (an occasional stall of the whole process on the shared 2-core VM costs a window).</summary>
    public IReadOnlyList<(long Lines, long Dropped, TimeSpan Elapsed)> SortingRuns { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Host = await TestServiceHost.StartAsync(SimulatedLineSettings.Create(DecisionLogPath), useRepositoryConfig: true);
        await Host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);
        await LineObservation.WaitForDecisionsAsync(Journal, WarmUpDecisions, Bound); // JIT tier-up, the bootstrap retrain finishing
        var runs = new List<(long Lines, long Dropped, TimeSpan Elapsed)>();
        for (int window = 0; window < 3 && !runs.Exists(r => r.Dropped <= r.Lines / 10); window++)
        {
            long lines0 = Journal.LinesReceived, dropped0 = Journal.LinesDropped;
            var watch = Stopwatch.StartNew();
            await LineObservation.WaitForDecisionsAsync(Journal, Journal.DecisionCount + (DecisionTarget - WarmUpDecisions), Bound);
            runs.Add((Journal.LinesReceived - lines0, Journal.LinesDropped - dropped0, watch.Elapsed));
        }

        SortingRuns = runs;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }
}

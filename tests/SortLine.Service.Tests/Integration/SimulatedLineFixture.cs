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

    /// <summary>Lines received, lines dropped and elapsed time in steady state: from <see cref="WarmUpDecisions"/> to
    /// <see cref="DecisionTarget"/> decisions, with the load average at its end.</summary>
    public (long Lines, long Dropped, TimeSpan Elapsed, string LoadAverage) SortingRun { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await TestServiceHost.StartAsync(SimulatedLineSettings.Create(DecisionLogPath), useRepositoryConfig: true);
        await Host.Get<ModelSlot>().FirstModel.WaitAsync(Bound);
        await LineObservation.WaitForDecisionsAsync(Journal, WarmUpDecisions, Bound); // JIT tier-up, the bootstrap retrain finishing
        long lines0 = Journal.LinesReceived, dropped0 = Journal.LinesDropped;
        var watch = Stopwatch.StartNew();
        await LineObservation.WaitForDecisionsAsync(Journal, DecisionTarget, Bound);
        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        SortingRun = (Journal.LinesReceived - lines0, Journal.LinesDropped - dropped0, watch.Elapsed, load);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _directory.Dispose();
    }
}

using SortLine.Pipeline;
using SortLine.Pipeline.Particles;
using SortLine.Sensors.Encoder;
using SortLine.Service.Line;

namespace SortLine.Service.Tests.Line;

public sealed class PlcCountersTests
{
    private const int Lepidolite = 1, Albite = 2;
    private readonly DecisionJournal _journal = new();
    private readonly PipelineMetrics _metrics = new();
    private readonly IPipelineCounter _late;
    private readonly PlcCounters _counters;

    public PlcCountersTests()
    {
        // Wired as the host wires it: late decisions are a pipeline counter (exported to Prometheus).
        _late = _metrics.GetCounter(PipelineMetrics.ItemsDropped, "help", "scheduling", "deadline");
        _counters = new PlcCounters(_journal, () => _metrics.Value(PipelineMetrics.ItemsDropped, "scheduling", "deadline"), 6);
    }

    private void Decide(int @class, bool eject, int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            _journal.Record(new ParticleDecision(i, @class, 0.9, eject, 0, 3, new EncoderPosition(0), new EncoderPosition(10), 30,
                ParticleCloseReason.Ended, new EncoderPosition(20), 0));
        }
    }

    [Fact]
    public void Counts_NoReset_TheProcessTotals()
    {
        Decide(Lepidolite, eject: true, count: 3);
        Decide(Albite, eject: false, count: 2);
        _journal.CountDroppedLines(4);
        _late.Add(5);

        Assert.Equal((3UL, 3UL, 2UL, 0UL), (_counters.ParticleCount(Lepidolite), _counters.EjectionCount(Lepidolite), _counters.ParticleCount(Albite), _counters.EjectionCount(Albite)));
        Assert.Equal((4UL, 5UL), (_counters.DroppedLines, _counters.LateDecisions));
    }

    [Fact]
    public void Reset_EveryCounterZeroThenCountsOnlyWhatCameAfter()
    {
        Decide(Lepidolite, eject: true, count: 3);
        Decide(Albite, eject: false, count: 2);
        _journal.CountDroppedLines(4);
        _late.Add(5);

        _counters.Reset();
        ulong[] zeroed = [_counters.ParticleCount(Lepidolite), _counters.EjectionCount(Lepidolite), _counters.ParticleCount(Albite), _counters.DroppedLines, _counters.LateDecisions];
        Decide(Lepidolite, eject: true);
        Decide(Albite, eject: true, count: 2);
        _journal.CountDroppedLines(1);
        _late.Add(2);

        Assert.All(zeroed, c => Assert.Equal(0UL, c));
        Assert.Equal((1UL, 1UL, 2UL, 2UL), (_counters.ParticleCount(Lepidolite), _counters.EjectionCount(Lepidolite), _counters.ParticleCount(Albite), _counters.EjectionCount(Albite)));
        Assert.Equal((1UL, 2UL), (_counters.DroppedLines, _counters.LateDecisions));
        Assert.Equal(1, _counters.Resets);
    }

    [Fact]
    public void Reset_TotalsAndPrometheusCountersUntouched()
    {
        Decide(Lepidolite, eject: true, count: 3);
        _journal.CountDroppedLines(4);
        _late.Add(5);

        _counters.Reset();
        _counters.Reset();

        Assert.Equal((3L, 3L, 4L), (_journal.ParticleCount(Lepidolite), _journal.EjectionCount(Lepidolite), _journal.LinesDropped));
        Assert.Equal(5, _metrics.Value(PipelineMetrics.ItemsDropped, "scheduling", "deadline"));
        Assert.Equal(2, _counters.Resets);
    }

    [Fact]
    public void LateDecisions_SourceBelowTheBaseline_ZeroNeverNegative()
    {
        long late = 10;
        var counters = new PlcCounters(_journal, () => late, 6);
        counters.Reset();

        late = 7; // a source that went backwards (e.g. a restarted stage)

        Assert.Equal(0UL, counters.LateDecisions);
    }

    [Fact]
    public void Constructor_NoClasses_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PlcCounters(_journal, () => 0, 0));
    }
}

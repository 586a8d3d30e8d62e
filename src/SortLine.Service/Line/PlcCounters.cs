namespace SortLine.Service.Line;

/// <summary>
/// The counters the PLC sees (<c>Line/ParticleCount</c>, <c>Line/EjectionCount</c>, <c>Line/DroppedLines</c>,
/// <c>Line/LateDecisions</c>): the process totals minus the totals at the last <see cref="Reset"/>. The totals themselves
/// (the <see cref="DecisionJournal"/> and the Prometheus counters) stay monotonic, as counters must for rate().
/// </summary>
/// <remarks>Thread-safe. A reset takes one snapshot of every total under a lock, so the published counters start from
/// zero together.</remarks>
internal sealed class PlcCounters
{
    private readonly DecisionJournal _journal;
    private readonly Func<long> _lateDecisions;
    private readonly int _classCount;
    private readonly Lock _gate = new();
    private Baseline _baseline;

    /// <summary>Creates the counters over the journal and the late-decision total.</summary>
    /// <param name="journal">Particle, ejection and dropped-line totals.</param>
    /// <param name="lateDecisions">The late-decision total (monotonic).</param>
    /// <param name="classCount">Classes published (ids 0..classCount−1).</param>
    public PlcCounters(DecisionJournal journal, Func<long> lateDecisions, int classCount)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(lateDecisions);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        _journal = journal;
        _lateDecisions = lateDecisions;
        _classCount = classCount;
        _baseline = new Baseline(new long[classCount], new long[classCount], 0, 0);
    }

    /// <summary>Gets how many resets there were.</summary>
    public long Resets { get; private set; }

    /// <summary>Zeroes the published counters.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            long[] particles = new long[_classCount];
            long[] ejections = new long[_classCount];
            for (int c = 0; c < _classCount; c++)
            {
                particles[c] = _journal.ParticleCount(c);
                ejections[c] = _journal.EjectionCount(c);
            }

            _baseline = new Baseline(particles, ejections, _journal.LinesDropped, _lateDecisions());
            Resets++;
        }
    }

    /// <summary>Gets the particles of a class since the last reset.</summary>
    public ulong ParticleCount(int classId) => Since(_journal.ParticleCount(classId), Current.Particles[classId]);

    /// <summary>Gets the ejections of a class since the last reset.</summary>
    public ulong EjectionCount(int classId) => Since(_journal.EjectionCount(classId), Current.Ejections[classId]);

    /// <summary>Gets the dropped camera lines since the last reset.</summary>
    public ulong DroppedLines => Since(_journal.LinesDropped, Current.DroppedLines);

    /// <summary>Gets the late decisions since the last reset.</summary>
    public ulong LateDecisions => Since(_lateDecisions(), Current.LateDecisions);

    private Baseline Current
    {
        get
        {
            lock (_gate)
            {
                return _baseline;
            }
        }
    }

    private static ulong Since(long total, long baseline) => (ulong)Math.Max(0, total - baseline);

    private sealed record Baseline(long[] Particles, long[] Ejections, long DroppedLines, long LateDecisions);
}

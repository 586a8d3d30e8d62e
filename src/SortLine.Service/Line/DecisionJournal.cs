using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Service.Line;

/// <summary>
/// The most recent particle decisions and ejection commands of this process (bounded rings), with totals: what the
/// operator's tools and the integration tests inspect. Thread-safe.
/// </summary>
internal sealed class DecisionJournal
{
    private const int Capacity = 65_536;
    private readonly Lock _gate = new();
    // Full size from the start (about 5 + 4 MB): a queue that grows by doubling reallocates on the line's decision path
    // until it reaches its capacity, some 65,000 decisions into a run.
    private readonly Queue<ParticleDecision> _decisions = new(Capacity);
    private readonly Queue<EjectionCommand> _commands = new(Capacity);
    private readonly long[] _particles = new long[256];
    private readonly long[] _ejections = new long[256];
    private long _decisionCount;
    private long _commandCount;
    private long _linesReceived;
    private long _linesDropped;

    /// <summary>Gets the camera lines that reached the pipeline.</summary>
    public long LinesReceived => Interlocked.Read(ref _linesReceived);

    /// <summary>Gets the camera lines lost before classification (sensor gaps, full edge, deadline).</summary>
    public long LinesDropped => Interlocked.Read(ref _linesDropped);

    /// <summary>Counts received lines.</summary>
    public void CountLines(long count) => Interlocked.Add(ref _linesReceived, count);

    /// <summary>Counts dropped lines.</summary>
    public void CountDroppedLines(long count) => Interlocked.Add(ref _linesDropped, count);

    /// <summary>Gets the particles decided as class <paramref name="classId"/>.</summary>
    public long ParticleCount(int classId) => Interlocked.Read(ref _particles[(byte)classId]);

    /// <summary>Gets the particles of class <paramref name="classId"/> decided for ejection.</summary>
    public long EjectionCount(int classId) => Interlocked.Read(ref _ejections[(byte)classId]);

    /// <summary>Raised (on the pipeline's thread; keep it short) after a decision is recorded.</summary>
    public event Action<long>? DecisionRecorded;

    /// <summary>Gets the total decisions recorded.</summary>
    public long DecisionCount => Interlocked.Read(ref _decisionCount);

    /// <summary>Gets the total commands recorded.</summary>
    public long CommandCount => Interlocked.Read(ref _commandCount);

    /// <summary>Records a decision.</summary>
    public void Record(in ParticleDecision decision)
    {
        long count;
        Interlocked.Increment(ref _particles[(byte)decision.Class]);
        if (decision.Eject)
        {
            Interlocked.Increment(ref _ejections[(byte)decision.Class]);
        }

        lock (_gate)
        {
            if (_decisions.Count == Capacity)
            {
                _decisions.Dequeue();
            }

            _decisions.Enqueue(decision);
            count = ++_decisionCount;
        }

        DecisionRecorded?.Invoke(count);
    }

    /// <summary>Records a command.</summary>
    public void Record(in EjectionCommand command)
    {
        lock (_gate)
        {
            if (_commands.Count == Capacity)
            {
                _commands.Dequeue();
            }

            _commands.Enqueue(command);
            _commandCount++;
        }
    }

    /// <summary>Returns a copy of the recent decisions, oldest first.</summary>
    public IReadOnlyList<ParticleDecision> Decisions()
    {
        lock (_gate)
        {
            return [.. _decisions];
        }
    }

    /// <summary>Returns a copy of the recent commands, oldest first.</summary>
    public IReadOnlyList<EjectionCommand> Commands()
    {
        lock (_gate)
        {
            return [.. _commands];
        }
    }
}

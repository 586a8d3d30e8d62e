using System.Threading.Channels;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Particles;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// The particle stage: tracks particles in the classified lines (<see cref="ParticleTracker"/>) and decides each closed
/// particle (<see cref="ParticleDecider"/>), writing one <see cref="ParticleDecision"/> per decided particle (ejected or
/// not). When the input completes, the particles still open are closed and decided (<see cref="ParticleTracker.Flush"/>).
/// </summary>
/// <remarks>
/// <para><b>Ownership.</b> This stage is the last reader of a <see cref="ClassifiedLine"/>: it disposes every line it
/// reads right after tracking it, and on failure or cancellation disposes the lines left in its input.</para>
/// <para><b>Deadline.</b> Lines are never dropped here for lateness: a missing line would split or shorten particles and
/// so produce wrong decisions. The ejection deadline is enforced where it is known, by the scheduler
/// (<see cref="SchedulingStage"/>) and the fan-out, using the decision's <see cref="ParticleDecision.DecidedAt"/>.</para>
/// <para><b>Counters</b> (<c>stage="particles"</c>): items processed (lines); particles closed by reason
/// (<c>ended</c>, <c>max_length</c>, <c>gap</c>, <c>flush</c>); drops <c>too_small</c> (particles) and <c>overflow</c>
/// (runs not tracked); decisions <c>eject</c>/<c>pass</c>. Line-channel drops are counted by the channel
/// (<see cref="PipelineChannels.CreateLineChannel"/>).</para>
/// </remarks>
public sealed class ParticleStage : PipelineStage<ClassifiedLine, ParticleDecision>
{
    /// <summary>The stage's metrics label.</summary>
    public const string StageName = "particles";

    private readonly ParticleTracker _tracker;
    private readonly ParticleDecider _decider;
    private readonly ParticleDecision[] _decisions;
    private readonly IPipelineCounter _lines;
    private readonly CounterMirror _ended;
    private readonly CounterMirror _maxLength;
    private readonly CounterMirror _gap;
    private readonly CounterMirror _flush;
    private readonly CounterMirror _tooSmall;
    private readonly CounterMirror _overflow;
    private readonly CounterMirror _ejected;
    private readonly CounterMirror _passed;

    /// <summary>Creates the stage.</summary>
    /// <param name="input">Classified lines (see <see cref="PipelineChannels.CreateLineChannel"/>).</param>
    /// <param name="output">Decisions (see <see cref="PipelineChannels.CreateDecisionChannel"/>).</param>
    /// <param name="tracker">The tracker (owned by this stage from now on).</param>
    /// <param name="decider">The decider (owned by this stage from now on).</param>
    /// <param name="metrics">Where the stage counts.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ParticleStage(ChannelReader<ClassifiedLine> input, ChannelWriter<ParticleDecision> output, ParticleTracker tracker,
        ParticleDecider decider, IPipelineMetrics metrics)
        : base(StageName, input, output)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(metrics);
        _tracker = tracker;
        _decider = decider;
        _decisions = new ParticleDecision[tracker.MaxClosedPerCall];
        _lines = metrics.GetCounter(PipelineMetrics.ItemsProcessed, "Items a pipeline stage consumed.", StageName, "");
        const string ClosedHelp = "Particles closed by the tracker.";
        _ended = new(metrics.GetCounter(PipelineMetrics.ParticlesClosed, ClosedHelp, StageName, "ended"));
        _maxLength = new(metrics.GetCounter(PipelineMetrics.ParticlesClosed, ClosedHelp, StageName, "max_length"));
        _gap = new(metrics.GetCounter(PipelineMetrics.ParticlesClosed, ClosedHelp, StageName, "gap"));
        _flush = new(metrics.GetCounter(PipelineMetrics.ParticlesClosed, ClosedHelp, StageName, "flush"));
        const string DroppedHelp = "Items dropped by a pipeline stage or channel.";
        _tooSmall = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.TooSmall));
        _overflow = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Overflow));
        const string DecisionsHelp = "Particle decisions.";
        _ejected = new(metrics.GetCounter(PipelineMetrics.Decisions, DecisionsHelp, StageName, "eject"));
        _passed = new(metrics.GetCounter(PipelineMetrics.Decisions, DecisionsHelp, StageName, "pass"));
    }

    /// <inheritdoc/>
    protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        ParticleDecision[] decisions = _decisions;
        EncoderPosition lastPosition = default;
        bool completed = false;
        using var input = new ChannelReadWaiter<ClassifiedLine>(Input, cancellationToken);
        try
        {
            while (await input.WaitAsync().ConfigureAwait(false) == ChannelWaitResult.Ready)
            {
                while (Input.TryRead(out ClassifiedLine? line))
                {
                    EncoderPosition position = line.Stamp.Encoder;
                    try
                    {
                        _tracker.Track(line.Stamp, line.Classes, line.Confidence);
                    }
                    finally
                    {
                        line.Dispose();
                    }

                    _lines.Add(1);
                    lastPosition = position;
                    int count = Decide(position);
                    for (int i = 0; i < count; i++)
                    {
                        await Output.WriteAsync(decisions[i], cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            completed = true;
            _tracker.Flush();
            int flushed = Decide(lastPosition);
            for (int i = 0; i < flushed; i++)
            {
                await Output.WriteAsync(decisions[i], cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!completed)
            {
                // Aborting: give the lines still queued back to their pool.
                while (Input.TryRead(out ClassifiedLine? left))
                {
                    left.Dispose();
                }
            }
        }
    }

    /// <summary>Decides the particles the tracker just closed into the decision buffer; returns how many were decided.</summary>
    private int Decide(EncoderPosition decidedAt)
    {
        ReadOnlySpan<Particle> closed = _tracker.Closed;
        ParticleDecision[] decisions = _decisions;
        int count = 0;
        foreach (Particle particle in closed)
        {
            if (_decider.TryDecide(particle, decidedAt, out ParticleDecision decision))
            {
                decisions[count++] = decision;
            }
        }

        _ended.Publish(_tracker.ClosedEnded);
        _maxLength.Publish(_tracker.ClosedMaxLength);
        _gap.Publish(_tracker.ClosedGap);
        _flush.Publish(_tracker.ClosedFlush);
        _overflow.Publish(_tracker.OverflowRuns);
        _tooSmall.Publish(_decider.IgnoredTooSmall);
        _ejected.Publish(_decider.Ejected);
        _passed.Publish(_decider.Passed);
        return count;
    }
}

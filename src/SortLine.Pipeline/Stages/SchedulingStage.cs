using System.Threading.Channels;
using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Stages;

/// <summary>
/// The scheduling stage: turns eject decisions into valve commands with an <see cref="EjectionScheduler"/> and
/// writes them in nondecreasing start order.
/// </summary>
/// <remarks>
/// <para>For each decision the stage reads the belt clock (<see cref="IBeltClock.Read"/> with the decision's
/// <see cref="ParticleDecision.DecidedAt"/>), schedules it and releases the pending commands that are due. With a
/// real-time clock it also wakes up by itself (through the <see cref="TimeProvider"/>) when the next pending command
/// falls due, so commands are not held back while no decisions arrive. With a replay clock releases follow the data
/// only, which keeps a replay deterministic. When the input completes, every pending command is flushed.</para>
/// <para><b>Deadline.</b> A decision whose window the belt has already passed, and a pending command found late at
/// release, are dropped and counted (<c>stage="scheduling"</c>, <c>reason="deadline"</c>).</para>
/// <para><b>Counters</b> (<c>stage="scheduling"</c>): items processed (decisions); commands emitted; pulses merged;
/// drops <c>deadline</c>, <c>outside_valves</c>, <c>covered</c> (pulses), <c>overflow</c> (pulses).</para>
/// </remarks>
public sealed class SchedulingStage : PipelineStage<ParticleDecision, EjectionCommand>
{
    /// <summary>The stage's metrics label.</summary>
    public const string StageName = "scheduling";

    private readonly EjectionScheduler _scheduler;
    private readonly IBeltClock _clock;
    private readonly TimeProvider _time;
    private readonly EjectionCommand[] _commands;
    private readonly IPipelineCounter _processed;
    private readonly CounterMirror _emitted;
    private readonly CounterMirror _merged;
    private readonly CounterMirror _late;
    private readonly CounterMirror _outside;
    private readonly CounterMirror _covered;
    private readonly CounterMirror _overflow;

    /// <summary>The data position of the last decision (the replay clock's "now").</summary>
    private EncoderPosition _dataPosition;

    /// <summary>Creates the stage.</summary>
    /// <param name="input">Decisions (see <see cref="PipelineChannels.CreateDecisionChannel"/>).</param>
    /// <param name="output">Commands (see <see cref="PipelineChannels.CreateCommandChannel"/>).</param>
    /// <param name="scheduler">The scheduler (owned by this stage from now on).</param>
    /// <param name="clock">The belt clock.</param>
    /// <param name="time">The time source for release timers (used only with a real-time clock).</param>
    /// <param name="metrics">Where the stage counts.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SchedulingStage(ChannelReader<ParticleDecision> input, ChannelWriter<EjectionCommand> output, EjectionScheduler scheduler,
        IBeltClock clock, TimeProvider time, IPipelineMetrics metrics)
        : base(StageName, input, output)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(metrics);
        _scheduler = scheduler;
        _clock = clock;
        _time = time;
        _commands = new EjectionCommand[scheduler.PendingCapacity];
        _processed = metrics.GetCounter(PipelineMetrics.ItemsProcessed, "Items a pipeline stage consumed.", StageName, "");
        _emitted = new(metrics.GetCounter(PipelineMetrics.CommandsEmitted, "Ejection commands emitted.", StageName, ""));
        _merged = new(metrics.GetCounter(PipelineMetrics.PulsesMerged, "Valve pulses merged into another pulse on the same valve.", StageName, ""));
        const string DroppedHelp = "Items dropped by a pipeline stage or channel.";
        _late = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Deadline));
        _outside = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.OutsideValves));
        _covered = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Covered));
        _overflow = new(metrics.GetCounter(PipelineMetrics.ItemsDropped, DroppedHelp, StageName, DropReasons.Overflow));
    }

    /// <inheritdoc/>
    protected override async Task ProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ScheduleUntilCompletedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An upstream fault: the decisions already scheduled are still valid, so their commands go out before the fault does.
            await ReleaseAsync(_clock.Read(_dataPosition), flush: true, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await ReleaseAsync(_clock.Read(_dataPosition), flush: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task ScheduleUntilCompletedAsync(CancellationToken cancellationToken)
    {
        using var input = new ChannelReadWaiter<ParticleDecision>(Input, cancellationToken, _time);
        while (true)
        {
            if (Input.TryRead(out ParticleDecision decision))
            {
                _processed.Add(1);
                _dataPosition = decision.DecidedAt;
                BeltState belt = _clock.Read(_dataPosition);
                _scheduler.Schedule(decision, belt);
                await ReleaseAsync(belt, flush: false, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_clock.IsRealTime && _scheduler.PendingPulses > 0)
            {
                BeltState belt = _clock.Read(_dataPosition);
                TimeSpan wait = TimeUntilNextRelease(belt);
                if (wait <= TimeSpan.Zero)
                {
                    await ReleaseAsync(belt, flush: false, cancellationToken).ConfigureAwait(false);
                    if (_scheduler.PendingPulses > 0 && TimeUntilNextRelease(_clock.Read(_dataPosition)) <= TimeSpan.Zero)
                    {
                        // Still due after a release: only possible while the belt stands still; wait for input instead of spinning.
                        wait = EncoderBeltClock.MinimumInterval;
                    }
                    else
                    {
                        continue;
                    }
                }

                ChannelWaitResult result = await input.WaitAsync(wait == TimeSpan.MaxValue ? Timeout.InfiniteTimeSpan : wait).ConfigureAwait(false);
                if (result == ChannelWaitResult.Completed)
                {
                    break;
                }

                continue;
            }

            if (await input.WaitAsync().ConfigureAwait(false) == ChannelWaitResult.Completed)
            {
                break;
            }
        }

        await ReleaseAsync(_clock.Read(_dataPosition), flush: true, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask ReleaseAsync(BeltState belt, bool flush, CancellationToken cancellationToken)
    {
        int count = flush ? _scheduler.Flush(belt, _commands) : _scheduler.Release(belt, _commands);
        Publish();
        for (int i = 0; i < count; i++)
        {
            await Output.WriteAsync(_commands[i], cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan TimeUntilNextRelease(BeltState belt)
    {
        if (!_scheduler.TryGetNextRelease(belt.CountsPerSecond, out EncoderPosition due))
        {
            return TimeSpan.MaxValue;
        }

        long counts = due - belt.Position;
        if (counts <= 0)
        {
            return TimeSpan.Zero;
        }

        if (belt.CountsPerSecond <= 0)
        {
            // The belt stands still: nothing falls due until it moves; look again after a while.
            return EncoderBeltClock.MinimumInterval;
        }

        return TimeSpan.FromSeconds(Math.Min(counts / belt.CountsPerSecond, 3600));
    }

    private void Publish()
    {
        _emitted.Publish(_scheduler.CommandsEmitted);
        _merged.Publish(_scheduler.MergedPulses);
        _late.Publish(_scheduler.LateDecisions + _scheduler.LateCommands);
        _outside.Publish(_scheduler.OutsideValves);
        _covered.Publish(_scheduler.CoveredPulses);
        _overflow.Publish(_scheduler.OverflowPulses);
    }
}

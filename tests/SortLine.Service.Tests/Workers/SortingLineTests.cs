using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SortLine.Sensors;
using SortLine.Sensors.Swir;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Service.Workers;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Workers;

/// <summary><see cref="SortingLine"/> over a camera whose stream ends (a replay) and a recording pipeline.</summary>
public sealed class SortingLineTests
{
    private readonly ReplayCamera _camera = new(lines: 7);
    private readonly SensorConnector _connector = new(SensorKind.Swir, NullTelemetry.Instance, new SortingOptions(), TimeProvider.System, NullLogger.Instance);
    private readonly LineStatus _status = new(NullTelemetry.Instance, LineState.Starting);
    private readonly List<RecordingRun> _runs = [];
    private readonly List<LineState> _states = [];
    private readonly SortingLine _line;

    public SortingLineTests()
    {
        _status.Changed += (_, s) =>
        {
            lock (_states)
            {
                _states.Add(s);
            }
        };
        _line = new SortingLine(_camera, _connector, seed =>
        {
            var run = new RecordingRun(seed);
            _runs.Add(run);
            return run;
        }, new CalibrationState(), _status, new DecisionJournal(), NullTelemetry.Instance, NullTelemetry.Instance, TimeSpan.FromSeconds(30), NullLogger.Instance);
    }

    private async Task WaitForAsync(LineState state)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(object? sender, LineState s)
        {
            if (s == state)
            {
                reached.TrySetResult();
            }
        }

        _status.Changed += OnChanged;
        try
        {
            if (_status.State == state)
            {
                return;
            }

            await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            _status.Changed -= OnChanged;
        }
    }

    [Fact]
    public async Task CameraStreamEnds_LineDrainsAndReportsStopped()
    {
        await _connector.ConnectAsync(_camera.ConnectAsync, CancellationToken.None);

        Assert.Equal(ControlOutcome.Done, await _line.StartAsync(CancellationToken.None));
        await WaitForAsync(LineState.Stopped);
        await _line.Feed;

        RecordingRun run = Assert.Single(_runs);
        Assert.Equal(7, run.LinesWritten);
        Assert.True(run.Completed, "the pipeline was drained");
        Assert.True(run.Disposed);
        Assert.False(_line.IsSorting);
        Assert.Equal(SensorState.Disconnected, _connector.State);
        Assert.Equal([LineState.Running, LineState.Stopping, LineState.Stopped], _states);
        Assert.Equal(ControlOutcome.InvalidState, await _line.StopAsync(CancellationToken.None));
        await _line.DisposeAsync();
    }

    [Fact]
    public async Task CameraStreamEnded_StartLine_ReconnectsAndSortsAgainContinuingTheSeed()
    {
        await _connector.ConnectAsync(_camera.ConnectAsync, CancellationToken.None);
        await _line.StartAsync(CancellationToken.None);
        await WaitForAsync(LineState.Stopped);

        Assert.Equal(ControlOutcome.Done, await _line.StartAsync(CancellationToken.None));
        await WaitForAsync(LineState.Stopped);

        Assert.Equal(2, _runs.Count);
        Assert.Equal(_runs[0].Seed, _runs[1].StartedFrom);
        Assert.Equal(2, _camera.Connects);
        Assert.Equal(14, _runs.Sum(r => r.LinesWritten));
        await _line.DisposeAsync();
    }

    [Fact]
    public async Task CameraStallsWhileConnected_TimeoutFaultsTheLineThenReconnectsAndSortingResumes()
    {
        var camera = new StallingCamera(linesBeforeStall: 5, linesAfterReconnect: 4);
        var telemetry = new SensorFaultLog();
        var options = new SortingOptions { CameraReadTimeoutMilliseconds = 50, ReconnectInitialDelayMilliseconds = 1, ReconnectMaxDelayMilliseconds = 1 };
        var connector = new SensorConnector(SensorKind.Swir, telemetry, options, TimeProvider.System, NullLogger.Instance);
        await using var line = new SortingLine(camera, connector, seed =>
        {
            var run = new RecordingRun(seed);
            _runs.Add(run);
            return run;
        }, new CalibrationState(), _status, new DecisionJournal(), NullTelemetry.Instance, NullTelemetry.Instance, TimeSpan.FromSeconds(30), NullLogger.Instance);
        await connector.ConnectAsync(camera.ConnectAsync, CancellationToken.None);

        await line.StartAsync(CancellationToken.None);
        await WaitForAsync(LineState.Stopped); // the second connection's stream ends, which stops the line

        LineState[] states;
        lock (_states)
        {
            states = [.. _states];
        }

        Assert.Equal([LineState.Running, LineState.Faulted, LineState.Running, LineState.Stopping, LineState.Stopped], states);
        Assert.Equal([SensorFaultKind.Timeout], telemetry.Faults);
        Assert.Equal(2, camera.Connects);
        Assert.Equal(9, Assert.Single(_runs).LinesWritten); // every line before the stall and after the reconnect
    }

    /// <summary>A fake camera of two pixels and two bands that counts its connections; subclasses deliver the lines.</summary>
    private abstract class CountingCamera(string model) : ISwirCamera
    {
        private int _connects;

        public int Connects => Volatile.Read(ref _connects);

        public SwirCameraInfo Info { get; } = new(model, 2, [1000.0, 1100.0], [10.0, 10.0], 100, 12);

        public SensorState State => SensorState.Running;

        public long DroppedLines => 0;

        public ValueTask ConnectAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _connects);
            return ValueTask.CompletedTask;
        }

        public ValueTask SelectViewAsync(CameraView view, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public abstract IAsyncEnumerable<SwirLine> ReadLinesAsync(CancellationToken cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A camera replaying a fixed number of lines, then ending its stream without a fault.</summary>
    private sealed class ReplayCamera(int lines) : CountingCamera("replay")
    {
        public override async IAsyncEnumerable<SwirLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (int i = 0; i < lines; i++)
            {
                await Task.Yield();
                yield return new SwirLine(null, 2, 2);
            }
        }
    }

    /// <summary>A camera that hangs (stays connected, delivers nothing) after some lines on its first connection, and after
    /// a reconnect delivers some lines and ends its stream.</summary>
    private sealed class StallingCamera(int linesBeforeStall, int linesAfterReconnect) : CountingCamera("stalling")
    {
        public override async IAsyncEnumerable<SwirLine> ReadLinesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            bool first = Connects == 1;
            for (int i = 0; i < (first ? linesBeforeStall : linesAfterReconnect); i++)
            {
                await Task.Yield();
                var line = new SwirLine(null, 2, 2);
                line.Stamp = new SampleStamp(i, default, i);
                yield return line;
            }

            if (first)
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
        }
    }

    /// <summary>Records the sensor faults counted.</summary>
    private sealed class SensorFaultLog : ISensorTelemetry
    {
        private readonly List<SensorFaultKind> _faults = [];

        public SensorFaultKind[] Faults
        {
            get
            {
                lock (_faults)
                {
                    return [.. _faults];
                }
            }
        }

        public void SetSensorState(SensorKind sensor, SensorState state)
        {
        }

        public void SensorFault(SensorKind sensor, SensorFaultKind kind)
        {
            lock (_faults)
            {
                _faults.Add(kind);
            }
        }

        public void SetSwirNominalLineRate(double linesPerSecond)
        {
        }

        public void LibsPointsReceived(int count)
        {
        }

        public void LibsMisfires(int count)
        {
        }
    }

    /// <summary>A pipeline that records the lines written to it and whether it was drained.</summary>
    private sealed class RecordingRun(SortLine.Service.Workers.PipelineSeed seed) : ISortingRun
    {
        private readonly Channel<SwirLine> _input = Channel.CreateUnbounded<SwirLine>();

        public SortLine.Service.Workers.PipelineSeed StartedFrom { get; } = seed;

        public int LinesWritten => _input.Reader.Count;

        public bool Completed { get; private set; }

        public bool Disposed { get; private set; }

        public ChannelWriter<SwirLine> Input => _input.Writer;

        public int CameraQueueDepth => _input.Reader.Count;

        public int LineQueueDepth => 0;

        public SortLine.Service.Workers.PipelineSeed Seed => new(StartedFrom.NextParticleId + 10, StartedFrom.NextCommandSequence + LinesWritten);

        public Task<bool> CompleteAsync(TimeSpan timeout)
        {
            _input.Writer.TryComplete();
            Completed = true;
            return Task.FromResult(true);
        }

        public void Dispose() => Disposed = true;
    }
}

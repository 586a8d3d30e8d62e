using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// One monitored item: samples its source (every change of the variable for sampling interval 0, else on a timer of
/// the injected clock), filters changes (DataChangeFilter trigger and absolute deadband), stamps the requested
/// timestamps and queues notifications for its subscription. The first sample after creation (or after leaving
/// Disabled) is always queued so the client gets the current value.
/// </summary>
/// <remarks>Guarded by the owning session's lock (<see cref="SessionSubscriptions.Gate"/>); change events and timer ticks take it.</remarks>
internal sealed class MonitoredItem : IDisposable
{
    private readonly SessionSubscriptions _owner;
    private readonly TimeProvider _time;
    private readonly MonitoredItemQueue _queue;
    private DataValue? _last;
    private ITimer? _timer;
    private bool _listening;
    private bool _disposed;

    /// <summary>Creates an item (call <see cref="Start"/> under the lock).</summary>
    public MonitoredItem(SessionSubscriptions owner, uint id, MonitoredItemSource source, MonitoredItemSettings settings, TimeProvider time)
    {
        _owner = owner;
        Id = id;
        Source = source;
        Settings = settings;
        _time = time;
        _queue = new MonitoredItemQueue(settings.QueueSize, settings.DiscardOldest);
    }

    /// <summary>The server-assigned id.</summary>
    public uint Id { get; }

    /// <summary>What is sampled.</summary>
    public MonitoredItemSource Source { get; }

    /// <summary>Current (revised) settings.</summary>
    public MonitoredItemSettings Settings { get; private set; }

    /// <summary>Values waiting to be reported.</summary>
    public int QueuedCount => _queue.Count;

    /// <summary>Values discarded by queue overflow.</summary>
    public long DiscardedCount => _queue.DiscardedCount;

    /// <summary>True when the item has values to report.</summary>
    public bool HasNotifications => Settings.Mode == MonitoringMode.Reporting && _queue.Count > 0;

    /// <summary>Starts sampling (unless Disabled) and, unless told otherwise, queues the current value.</summary>
    public void Start(bool queueCurrentValue = true)
    {
        if (Settings.Mode == MonitoringMode.Disabled || _disposed)
        {
            return;
        }

        if (queueCurrentValue)
        {
            _last = null;
            Sample(Source.Read());
        }
        if (Source.IsStatic)
        {
            return;
        }

        if (Settings.SamplingInterval == 0 && Source.ChangeSource is { } variable)
        {
            variable.ValueChanged += OnValueChanged;
            _listening = true;
        }
        else
        {
            var period = TimeSpan.FromMilliseconds(Settings.SamplingInterval);
            _timer = _time.CreateTimer(static state => ((MonitoredItem)state!).OnTimer(), this, period, period);
        }
    }

    /// <summary>Stops sampling (events and timer).</summary>
    public void Stop()
    {
        if (_listening)
        {
            Source.ChangeSource!.ValueChanged -= OnValueChanged;
            _listening = false;
        }

        _timer?.Dispose();
        _timer = null;
    }

    /// <summary>Applies new settings (ModifyMonitoredItems / SetMonitoringMode).</summary>
    public void Apply(MonitoredItemSettings settings)
    {
        MonitoredItemSettings old = Settings;
        Settings = settings;
        _queue.DiscardOldest = settings.DiscardOldest;
        if (settings.QueueSize != _queue.Capacity)
        {
            _queue.Resize(settings.QueueSize);
        }

        bool samplingChanged = old.SamplingInterval != settings.SamplingInterval;
        if (settings.Mode == MonitoringMode.Disabled)
        {
            Stop();
            _queue.Clear();
        }
        else if (old.Mode == MonitoringMode.Disabled)
        {
            Start();
        }
        else if (samplingChanged)
        {
            Stop();
            Start(queueCurrentValue: false);
        }
    }

    /// <summary>Moves up to <paramref name="max"/> queued values into <paramref name="into"/>.</summary>
    public int TakeNotifications(int max, List<(uint ClientHandle, DataValue Value)> into)
    {
        int taken = 0;
        while (taken < max && _queue.TryDequeue(out DataValue value))
        {
            into.Add((Settings.ClientHandle, value));
            taken++;
        }

        return taken;
    }

    /// <summary>Filters and queues one sample (under the lock).</summary>
    internal void Sample(DataValue raw)
    {
        if (Settings.Mode == MonitoringMode.Disabled || _disposed)
        {
            return;
        }

        if (_last is not null && !Settings.Filter.IsChange(_last, raw))
        {
            return;
        }

        _last = raw;
        DateTime now = _time.GetUtcNow().UtcDateTime;
        TimestampsToReturn timestamps = Settings.Timestamps;
        bool source = timestamps is TimestampsToReturn.Source or TimestampsToReturn.Both;
        bool server = timestamps is TimestampsToReturn.Server or TimestampsToReturn.Both;
        DataValue stamped = source && !server && raw.ServerTimestamp is null
            ? raw
            : raw with
            {
                SourceTimestamp = source ? raw.SourceTimestamp : null,
                SourcePicoseconds = source ? raw.SourcePicoseconds : (ushort)0,
                ServerTimestamp = server ? now : null,
                ServerPicoseconds = 0,
            };
        if (_queue.Enqueue(stamped))
        {
            _owner.Manager.CountDiscarded();
        }
    }

    private void OnValueChanged(object? sender, VariableValueChangedEventArgs e)
    {
        DataValue value = e.Value;
        lock (_owner.Gate)
        {
            Sample(value);
        }
    }

    private void OnTimer()
    {
        lock (_owner.Gate)
        {
            if (!_disposed && _timer is not null)
            {
                Sample(Source.Read());
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        Stop();
        _queue.Clear();
    }
}

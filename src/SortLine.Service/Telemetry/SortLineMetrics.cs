using System.Collections.Frozen;
using Prometheus;
using SortLine.Sensors;
using SortLine.Telemetry;

namespace SortLine.Service.Telemetry;

/// <summary>
/// The metric catalogue (<see cref="MetricCatalogue"/>) as prometheus-net collectors, behind the telemetry
/// interfaces the pipeline, the sensor workers, learning and the OPC UA server write to.
/// </summary>
/// <remarks>
/// Every known label combination is created up front with value 0 (sensor states one-hot at
/// <c>disconnected</c>), so each series exists before traffic and <c>rate()</c>/<c>increase()</c> see the first
/// increment. Children are cached in arrays indexed by enum, so the hot-path members allocate nothing.
/// The exception is <c>sortline_learning_model_info</c>, which is absent while no model is loaded (the
/// "no model" alert tests for its absence).
/// </remarks>
internal sealed class SortLineMetrics : IPipelineTelemetry, ISensorTelemetry, ILineTelemetry, ILearningTelemetry, IOpcUaTelemetry
{
    /// <summary>The label value for particle classes that are not among the configured classes.</summary>
    public const string UnknownClass = "unknown";

    private static readonly PipelineStage[] Stages = Enum.GetValues<PipelineStage>();
    private static readonly DropReason[] Reasons = Enum.GetValues<DropReason>();
    private static readonly SensorKind[] Sensors = Enum.GetValues<SensorKind>();
    private static readonly SensorState[] States = Enum.GetValues<SensorState>();
    private static readonly SensorFaultKind[] FaultKinds = Enum.GetValues<SensorFaultKind>();
    private static readonly LineState[] LineStates = Enum.GetValues<LineState>();
    private static readonly RetrainOutcome[] Outcomes = Enum.GetValues<RetrainOutcome>();
    private static readonly ReadinessCondition[] Conditions = Enum.GetValues<ReadinessCondition>();

    private readonly Counter _linesReceived;
    private readonly Gauge.Child[] _lineState;               // [state]
    private readonly Gauge _nominalLineRate;
    private readonly Counter.Child[] _dropped;               // [stage * Reasons.Length + reason]
    private readonly Gauge.Child[] _queueDepth;              // [stage]
    private readonly Histogram _decisionLatency;
    private readonly Histogram _inference;
    private readonly FrozenDictionary<string, Counter.Child> _particles;
    private readonly FrozenDictionary<string, Counter.Child> _ejections;
    private readonly Counter.Child _particlesUnknown;
    private readonly Counter.Child _ejectionsUnknown;
    private readonly Counter _lateDecisions;
    private readonly Gauge.Child[] _sensorState;             // [sensor * States.Length + state]
    private readonly Counter.Child[] _sensorFaults;          // [sensor * FaultKinds.Length + kind]
    private readonly Counter _libsPoints;
    private readonly Counter _libsMisfires;
    private readonly Gauge _teacherAgreement;
    private readonly Counter.Child[] _retrainRuns;           // [outcome]
    private readonly Histogram _retrainDuration;
    private readonly Gauge _modelInfo;
    private readonly Gauge _opcUaSessions;
    private readonly Gauge _opcUaSubscriptions;
    private readonly Gauge _opcUaPublishQueue;
    private readonly Gauge.Child[] _readiness;               // [condition]
    private readonly Lock _modelLock = new();
    private string? _modelVersion;

    /// <summary>Creates every collector of the catalogue in <paramref name="registry"/> and pre-initialises its series.</summary>
    /// <param name="registry">Where to register (one registry per host; tests use their own).</param>
    /// <param name="lineId">The line id (label of <c>sortline_service_info</c>).</param>
    /// <param name="classes">The line's configured classes (values of the <c>class</c> label).</param>
    /// <param name="decisionBudgetSeconds">The configured decision budget in seconds.</param>
    /// <param name="serviceVersion">The service version (label of <c>sortline_service_info</c>).</param>
    /// <exception cref="InvalidOperationException">The catalogue breaks the naming rules.</exception>
    public SortLineMetrics(CollectorRegistry registry, string lineId, IReadOnlyList<string> classes, double decisionBudgetSeconds, string serviceVersion)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(classes);
        MetricNameRules.ThrowIfInvalid(MetricCatalogue.All);
        IMetricFactory factory = Metrics.WithCustomRegistry(registry);

        _linesReceived = Counter(factory, MetricCatalogue.SwirLinesReceived);
        _nominalLineRate = Gauge(factory, MetricCatalogue.SwirNominalLineRate);

        Counter dropped = Counter(factory, MetricCatalogue.ItemsDropped);
        _dropped = new Counter.Child[Stages.Length * Reasons.Length];
        Gauge queue = Gauge(factory, MetricCatalogue.QueueDepth);
        _queueDepth = new Gauge.Child[Stages.Length];
        foreach (PipelineStage stage in Stages)
        {
            foreach (DropReason reason in Reasons)
            {
                _dropped[((int)stage * Reasons.Length) + (int)reason] = dropped.WithLabels(TelemetryLabels.Of(stage), TelemetryLabels.Of(reason));
            }

            _queueDepth[(int)stage] = queue.WithLabels(TelemetryLabels.Of(stage));
        }

        _decisionLatency = Histogram(factory, MetricCatalogue.DecisionLatency);
        Gauge(factory, MetricCatalogue.DecisionBudget).Set(decisionBudgetSeconds);
        _inference = Histogram(factory, MetricCatalogue.InferenceDuration);

        Counter particles = Counter(factory, MetricCatalogue.Particles);
        Counter ejections = Counter(factory, MetricCatalogue.Ejections);
        _particles = classes.ToFrozenDictionary(c => c, c => particles.WithLabels(c), StringComparer.Ordinal);
        _ejections = classes.ToFrozenDictionary(c => c, c => ejections.WithLabels(c), StringComparer.Ordinal);
        _particlesUnknown = particles.WithLabels(UnknownClass);
        _ejectionsUnknown = ejections.WithLabels(UnknownClass);
        _lateDecisions = Counter(factory, MetricCatalogue.LateDecisions);

        Gauge sensorState = Gauge(factory, MetricCatalogue.SensorState);
        _sensorState = new Gauge.Child[Sensors.Length * States.Length];
        foreach (SensorKind sensor in Sensors)
        {
            foreach (SensorState state in States)
            {
                Gauge.Child child = sensorState.WithLabels(TelemetryLabels.Of(sensor), TelemetryLabels.Of(state));
                child.Set(state == SortLine.Sensors.SensorState.Disconnected ? 1 : 0);
                _sensorState[((int)sensor * States.Length) + (int)state] = child;
            }
        }

        Counter sensorFaults = Counter(factory, MetricCatalogue.SensorFaults);
        _sensorFaults = new Counter.Child[Sensors.Length * FaultKinds.Length];
        foreach (SensorKind sensor in Sensors)
        {
            foreach (SensorFaultKind kind in FaultKinds)
            {
                _sensorFaults[((int)sensor * FaultKinds.Length) + (int)kind] = sensorFaults.WithLabels(TelemetryLabels.Of(sensor), TelemetryLabels.Of(kind));
            }
        }

        Gauge lineState = Gauge(factory, MetricCatalogue.LineState);
        _lineState = [.. LineStates.Select(state => lineState.WithLabels(TelemetryLabels.Of(state)))];
        SetLineState(LineState.Starting);

        _libsPoints = Counter(factory, MetricCatalogue.LibsPoints);
        _libsMisfires = Counter(factory, MetricCatalogue.LibsMisfires);

        _teacherAgreement = Gauge(factory, MetricCatalogue.TeacherAgreement);
        _teacherAgreement.Set(double.NaN);
        Counter retrainRuns = Counter(factory, MetricCatalogue.RetrainRuns);
        _retrainRuns = new Counter.Child[Outcomes.Length];
        foreach (RetrainOutcome outcome in Outcomes)
        {
            _retrainRuns[(int)outcome] = retrainRuns.WithLabels(TelemetryLabels.Of(outcome));
        }

        _retrainDuration = Histogram(factory, MetricCatalogue.RetrainDuration);
        _modelInfo = Gauge(factory, MetricCatalogue.ModelInfo);

        _opcUaSessions = Gauge(factory, MetricCatalogue.OpcUaSessions);
        _opcUaSubscriptions = Gauge(factory, MetricCatalogue.OpcUaSubscriptions);
        _opcUaPublishQueue = Gauge(factory, MetricCatalogue.OpcUaPublishQueue);

        Gauge readiness = Gauge(factory, MetricCatalogue.Readiness);
        _readiness = new Gauge.Child[Conditions.Length];
        foreach (ReadinessCondition condition in Conditions)
        {
            _readiness[(int)condition] = readiness.WithLabels(TelemetryLabels.Of(condition));
        }

        Gauge(factory, MetricCatalogue.ServiceInfo).WithLabels(lineId, serviceVersion).Set(1);
    }

    /// <summary>Gets the model version currently published, or <see langword="null"/>.</summary>
    public string? ModelVersion
    {
        get
        {
            lock (_modelLock)
            {
                return _modelVersion;
            }
        }
    }

    /// <inheritdoc/>
    public void LinesReceived(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _linesReceived.Inc(count);
    }

    /// <inheritdoc/>
    public void ItemsDropped(PipelineStage stage, DropReason reason, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _dropped[(Index(stage, Stages.Length) * Reasons.Length) + Index(reason, Reasons.Length)].Inc(count);
    }

    /// <inheritdoc/>
    public void SetQueueDepth(PipelineStage stage, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        _queueDepth[Index(stage, Stages.Length)].Set(depth);
    }

    /// <inheritdoc/>
    public void RecordDecisionLatency(double seconds) => _decisionLatency.Observe(seconds);

    /// <inheritdoc/>
    public void RecordInferenceTime(double seconds) => _inference.Observe(seconds);

    /// <inheritdoc/>
    public void ParticleClassified(string className) =>
        (className is not null && _particles.TryGetValue(className, out Counter.Child? c) ? c : _particlesUnknown).Inc();

    /// <inheritdoc/>
    public void EjectionCommanded(string className) =>
        (className is not null && _ejections.TryGetValue(className, out Counter.Child? c) ? c : _ejectionsUnknown).Inc();

    /// <inheritdoc/>
    public void LateDecisions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _lateDecisions.Inc(count);
    }

    /// <inheritdoc/>
    public void SetSensorState(SensorKind sensor, SensorState state)
    {
        int s = Index(sensor, Sensors.Length);
        int current = Index(state, States.Length);
        for (int i = 0; i < States.Length; i++)
        {
            _sensorState[(s * States.Length) + i].Set(i == current ? 1 : 0);
        }
    }

    /// <inheritdoc/>
    public void SetLineState(LineState state)
    {
        int current = Index(state, LineStates.Length);
        for (int i = 0; i < LineStates.Length; i++)
        {
            _lineState[i].Set(i == current ? 1 : 0);
        }
    }

    /// <inheritdoc/>
    public void SetSwirNominalLineRate(double linesPerSecond)
    {
        if (!(linesPerSecond >= 0 && double.IsFinite(linesPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(linesPerSecond), linesPerSecond, "The line rate must be finite and >= 0.");
        }

        _nominalLineRate.Set(linesPerSecond);
    }

    /// <inheritdoc/>
    public void LibsPointsReceived(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _libsPoints.Inc(count);
    }

    /// <inheritdoc/>
    public void SensorFault(SensorKind sensor, SensorFaultKind kind) =>
        _sensorFaults[(Index(sensor, Sensors.Length) * FaultKinds.Length) + Index(kind, FaultKinds.Length)].Inc();

    /// <inheritdoc/>
    public void LibsMisfires(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _libsMisfires.Inc(count);
    }

    /// <inheritdoc/>
    public void SetTeacherAgreement(double ratio)
    {
        if (!(ratio >= 0 && ratio <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Agreement is a ratio in [0, 1].");
        }

        _teacherAgreement.Set(ratio);
    }

    /// <inheritdoc/>
    public void RetrainCompleted(RetrainOutcome outcome, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        _retrainRuns[Index(outcome, Outcomes.Length)].Inc();
        _retrainDuration.Observe(duration.TotalSeconds);
    }

    /// <inheritdoc/>
    public void ModelActivated(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (version.Length > 64)
        {
            throw new ArgumentException($"A model version label has at most 64 characters; got {version.Length}.", nameof(version));
        }

        lock (_modelLock)
        {
            if (_modelVersion is not null && _modelVersion != version)
            {
                _modelInfo.RemoveLabelled(_modelVersion);
            }

            _modelInfo.WithLabels(version).Set(1);
            _modelVersion = version;
        }
    }

    /// <inheritdoc/>
    public void ModelUnloaded()
    {
        lock (_modelLock)
        {
            if (_modelVersion is not null)
            {
                _modelInfo.RemoveLabelled(_modelVersion);
                _modelVersion = null;
            }
        }
    }

    /// <inheritdoc/>
    public void SetSessions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _opcUaSessions.Set(count);
    }

    /// <inheritdoc/>
    public void SetSubscriptions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _opcUaSubscriptions.Set(count);
    }

    /// <inheritdoc/>
    public void SetPublishQueueDepth(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _opcUaPublishQueue.Set(count);
    }

    /// <summary>Publishes whether a readiness condition holds (called by <see cref="Health.ReadinessState"/>).</summary>
    public void SetReadiness(ReadinessCondition condition, bool isMet) => _readiness[Index(condition, Conditions.Length)].Set(isMet ? 1 : 0);

    private static int Index<TEnum>(TEnum value, int count)
        where TEnum : struct, Enum
    {
        int i = System.Runtime.CompilerServices.Unsafe.As<TEnum, int>(ref value);
        if ((uint)i >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");
        }

        return i;
    }

    private static Counter Counter(IMetricFactory factory, MetricDescriptor d) =>
        factory.CreateCounter(d.Name, d.Help, [.. d.LabelNames]);

    private static Gauge Gauge(IMetricFactory factory, MetricDescriptor d) =>
        factory.CreateGauge(d.Name, d.Help, [.. d.LabelNames]);

    private static Histogram Histogram(IMetricFactory factory, MetricDescriptor d) =>
        factory.CreateHistogram(d.Name, d.Help, [.. d.LabelNames], new HistogramConfiguration { Buckets = [.. d.Buckets] });
}

namespace SortLine.Service.Telemetry;

/// <summary>Every metric SortLine exports (besides prometheus-net's process and runtime collectors).</summary>
/// <remarks>
/// Names follow style guide B8: <c>sortline_&lt;subsystem&gt;_&lt;what&gt;_&lt;unit&gt;</c>, base units, counters end in
/// <c>_total</c>. docs/operating.md explains each one; the dashboard and the alert rules may only use these.
/// </remarks>
internal static class MetricCatalogue
{
    /// <summary>Decision latency buckets (s): 50 µs to 50 ms, dense around the 1 ms processing budget, up to the 50 ms travel time.</summary>
    private static readonly double[] DecisionLatencyBuckets =
        [50e-6, 100e-6, 200e-6, 300e-6, 500e-6, 750e-6, 1e-3, 1.5e-3, 2e-3, 3e-3, 5e-3, 10e-3, 20e-3, 50e-3];

    /// <summary>Inference time buckets (s): 10 µs to 10 ms (one line of 384 pixels through the student).</summary>
    private static readonly double[] InferenceBuckets =
        [10e-6, 25e-6, 50e-6, 100e-6, 200e-6, 400e-6, 700e-6, 1e-3, 2e-3, 5e-3, 10e-3];

    /// <summary>Retraining duration buckets (s): 1 s to 2 h.</summary>
    private static readonly double[] RetrainBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

    /// <summary>SWIR lines that reached the pipeline.</summary>
    public static readonly MetricDescriptor SwirLinesReceived = MetricDescriptor.Counter(
        "sortline_swir_lines_received_total", "SWIR lines that reached the pipeline.");

    /// <summary>The camera's nominal line rate.</summary>
    public static readonly MetricDescriptor SwirNominalLineRate = MetricDescriptor.Gauge(
        "sortline_swir_nominal_line_rate_hertz", "Nominal line rate of the SWIR camera (lines/s); 0 until the camera is connected.");

    /// <summary>Items dropped per stage and reason.</summary>
    public static readonly MetricDescriptor ItemsDropped = MetricDescriptor.Counter(
        "sortline_pipeline_items_dropped_total", "Items a pipeline stage dropped, by stage and reason.", "stage", "reason");

    /// <summary>Queue depth in front of each stage.</summary>
    public static readonly MetricDescriptor QueueDepth = MetricDescriptor.Gauge(
        "sortline_pipeline_queue_depth_items", "Items waiting in the input channel of a stage.", "stage");

    /// <summary>Scan line to decision latency.</summary>
    public static readonly MetricDescriptor DecisionLatency = MetricDescriptor.Histogram(
        "sortline_pipeline_decision_latency_seconds", "Time from a line's acquisition stamp to its ejection decision.", DecisionLatencyBuckets);

    /// <summary>The configured decision budget.</summary>
    public static readonly MetricDescriptor DecisionBudget = MetricDescriptor.Gauge(
        "sortline_pipeline_decision_budget_seconds", "Configured target for scan line to decision (SortLine:Line:DecisionBudgetMilliseconds).");

    /// <summary>Student inference time per line.</summary>
    public static readonly MetricDescriptor InferenceDuration = MetricDescriptor.Histogram(
        "sortline_pipeline_inference_duration_seconds", "Student model inference time for one SWIR line.", InferenceBuckets);

    /// <summary>Particles per class.</summary>
    public static readonly MetricDescriptor Particles = MetricDescriptor.Counter(
        "sortline_pipeline_particles_total", "Particles completed and classified, by class.", "class");

    /// <summary>Ejections per class.</summary>
    public static readonly MetricDescriptor Ejections = MetricDescriptor.Counter(
        "sortline_pipeline_ejections_total", "Ejection commands sent to the valves, by particle class.", "class");

    /// <summary>Late decisions.</summary>
    public static readonly MetricDescriptor LateDecisions = MetricDescriptor.Counter(
        "sortline_pipeline_late_decisions_total", "Decisions ready only after the particle had passed the valves.");

    /// <summary>Sensor state, one-hot.</summary>
    public static readonly MetricDescriptor SensorState = MetricDescriptor.Gauge(
        "sortline_sensor_state", "1 for the sensor's current state, 0 for the others (one-hot).", "sensor", "state");

    /// <summary>Sensor faults per sensor and reason (the fault kind).</summary>
    public static readonly MetricDescriptor SensorFaults = MetricDescriptor.Counter(
        "sortline_sensor_faults_total", "Sensor faults (each one is followed by a reconnect), by sensor and reason (disconnected, timeout, data_error).", "sensor", "reason");

    /// <summary>Line state, one-hot.</summary>
    public static readonly MetricDescriptor LineState = MetricDescriptor.Gauge(
        "sortline_line_state", "1 for the line's current state (stopped, starting, running, stopping, calibrating, faulted), 0 for the others (one-hot).", "state");

    /// <summary>LIBS points received.</summary>
    public static readonly MetricDescriptor LibsPoints = MetricDescriptor.Counter(
        "sortline_libs_points_received_total", "LIBS points delivered by the spectrometer.");

    /// <summary>LIBS misfires.</summary>
    public static readonly MetricDescriptor LibsMisfires = MetricDescriptor.Counter(
        "sortline_libs_misfires_total", "LIBS shots without a usable plasma.");

    /// <summary>Student/teacher agreement.</summary>
    public static readonly MetricDescriptor TeacherAgreement = MetricDescriptor.Gauge(
        "sortline_learning_teacher_agreement_ratio", "Share of recent LIBS points where the student agrees with the teacher (0..1); NaN until first evaluated.");

    /// <summary>Retraining runs per outcome.</summary>
    public static readonly MetricDescriptor RetrainRuns = MetricDescriptor.Counter(
        "sortline_learning_retrain_runs_total", "Finished retraining runs, by outcome (succeeded, rejected, failed).", "outcome");

    /// <summary>Retraining run duration.</summary>
    public static readonly MetricDescriptor RetrainDuration = MetricDescriptor.Histogram(
        "sortline_learning_retrain_duration_seconds", "Wall-clock duration of a retraining run.", RetrainBuckets);

    /// <summary>The active model version (info metric).</summary>
    public static readonly MetricDescriptor ModelInfo = MetricDescriptor.Gauge(
        "sortline_learning_model_info", "1 for the model version serving the line; absent while no model is loaded.", "version");

    /// <summary>OPC UA sessions.</summary>
    public static readonly MetricDescriptor OpcUaSessions = MetricDescriptor.Gauge(
        "sortline_opcua_sessions_active", "Activated OPC UA sessions.");

    /// <summary>OPC UA subscriptions.</summary>
    public static readonly MetricDescriptor OpcUaSubscriptions = MetricDescriptor.Gauge(
        "sortline_opcua_subscriptions_active", "OPC UA subscriptions over all sessions.");

    /// <summary>OPC UA publish queue.</summary>
    public static readonly MetricDescriptor OpcUaPublishQueue = MetricDescriptor.Gauge(
        "sortline_opcua_publish_queue_depth_items", "OPC UA notifications waiting for a Publish request.");

    /// <summary>Readiness conditions.</summary>
    public static readonly MetricDescriptor Readiness = MetricDescriptor.Gauge(
        "sortline_service_readiness_state", "1 when the readiness condition holds (calibrated, model_loaded, sensors_up), else 0.", "condition");

    /// <summary>Service identity (info metric).</summary>
    public static readonly MetricDescriptor ServiceInfo = MetricDescriptor.Gauge(
        "sortline_service_info", "Always 1; labels carry the line id and the service version.", "line", "version");

    /// <summary>Gets every entry, in export order.</summary>
    public static IReadOnlyList<MetricDescriptor> All { get; } =
    [
        SwirLinesReceived, SwirNominalLineRate,
        ItemsDropped, QueueDepth, DecisionLatency, DecisionBudget, InferenceDuration, Particles, Ejections, LateDecisions,
        SensorState, SensorFaults, LineState, LibsPoints, LibsMisfires,
        TeacherAgreement, RetrainRuns, RetrainDuration, ModelInfo,
        OpcUaSessions, OpcUaSubscriptions, OpcUaPublishQueue,
        Readiness, ServiceInfo,
    ];
}

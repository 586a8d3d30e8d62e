using SortLine.Sensors;

namespace SortLine.Telemetry;

/// <summary>Telemetry that records nothing: for tests and tools that run parts of the pipeline without a host.</summary>
public sealed class NullTelemetry : IPipelineTelemetry, ISensorTelemetry, ILineTelemetry, ILearningTelemetry, IOpcUaTelemetry, IReadinessReporter
{
    /// <summary>Gets the shared instance.</summary>
    public static NullTelemetry Instance { get; } = new();

    private NullTelemetry()
    {
    }

    /// <inheritdoc/>
    public void LinesReceived(int count)
    {
    }

    /// <inheritdoc/>
    public void ItemsDropped(PipelineStage stage, DropReason reason, int count)
    {
    }

    /// <inheritdoc/>
    public void SetQueueDepth(PipelineStage stage, int depth)
    {
    }

    /// <inheritdoc/>
    public void RecordDecisionLatency(double seconds)
    {
    }

    /// <inheritdoc/>
    public void RecordInferenceTime(double seconds)
    {
    }

    /// <inheritdoc/>
    public void ParticleClassified(string className)
    {
    }

    /// <inheritdoc/>
    public void EjectionCommanded(string className)
    {
    }

    /// <inheritdoc/>
    public void LateDecisions(int count)
    {
    }

    /// <inheritdoc/>
    public void SetSensorState(SensorKind sensor, SensorState state)
    {
    }

    /// <inheritdoc/>
    public void SensorFault(SensorKind sensor, SensorFaultKind kind)
    {
    }

    /// <inheritdoc/>
    public void SetLineState(LineState state)
    {
    }

    /// <inheritdoc/>
    public void SetSwirNominalLineRate(double linesPerSecond)
    {
    }

    /// <inheritdoc/>
    public void LibsPointsReceived(int count)
    {
    }

    /// <inheritdoc/>
    public void LibsMisfires(int count)
    {
    }

    /// <inheritdoc/>
    public void SetTeacherAgreement(double ratio)
    {
    }

    /// <inheritdoc/>
    public void RetrainCompleted(RetrainOutcome outcome, TimeSpan duration)
    {
    }

    /// <inheritdoc/>
    public void ModelActivated(string version)
    {
    }

    /// <inheritdoc/>
    public void ModelUnloaded()
    {
    }

    /// <inheritdoc/>
    public void SetSessions(int count)
    {
    }

    /// <inheritdoc/>
    public void SetSubscriptions(int count)
    {
    }

    /// <inheritdoc/>
    public void SetPublishQueueDepth(int count)
    {
    }

    /// <inheritdoc/>
    public void SetCondition(ReadinessCondition condition, bool isMet)
    {
    }
}

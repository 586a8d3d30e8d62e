namespace SortLine.Telemetry;

/// <summary>What the line pipeline reports while it runs (implemented by the service's metrics).</summary>
/// <remarks>
/// Every member is called on the hot path: implementations are thread-safe, allocation-free and never throw
/// for a defined enum value. Durations are in seconds. A class name that is not one of the line's configured
/// classes is counted under the label value <c>unknown</c>, so a misconfigured model cannot grow the label set.
/// </remarks>
public interface IPipelineTelemetry
{
    /// <summary>Counts SWIR lines that reached the pipeline.</summary>
    /// <param name="count">Number of lines (&gt;= 0).</param>
    void LinesReceived(int count);

    /// <summary>Counts items a stage dropped.</summary>
    /// <param name="stage">The stage that dropped them.</param>
    /// <param name="reason">Why.</param>
    /// <param name="count">Number of items (&gt;= 0).</param>
    void ItemsDropped(PipelineStage stage, DropReason reason, int count);

    /// <summary>Sets the number of items waiting in the input channel of a stage.</summary>
    /// <param name="stage">The stage whose input queue is meant.</param>
    /// <param name="depth">Items waiting (&gt;= 0).</param>
    void SetQueueDepth(PipelineStage stage, int depth);

    /// <summary>Records the time from a line's acquisition stamp to its ejection decision.</summary>
    /// <param name="seconds">Latency in seconds.</param>
    void RecordDecisionLatency(double seconds);

    /// <summary>Records the student model's inference time for one line.</summary>
    /// <param name="seconds">Duration in seconds.</param>
    void RecordInferenceTime(double seconds);

    /// <summary>Counts a particle that was completed and classified.</summary>
    /// <param name="className">The particle's class (one of the line's configured classes).</param>
    void ParticleClassified(string className);

    /// <summary>Counts an ejection command sent to the valves.</summary>
    /// <param name="className">The class of the ejected particle.</param>
    void EjectionCommanded(string className);

    /// <summary>Counts decisions that were ready only after the particle had passed the valves.</summary>
    /// <param name="count">Number of decisions (&gt;= 0).</param>
    void LateDecisions(int count);
}

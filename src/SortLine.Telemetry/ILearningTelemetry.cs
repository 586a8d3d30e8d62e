namespace SortLine.Telemetry;

/// <summary>What the teacher, the retraining loop and the model registry report.</summary>
/// <remarks>Implementations are thread-safe. Not hot-path: these are called per evaluation or per run.</remarks>
public interface ILearningTelemetry
{
    /// <summary>Publishes the share of recent LIBS points where the student agrees with the teacher.</summary>
    /// <param name="ratio">Agreement in [0, 1].</param>
    void SetTeacherAgreement(double ratio);

    /// <summary>Records a finished retraining run.</summary>
    /// <param name="outcome">How it ended.</param>
    /// <param name="duration">Wall-clock duration of the run.</param>
    void RetrainCompleted(RetrainOutcome outcome, TimeSpan duration);

    /// <summary>Publishes the model version now serving the line; the previous version's series is removed.</summary>
    /// <param name="version">The version (short, stable identifier such as <c>2025-06-01T12-00Z-a1b2c3</c>).</param>
    void ModelActivated(string version);

    /// <summary>Withdraws the active model (unloaded, or failed to load): no version is published.</summary>
    void ModelUnloaded();
}

using SortLine.Telemetry;

namespace SortLine.Service.Line;

/// <summary>
/// The active student model, swapped atomically: the classification stage reads <see cref="Current"/> once per line, the
/// learning worker (or the retraining coordinator) calls <see cref="Activate"/>.
/// </summary>
internal sealed class ModelSlot(IReadinessReporter readiness, ILearningTelemetry telemetry)
{
    private readonly TaskCompletionSource<LineModel> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LineModel? _current;

    /// <summary>Gets the active model, or null before the first one.</summary>
    public LineModel? Current => Volatile.Read(ref _current);

    /// <summary>Gets a task that completes with the first activated model.</summary>
    public Task<LineModel> FirstModel => _first.Task;

    /// <summary>Puts a model into service (the next line uses it).</summary>
    public void Activate(LineModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Volatile.Write(ref _current, model);
        telemetry.ModelActivated(model.Version);
        readiness.SetCondition(ReadinessCondition.ModelLoaded, true);
        _first.TrySetResult(model);
    }
}

namespace SortLine.Service.Line;

/// <summary>
/// The line's current preprocessing plan: published after the first dark and white references, and again after every
/// recalibration (an operator capturing new references). Readers take <see cref="Current"/> once per use; the stage that
/// classifies subscribes to <see cref="Changed"/> to rebuild its classifier with the new references.
/// </summary>
internal sealed class CalibrationState
{
    private readonly TaskCompletionSource<SpectralPreprocessing> _calibrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SpectralPreprocessing? _current;
    private long _version;

    /// <summary>Raised (on the publisher's thread) after a plan is published, with the new plan.</summary>
    public event EventHandler<SpectralPreprocessing>? Changed;

    /// <summary>Gets a task that completes with the first plan when the line is calibrated.</summary>
    public Task<SpectralPreprocessing> Calibrated => _calibrated.Task;

    /// <summary>Gets the latest plan, or null before the first calibration.</summary>
    public SpectralPreprocessing? Current => Volatile.Read(ref _current);

    /// <summary>Gets how many plans were published (0 before calibration; 1 after the first).</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Publishes a plan: the first calibration, or a recalibration that replaces the current references.</summary>
    /// <param name="plan">The new plan (same pixels and bands as the camera).</param>
    public void Publish(SpectralPreprocessing plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Volatile.Write(ref _current, plan);
        Interlocked.Increment(ref _version);
        _calibrated.TrySetResult(plan);
        Changed?.Invoke(this, plan);
    }
}

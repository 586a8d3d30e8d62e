namespace SortLine.Service.Line;

/// <summary>The line's current preprocessing plan, published once the dark and white references are taken.</summary>
internal sealed class CalibrationState
{
    private readonly TaskCompletionSource<SpectralPreprocessing> _calibrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes with the plan when the line is calibrated.</summary>
    public Task<SpectralPreprocessing> Calibrated => _calibrated.Task;

    /// <summary>Gets the plan, or null before calibration.</summary>
    public SpectralPreprocessing? Current => _calibrated.Task.IsCompletedSuccessfully ? _calibrated.Task.Result : null;

    /// <summary>Publishes the plan (first calibration only; later calibrations are not supported yet).</summary>
    public void Publish(SpectralPreprocessing plan) => _calibrated.TrySetResult(plan);
}

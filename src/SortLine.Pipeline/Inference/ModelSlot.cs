namespace SortLine.Pipeline.Inference;

/// <summary>
/// Holds the line's current <see cref="ClassificationPlan"/> (preprocessing with the current references, and the current
/// model's classifier built for them) and replaces it atomically: <see cref="Swap"/> for a new model (hot swap),
/// <see cref="Recalibrate"/> for new dark/white references (the current model's classifier is rebuilt for them).
/// </summary>
/// <remarks>
/// <para><b>No half state</b>: a new plan (and its classifier) is fully built before its reference is published with a full
/// fence, so a reader sees either the old plan or the complete new one. Writers (swaps, recalibrations) are serialised, so
/// a model swap and a recalibration at the same moment both take effect (the later publishes the model of the one and the
/// references of the other).</para>
/// <para><b>One plan per line</b>: a worker reads <see cref="Current"/> once per line and uses it for every pixel of the line
/// (the classification stage records the <see cref="LineModel.Version"/> on the line), so models and references change
/// exactly at line boundaries.</para>
/// <para><b>No pause</b>: readers never lock or wait; lines in flight finish with the old plan.</para>
/// <para><b>Start without a model or references</b>: the slot may start empty. A model swapped in before the first
/// calibration is kept and published with it; <see cref="Current"/> is null until then, and
/// <see cref="ClassificationPlan.Model"/> null until the first model.</para>
/// </remarks>
public sealed class ModelSlot
{
    private readonly Lock _writer = new();
    private readonly TaskCompletionSource<LineModel> _firstModel = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ClassificationPlan? _current;
    private LineModel? _pending;
    private long _swaps;
    private long _recalibrations;

    /// <summary>Creates an empty slot (no references, no model).</summary>
    public ModelSlot()
    {
    }

    /// <summary>Creates a slot with the line's preprocessing and, optionally, its first model.</summary>
    /// <param name="preprocessing">The line's preprocessing.</param>
    /// <param name="model">The first model, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="preprocessing"/> is null.</exception>
    /// <exception cref="ArgumentException">The model does not fit the camera.</exception>
    public ModelSlot(LinePreprocessing preprocessing, LineModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        _current = new ClassificationPlan(preprocessing, model);
        if (model is not null)
        {
            _firstModel.TrySetResult(model);
        }
    }

    /// <summary>Raised after a plan with a different model is published (on the publishing thread; keep handlers short).</summary>
    public event EventHandler<LineModel>? ModelChanged;

    /// <summary>Gets the current plan (read it once per line), or null before the first calibration.</summary>
    public ClassificationPlan? Current => Volatile.Read(ref _current);

    /// <summary>Gets the current model, or null before the first one is published.</summary>
    public LineModel? Model => Current?.Model;

    /// <summary>Gets a task that completes with the first model once it is published (calibrated and in service).</summary>
    public Task<LineModel> FirstModel => _firstModel.Task;

    /// <summary>Gets how many model swaps have been published.</summary>
    public long SwapCount => Interlocked.Read(ref _swaps);

    /// <summary>Gets how many recalibrations have been published.</summary>
    public long RecalibrationCount => Interlocked.Read(ref _recalibrations);

    /// <summary>Puts a model into service: lines started after this use it (with the current references).</summary>
    /// <param name="model">The model (same bands as the camera).</param>
    /// <returns>The published plan, or null when the slot is not calibrated yet (the model is kept and published with the first references).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="ArgumentException">The model does not fit the camera; nothing changes.</exception>
    public ClassificationPlan? Swap(LineModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ClassificationPlan? published;
        lock (_writer)
        {
            ClassificationPlan? current = _current;
            if (current is null)
            {
                _pending = model;
                return null;
            }

            published = new ClassificationPlan(current.Preprocessing, model);
            Volatile.Write(ref _current, published);
            Interlocked.Increment(ref _swaps);
        }

        OnModelPublished(model);
        return published;
    }

    /// <summary>Publishes new references (a recalibration): the current model's classifier is rebuilt for them and both
    /// take over together at the next line.</summary>
    /// <param name="preprocessing">The new preprocessing (same pixels and bands as before).</param>
    /// <returns>The published plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="preprocessing"/> is null.</exception>
    /// <exception cref="ArgumentException">The shape differs from the current plan's, or the model does not fit; nothing changes.</exception>
    public ClassificationPlan Recalibrate(LinePreprocessing preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        ClassificationPlan published;
        LineModel? firstModel = null;
        lock (_writer)
        {
            ClassificationPlan? current = _current;
            if (current is not null && (current.Pixels != preprocessing.Pixels || current.Bands != preprocessing.Bands))
            {
                throw new ArgumentException(
                    $"The new references are {preprocessing.Pixels} × {preprocessing.Bands}; the line runs {current.Pixels} × {current.Bands}.", nameof(preprocessing));
            }

            LineModel? model = current?.Model ?? _pending;
            published = new ClassificationPlan(preprocessing, model);
            if (current?.Model is null && model is not null)
            {
                firstModel = model;
            }

            _pending = null;
            Volatile.Write(ref _current, published);
            if (current is not null)
            {
                Interlocked.Increment(ref _recalibrations);
            }
        }

        if (firstModel is not null)
        {
            OnModelPublished(firstModel);
        }

        return published;
    }

    private void OnModelPublished(LineModel model)
    {
        _firstModel.TrySetResult(model);
        ModelChanged?.Invoke(this, model);
    }
}

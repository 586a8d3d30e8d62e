using System.Globalization;
using SortLine.Learning.Models;
using SortLine.Learning.Registry;
using SortLine.Learning.Student;
using SortLine.Learning.Teacher;
using SortLine.Learning.Training;
using PairingPair = SortLine.Learning.Pairing.TrainingPair;

namespace SortLine.Learning.Retraining;

/// <summary>The background retrain worker: schedule, requests, the champion/challenger decision.</summary>
public sealed partial class MskdSession
{
    private const string Actor = "retrain";
    private const string ScheduleTrigger = "schedule";

    private readonly Thread _worker;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly TaskCompletionSource _workerExited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _requestGate = new();
    private readonly List<TaskCompletionSource<RetrainingResult>> _waiters = [];
    private readonly List<string> _triggers = [];
    private ITimer? _timer;
    private bool _requested;
    private int _state; // 0 created, 1 started, 2 disposed

    /// <summary>Gets or sets a test hook called on the retrain thread just before the challenger's fit starts (tests hold the
    /// fit there to show that classification never waits for a retrain); null in production.</summary>
    internal Action? FitStarting { get; set; }

    /// <summary>
    /// Records new references (a recalibration): every challenger fitted from now on carries them in its model file, so a
    /// model names the dark and white references the line classified with when it was trained, not the ones of the session
    /// start. Pairs already in the buffer keep the spectra they were paired with (the hull quotient is insensitive to the
    /// gain changes a recalibration corrects, so they stay valid training data).
    /// </summary>
    /// <param name="preprocessing">The new preprocessing parameters (references, smoothing, hull quotient).</param>
    /// <exception cref="ArgumentNullException"><paramref name="preprocessing"/> is null.</exception>
    public void UpdatePreprocessing(PreprocessingParameters preprocessing)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        Volatile.Write(ref _preprocessing, preprocessing);
    }

    /// <summary>Starts the retrain worker and the schedule (first scheduled retrain one interval from now).</summary>
    /// <exception cref="InvalidOperationException">The session was already started.</exception>
    /// <exception cref="ObjectDisposedException">The session is disposed.</exception>
    public void Start()
    {
        int previous = Interlocked.CompareExchange(ref _state, 1, 0);
        ObjectDisposedException.ThrowIf(previous == 2, this);
        if (previous == 1)
        {
            throw new InvalidOperationException("The session is already started.");
        }

        _worker.Start();
        _timer = _time.CreateTimer(static s => ((MskdSession)s!).RequestRetrain(ScheduleTrigger), this, _options.RetrainInterval, _options.RetrainInterval);
    }

    /// <summary>Asks for a retrain and returns at once. Requests that arrive while one is pending are merged into it.</summary>
    /// <param name="reason">Why (recorded as the trigger), e.g. <c>operator</c> or <c>drift alarm</c>.</param>
    /// <returns><see langword="true"/> when a new retrain was queued; <see langword="false"/> when one was already pending
    /// (this request joins it) or the session is disposed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    public bool RequestRetrain(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return Enqueue(reason, null);
    }

    /// <summary>Asks for a retrain and completes with its result (the caller does not run it; the worker does).</summary>
    /// <param name="reason">Why (recorded as the trigger).</param>
    /// <param name="cancellationToken">Stops waiting (the retrain still runs).</param>
    /// <returns>The result of the first retrain that starts after this request (before <see cref="Start"/>, the first one
    /// the worker runs once started).</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="OperationCanceledException">The token was canceled or the session shut down first.</exception>
    public Task<RetrainingResult> RetrainAsync(string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var waiter = new TaskCompletionSource<RetrainingResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Enqueue(reason, waiter) && waiter.Task.IsCompleted)
        {
            return waiter.Task;
        }

        if (cancellationToken.CanBeCanceled)
        {
            CancellationTokenRegistration registration = cancellationToken.Register(static s =>
            {
                var (w, token) = ((TaskCompletionSource<RetrainingResult>, CancellationToken))s!;
                w.TrySetCanceled(token);
            }, (waiter, cancellationToken));
            _ = waiter.Task.ContinueWith(static (_, r) => ((CancellationTokenRegistration)r!).Dispose(), registration,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    /// <summary>Stops the schedule, cancels pending requests and waits for the worker to finish (at most one fit).</summary>
    /// <returns>A task that completes when the worker has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        int previous = Interlocked.Exchange(ref _state, 2);
        if (previous == 2)
        {
            return;
        }

        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _shutdown.CancelAsync().ConfigureAwait(false);
        if (previous == 1)
        {
            await _workerExited.Task.ConfigureAwait(false);
        }

        List<TaskCompletionSource<RetrainingResult>> waiters;
        lock (_requestGate)
        {
            waiters = [.. _waiters];
            _waiters.Clear();
        }

        foreach (TaskCompletionSource<RetrainingResult> waiter in waiters)
        {
            waiter.TrySetCanceled(_shutdown.Token);
        }

        _shutdown.Dispose();
        _signal.Dispose();
    }

    private bool Enqueue(string trigger, TaskCompletionSource<RetrainingResult>? waiter)
    {
        lock (_requestGate)
        {
            if (Volatile.Read(ref _state) == 2)
            {
                waiter?.TrySetCanceled();
                return false;
            }

            if (waiter is not null)
            {
                _waiters.Add(waiter);
            }

            _triggers.Add(trigger);
            if (_requested)
            {
                return false;
            }

            _requested = true;
            _signal.Release();
            return true;
        }
    }

    private void WorkerLoop()
    {
        // Retraining must never take a core from classification: Thread.Priority is ignored on Linux, so lower the nice value.
        Internal.ThreadNiceness.TrySetCurrentThread(Internal.ThreadNiceness.Background);
        CancellationToken token = _shutdown.Token;
        try
        {
            while (true)
            {
                _signal.Wait(token);
                List<TaskCompletionSource<RetrainingResult>> waiters;
                string trigger;
                lock (_requestGate)
                {
                    _requested = false;
                    waiters = [.. _waiters];
                    _waiters.Clear();
                    trigger = string.Join(", ", _triggers.Distinct(StringComparer.Ordinal));
                    _triggers.Clear();
                }

                RetrainingResult result = Retrain(trigger, token);
                LastResult = result;
                foreach (TaskCompletionSource<RetrainingResult> waiter in waiters)
                {
                    waiter.TrySetResult(result);
                }

                try
                {
                    RetrainCompleted?.Invoke(this, result);
                }
#pragma warning disable CA1031 // A subscriber's failure must not stop the retrain loop.
                catch (Exception)
#pragma warning restore CA1031
                {
                    // Nothing to report it to but the subscriber itself; the result is in LastResult.
                }

                if (result.Outcome == RetrainingOutcome.Canceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Shutdown.
        }
        finally
        {
            _workerExited.TrySetResult();
        }
    }

    /// <summary>One retrain: window, split, fit, compare, register, decide, on the calling thread (the worker; benchmarks).
    /// Never throws; shutdown ends in <see cref="RetrainingOutcome.Canceled"/>.</summary>
    internal RetrainingResult Retrain(string trigger, CancellationToken token)
    {
        DateTimeOffset started = _time.GetUtcNow();
        long t0 = _time.GetTimestamp();
        string? championVersion = _champion?.Model.Version;
        long operatorChanges = Interlocked.Read(ref _operatorChanges);
        RetrainingResult Result(RetrainingOutcome outcome, string reason, string? challengerVersion = null, int training = 0, int heldOut = 0,
            int components = 0, StudentEvaluation? challenger = null, StudentEvaluation? champion = null) =>
            new(trigger, outcome, reason, started, _time.GetElapsedTime(t0), challengerVersion, championVersion, training, heldOut, components,
                challenger, champion);

        TeacherModel? teacher = _teacher;
        if (teacher is null)
        {
            return Result(RetrainingOutcome.Skipped, "No teacher yet (the bootstrap batch is still being collected).");
        }

        try
        {
            IReadOnlyList<StoredTrainingPair> window = _buffer.ReadLatest(_options.WindowPairs);
            if (window.Count < _options.MinPairs)
            {
                return Result(RetrainingOutcome.Skipped, string.Create(CultureInfo.InvariantCulture,
                    $"{window.Count} pairs in the buffer; {_options.MinPairs} are needed."));
            }

            int heldOutCount = _options.HeldOutCount(window.Count);
            int trainingCount = window.Count - heldOutCount;
            var training = new PairingPair[trainingCount];
            var heldOut = new List<PairingPair>(heldOutCount);
            for (int i = 0; i < window.Count; i++)
            {
                PairingPair pair = ToPairingPair(window[i].Pair);
                if (i < trainingCount)
                {
                    training[i] = pair;
                }
                else if (!pair.IsEdge)
                {
                    heldOut.Add(pair);
                }
            }

            if (heldOut.Count == 0)
            {
                return Result(RetrainingOutcome.Skipped, "Every held-out pair is an edge pair; nothing to compare on.");
            }

            token.ThrowIfCancellationRequested();
            FitStarting?.Invoke();
            StudentFit fit = StudentTrainer.Fit(training, teacher.MineralNames,
                new StudentTrainerOptions { MaxComponents = _options.MaxComponents, FoldCount = _options.FoldCount, Seed = _options.Seed },
                heldOut);
            token.ThrowIfCancellationRequested();
            StudentEvaluation challengerScore = fit.HeldOut!;
            ChampionState? champion = _champion;
            StudentEvaluation? championScore = null;
            string? championNote = null;
            if (champion is not null)
            {
                if (champion.MatchesTeacher(teacher) && champion.Model.BandCount == _bands.Count)
                {
                    championScore = StudentEvaluation.Evaluate(ChampionState.ToAffine(champion.Model), heldOut);
                }
                else
                {
                    championNote = $"champion {champion.Model.Version} is not comparable (other classes or bands)";
                }
            }

            StudentModel model = BuildModel(fit, training, challengerScore, champion?.Model.Version, teacher);
            RegistryEntry entry = _registry.Register(model, Actor);
            string scores = championScore is null
                ? string.Create(CultureInfo.InvariantCulture, $"held-out accuracy {challengerScore.Accuracy:F4} on {challengerScore.Count} pairs")
                : string.Create(CultureInfo.InvariantCulture,
                    $"held-out accuracy {challengerScore.Accuracy:F4} vs champion {championScore.Accuracy:F4} on {challengerScore.Count} pairs (margin {_options.PromotionMargin:F4})");
            bool promote = championScore is null || challengerScore.Accuracy - championScore.Accuracy > _options.PromotionMargin;
            if (!promote)
            {
                _registry.Reject(entry.Version, Actor, $"not better than the champion by the margin: {scores}");
                return Result(RetrainingOutcome.Rejected, $"Not better than the champion by the margin: {scores}.", entry.Version, fit.TrainingCount,
                    challengerScore.Count, fit.Components, challengerScore, championScore);
            }

            string reason = champion is null ? $"bootstrap (no champion): {scores}"
                : championNote is not null ? $"{championNote}: {scores}"
                : $"better than the champion: {scores}";
            // An operator's rollback during the fit wins: the line keeps the model the operator chose (this challenger was
            // compared with another champion, or at best raced the operator), and it stays a candidate to promote by hand.
            string? operatorChampion = null;
            lock (_championGate)
            {
                if (_operatorChanges != operatorChanges)
                {
                    operatorChampion = _champion?.Model.Version;
                }
                else
                {
                    _registry.Promote(entry.Version, Actor, reason);
                    SetChampion(model);
                }
            }

            if (operatorChampion is not null)
            {
                return Result(RetrainingOutcome.Superseded, $"Not promoted: an operator changed the champion to {operatorChampion} during the retrain; the challenger stays a candidate ({scores}).",
                    entry.Version, fit.TrainingCount, challengerScore.Count, fit.Components, challengerScore, championScore);
            }

            string? handlerError = RaiseChampionChanged(model);
            if (handlerError is not null)
            {
                reason += $"; a ChampionChanged handler threw {handlerError}";
            }

            return Result(RetrainingOutcome.Promoted, char.ToUpperInvariant(reason[0]) + reason[1..] + ".", entry.Version, fit.TrainingCount,
                challengerScore.Count, fit.Components, challengerScore, championScore);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return Result(RetrainingOutcome.Canceled, "The session shut down during the retrain.");
        }
#pragma warning disable CA1031 // Any failure of a retrain is recorded as its outcome; the line keeps its champion.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Result(RetrainingOutcome.Failed, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private StudentModel BuildModel(StudentFit fit, IReadOnlyList<PairingPair> training, StudentEvaluation heldOut, string? parent, TeacherModel teacher)
    {
        int classes = teacher.MineralNames.Count;
        var recall = new double[classes];
        double recallSum = 0;
        int present = 0;
        for (int c = 0; c < classes; c++)
        {
            double r = heldOut.Recall(c);
            recall[c] = double.IsNaN(r) ? 0 : r;
            if (!double.IsNaN(r))
            {
                recallSum += r;
                present++;
            }
        }

        long encoderStart = long.MaxValue, encoderEnd = long.MinValue, timeStart = long.MaxValue, timeEnd = long.MinValue;
        foreach (PairingPair pair in training)
        {
            encoderStart = Math.Min(encoderStart, pair.LibsEncoder.Counts);
            encoderEnd = Math.Max(encoderEnd, pair.LibsEncoder.Counts);
            timeStart = Math.Min(timeStart, pair.LibsTimestamp);
            timeEnd = Math.Max(timeEnd, pair.LibsTimestamp);
        }

        var cv = new CrossValidationPoint[fit.CrossValidationErrorRate.Count];
        for (int i = 0; i < cv.Length; i++)
        {
            cv[i] = new CrossValidationPoint(i + 1, fit.CrossValidationErrorRate[i]);
        }

        int reject = IndexOfBackground(teacher.MineralNames);
        DateTimeOffset created = _time.GetUtcNow();
        return new StudentModel(
            NextVersion(created),
            created,
            parent,
            teacher.MineralNames,
            new RejectRule(reject, null, null),
            _bands,
            Volatile.Read(ref _preprocessing),
            fit.Model.Weights.Span,
            fit.Model.Bias,
            new TrainingProvenance(
                fit.TrainingCount,
                new TrainingWindow(encoderStart, encoderEnd, new DateTimeOffset(timeStart, TimeSpan.Zero), new DateTimeOffset(timeEnd, TimeSpan.Zero)),
                fit.Components,
                cv,
                new HeldOutMetrics(heldOut.Count, heldOut.Accuracy, present == 0 ? 0 : recallSum / present, recall)));
    }

    /// <summary>A version id from the creation time, unique in the registry: <c>yyyyMMdd-HHmmss.NNN</c>.</summary>
    private string NextVersion(DateTimeOffset created)
    {
        var taken = new HashSet<string>(_registry.Versions.Select(v => v.Version), StringComparer.Ordinal);
        string stamp = created.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        for (int n = 1; ; n++)
        {
            string version = string.Create(CultureInfo.InvariantCulture, $"{stamp}.{n:D3}");
            if (!taken.Contains(version))
            {
                return version;
            }
        }
    }

    private static int IndexOfBackground(IReadOnlyList<string> classNames)
    {
        for (int i = 0; i < classNames.Count; i++)
        {
            if (string.Equals(classNames[i], "background", StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return 0;
    }

    private static PairingPair ToPairingPair(TrainingPair stored)
    {
        var features = new double[stored.LibsFeatures.Length];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = stored.LibsFeatures[i];
        }

        // The stored record keeps the LIBS shot's encoder and the UTC time; the UTC ticks stand in for the timestamp.
        return new PairingPair(stored.Spectrum.ToArray(), stored.TeacherLabel, stored.TeacherConfidence, features, stored.Encoder,
            stored.Encoder, stored.TimestampUtc.UtcTicks, stored.Pixel, stored.IsEdge, stored.Weight);
    }
}

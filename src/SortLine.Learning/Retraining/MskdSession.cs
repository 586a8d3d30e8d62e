using System.Globalization;
using System.Text;
using SortLine.Learning.Internal;
using SortLine.Learning.Models;
using SortLine.Learning.Pairing;
using SortLine.Learning.Registry;
using SortLine.Learning.Teacher;
using SortLine.Learning.Training;
using SortLine.Sensors.Libs;
using SortLine.Spectra;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;
using PairingPair = SortLine.Learning.Pairing.TrainingPair;
using StoredPair = SortLine.Learning.Training.TrainingPair;

namespace SortLine.Learning.Retraining;

/// <summary>
/// The MSKD loop of one sorting line (methods brief §4) as a component the host runs: LIBS points in → teacher labels →
/// pairs with the preprocessed SWIR spectra of a <see cref="SwirLineHistory"/> → <see cref="TrainingBuffer"/>; retrains
/// of the student in the background, on a schedule and on demand; champion/challenger decisions recorded in the
/// <see cref="ModelRegistry"/>; <see cref="ChampionChanged"/> for the host to hot-swap its classifier; the live
/// teacher agreement (<see cref="Agreement"/>) as a drift signal.
/// </summary>
/// <remarks>
/// <para><b>Wiring.</b> The host owns the sensors, the history, the buffer and the registry (the session disposes none of
/// them). On the thread that appends preprocessed SWIR lines to the history it calls <see cref="AddLibsPoint"/> for every
/// LIBS point (the history and <see cref="PairBuilder"/> are single-threaded, so both must be fed from one thread or under
/// one lock). It subscribes to <see cref="ChampionChanged"/>, reads <see cref="Champion"/> once at start (the registry's
/// champion, if any), calls <see cref="Start"/> to begin the schedule, and disposes the session on shutdown.</para>
/// <para><b>Teacher.</b> If <see cref="RetrainingOptions.TeacherFileName"/> exists in the registry's folder the teacher is
/// loaded from it. Otherwise the first <see cref="RetrainingOptions.TeacherBootstrapPoints"/> accepted points form the
/// bootstrap batch: each is paired at once with a provisional label (its SWIR line is in the history now, and may not be
/// later), the teacher is fitted on the batch (<see cref="KMeansTeacher"/>), persisted atomically as JSON, and the batch's
/// pairs are labelled and appended. Afterwards every point is labelled on arrival.</para>
/// <para><b>Retrain</b> (one at a time, on a dedicated below-normal-priority thread; the caller never waits): read the
/// newest <see cref="RetrainingOptions.WindowPairs"/> pairs; hold out the most recent
/// <see cref="RetrainingOptions.HeldOutFraction"/> (edge pairs are left out of the held-out scoring, as they are out of
/// the fit: their teacher label is unreliable); fit the challenger on the rest (<see cref="Student.StudentTrainer"/>, PLS-DA
/// with stratified K-fold CV over 1 … <see cref="RetrainingOptions.MaxComponents"/>); score champion and challenger on the
/// same held-out pairs against the teacher; register the challenger (metrics, parent version = champion, training window);
/// promote it when there is no champion (bootstrap) or when its accuracy exceeds the champion's by more than
/// <see cref="RetrainingOptions.PromotionMargin"/>, otherwise reject it. Every retrain ends in a
/// <see cref="RetrainingResult"/> (<see cref="RetrainCompleted"/>, <see cref="LastResult"/>).</para>
/// <para><b>Events</b> are raised on the retrain thread (or on the caller's thread for <see cref="Rollback"/>); a handler
/// that throws does not stop the loop: the exception is appended to the result's reason.</para>
/// <para><b>Shutdown.</b> <see cref="DisposeAsync"/> stops the schedule, cancels pending requests and waits for the worker.
/// A fit in progress is not interrupted (PLS has no cancellation points); its result is discarded before anything is
/// registered, so shutdown waits at most one fit.</para>
/// </remarks>
public sealed partial class MskdSession : IAsyncDisposable
{
    private readonly RetrainingOptions _options;
    private readonly float[] _trimmed;
    private readonly SwirLineHistory _history;
    private readonly TrainingBuffer _buffer;
    private readonly ModelRegistry _registry;
    private readonly BandSet _bands;
    private PreprocessingParameters _preprocessing;
    private readonly TimeProvider _time;
    private readonly MineralTable _minerals;
    private readonly TeacherOptions? _teacherOptions;
    private readonly string _teacherPath;
    private readonly double[] _features;
    private readonly double[] _extractorScratch;
    private readonly float[] _scoreScratch;
    private readonly List<(PairingPair? Pair, long Line, double[] Features)> _bootstrap = [];
    private readonly long[] _outcomes = new long[Enum.GetValues<LibsPointOutcome>().Length];
    private readonly Lock _championGate = new();
    private volatile TeacherModel? _teacher;
    private volatile ChampionState? _champion;

    /// <summary>Operator changes of the champion so far (rollbacks); a retrain that saw another count does not promote.</summary>
    private long _operatorChanges;

    /// <summary>Creates the session; loads the persisted teacher and the registry's champion if they exist.</summary>
    /// <param name="options">Loop settings (validated here).</param>
    /// <param name="libs">The LIBS spectrometer (its channel wavelengths; stitched spectrometers are trimmed by
    /// <see cref="LibsChannelTrim"/>).</param>
    /// <param name="registration">LIBS → SWIR registration.</param>
    /// <param name="history">The preprocessed SWIR lines the host appends to.</param>
    /// <param name="buffer">The training buffer pairs go to and retrains read.</param>
    /// <param name="registry">The model registry; the teacher file lives in its root folder.</param>
    /// <param name="bands">The camera's band set (recorded in every model).</param>
    /// <param name="preprocessing">The SWIR preprocessing of the history's spectra (recorded in every model).</param>
    /// <param name="timeProvider">The clock for the schedule and timestamps; null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="pairingOptions">Pairing settings; null for the defaults.</param>
    /// <param name="minerals">The teacher's mineral table; null for <see cref="MineralTable.Default"/>.</param>
    /// <param name="teacherOptions">Teacher fit settings; null for the defaults.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent, the band count differs from the history's, the
    /// teacher file is unreadable, or the champion's band set differs from <paramref name="bands"/>.</exception>
    public MskdSession(RetrainingOptions options, LibsSpectrometerInfo libs, LibsToSwirRegistration registration, SwirLineHistory history,
        TrainingBuffer buffer, ModelRegistry registry, BandSet bands, PreprocessingParameters preprocessing, TimeProvider? timeProvider = null,
        PairingOptions? pairingOptions = null, MineralTable? minerals = null, TeacherOptions? teacherOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(libs);
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(bands);
        ArgumentNullException.ThrowIfNull(preprocessing);
        options.Validate();
        if (bands.Count != history.Bands)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The band set has {bands.Count} bands; the history holds {history.Bands}."), nameof(bands));
        }

        _options = options;
        ChannelTrim = new LibsChannelTrim(libs.ChannelWavelengthsNm);
        Extractor = new LibsFeatureExtractor([.. ChannelTrim.WavelengthsNm], teacherOptions);
        _trimmed = new float[ChannelTrim.OutputChannels];
        _history = history;
        _buffer = buffer;
        _registry = registry;
        _bands = bands;
        _preprocessing = preprocessing;
        _time = timeProvider ?? TimeProvider.System;
        _minerals = minerals ?? MineralTable.Default;
        _teacherOptions = teacherOptions;
        Pairing = new PairBuilder(registration, history, pairingOptions);
        _features = new double[Extractor.FeatureCount];
        _extractorScratch = Extractor.CreateScratch();
        Agreement = new TeacherAgreementMonitor(options.AgreementWindowPairs, options.AgreementAlarmBelow, options.AgreementMinPairs);
        _teacherPath = Path.Combine(registry.Root, options.TeacherFileName);
        if (File.Exists(_teacherPath))
        {
            try
            {
                _teacher = TeacherModel.FromJson(File.ReadAllText(_teacherPath, Encoding.UTF8));
            }
            catch (Exception e) when (e is FormatException or ArgumentException or System.Text.Json.JsonException)
            {
                throw new ArgumentException($"The teacher file '{_teacherPath}' cannot be read: {e.Message}", nameof(registry), e);
            }
        }

        if (registry.Champion is { } entry)
        {
            StudentModel model = registry.LoadModel(entry.Version);
            model.EnsureCompatibleWith(bands);
            _champion = new ChampionState(model);
            Agreement.Reset(model.Version);
        }

        int maxClasses = Math.Max(_minerals.Count, _teacher?.MineralNames.Count ?? 0);
        _scoreScratch = new float[Math.Max(maxClasses, _champion?.Model.ClassCount ?? 0)];
        _worker = new Thread(WorkerLoop) { IsBackground = true, Name = "SortLine MSKD retrain" };
    }

    /// <summary>Raised when a new champion takes over (promotion or rollback), with the model to classify with from now on.</summary>
    public event EventHandler<StudentModel>? ChampionChanged;

    /// <summary>Raised after every retrain, with its record.</summary>
    public event EventHandler<RetrainingResult>? RetrainCompleted;

    /// <summary>Raised once when the teacher has been fitted on the bootstrap batch and persisted.</summary>
    public event EventHandler<TeacherModel>? TeacherFitted;

    /// <summary>Gets the teacher, or null while the bootstrap batch is being collected.</summary>
    public TeacherModel? Teacher => _teacher;

    /// <summary>Gets the current champion, or null before the first promotion.</summary>
    public StudentModel? Champion => _champion?.Model;

    /// <summary>Gets the live teacher agreement of the champion (drift monitor).</summary>
    public TeacherAgreementMonitor Agreement { get; }

    /// <summary>Gets the channel trim applied to every LIBS spectrum before feature extraction.</summary>
    public LibsChannelTrim ChannelTrim { get; }

    /// <summary>Gets the LIBS feature extractor (over the trimmed channels; settings from the teacher options).</summary>
    public LibsFeatureExtractor Extractor { get; }

    /// <summary>Gets the pair builder (pair and failure counts per reason).</summary>
    public PairBuilder Pairing { get; }

    /// <summary>Gets the result of the most recent retrain, or null.</summary>
    public RetrainingResult? LastResult { get; private set; }

    /// <summary>Gets the path of the persisted teacher file.</summary>
    public string TeacherPath => _teacherPath;

    /// <summary>Gets how many LIBS points ended with an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The count since construction.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The outcome is not defined.</exception>
    public long GetPointCount(LibsPointOutcome outcome)
    {
        if (!Enum.IsDefined(outcome))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not a defined outcome.");
        }

        return Interlocked.Read(ref _outcomes[(int)outcome]);
    }

    /// <summary>
    /// Takes one LIBS point: extracts its line features, labels it with the teacher (or adds it to the bootstrap batch),
    /// pairs it with the SWIR spectrum at its registered place, appends the pair to the training buffer, and records the
    /// champion's agreement with the teacher there. Call it from the thread that feeds the history.
    /// </summary>
    /// <param name="point">The LIBS point (not retained; the caller may return it to its pool afterwards).</param>
    /// <returns>What happened to the point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="point"/> is null.</exception>
    /// <exception cref="ArgumentException">The spectrum length differs from the instrument's channels.</exception>
    /// <exception cref="IOException">The training buffer or the teacher file could not be written.</exception>
    public LibsPointOutcome AddLibsPoint(LibsPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        LibsPointOutcome outcome = Process(point);
        Interlocked.Increment(ref _outcomes[(int)outcome]);
        return outcome;
    }

    /// <summary>Restores the previous champion (registry rollback) and raises <see cref="ChampionChanged"/> with it.</summary>
    /// <param name="actor">Who rolls back.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The restored champion.</returns>
    /// <exception cref="ArgumentException"><paramref name="actor"/> or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">There is no previous champion.</exception>
    public StudentModel Rollback(string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        StudentModel restored;
        lock (_championGate)
        {
            RegistryEntry entry = _registry.Rollback(actor, reason);
            restored = _registry.LoadModel(entry.Version);
            SetChampion(restored);
            _operatorChanges++;
        }

        RaiseChampionChanged(restored);
        return restored;
    }

    /// <summary>
    /// Returns to a given registered version: it becomes the champion (a registry promotion recorded with
    /// <paramref name="actor"/> and <paramref name="reason"/>) and <see cref="ChampionChanged"/> is raised with it. The
    /// version that is already champion is returned as it is (nothing changes, no event).
    /// </summary>
    /// <param name="version">The version to return to.</param>
    /// <param name="actor">Who rolls back.</param>
    /// <param name="reason">Why.</param>
    /// <returns>The champion now.</returns>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    /// <exception cref="KeyNotFoundException">The version is not registered.</exception>
    /// <exception cref="InvalidOperationException">The version was rejected and cannot become champion.</exception>
    /// <exception cref="ModelFileException">The version's model file is damaged (the registry is left unchanged).</exception>
    public StudentModel RollbackTo(string version, string actor, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        StudentModel restored;
        lock (_championGate)
        {
            if (_champion is { } current && string.Equals(current.Model.Version, version, StringComparison.Ordinal))
            {
                return current.Model;
            }

            RegistryEntry entry = _registry.Get(version);
            if (entry.Status == ModelStatus.Rejected)
            {
                throw new InvalidOperationException($"Model version '{version}' was rejected and cannot become champion.");
            }

            // Load (and verify) first, so a damaged file leaves the registry and the line as they were.
            restored = _registry.LoadModel(version);
            _registry.Promote(version, actor, reason);
            SetChampion(restored);
            _operatorChanges++;
        }

        RaiseChampionChanged(restored);
        return restored;
    }

    private LibsPointOutcome Process(LibsPoint point)
    {
        ChannelTrim.Apply(point.Spectrum, _trimmed);
        if (!Extractor.TryExtract(_trimmed, _features, _extractorScratch, out _))
        {
            return LibsPointOutcome.Rejected;
        }

        TeacherModel? teacher = _teacher;
        if (teacher is null)
        {
            return Bootstrap(point);
        }

        TeacherLabel label = teacher.Label(_features);
        if (!Pairing.TryBuild(point, label, _features, out PairingPair? pair, out _))
        {
            return LibsPointOutcome.NotPaired;
        }

        _buffer.Append(ToStored(pair!, label.Distance, LineOf(pair!)));
        RecordAgreement(pair!);
        return LibsPointOutcome.Paired;
    }

    private LibsPointOutcome Bootstrap(LibsPoint point)
    {
        // Pair now with a provisional label: the point's SWIR line is in the history now and may have left it by the time
        // the batch is complete.
        bool paired = Pairing.TryBuild(point, new TeacherLabel(0, 0, 0, 1), _features, out PairingPair? pair, out _);
        _bootstrap.Add((paired ? pair : null, paired ? LineOf(pair!) : -1, (double[])_features.Clone()));
        if (_bootstrap.Count < _options.TeacherBootstrapPoints)
        {
            return LibsPointOutcome.Bootstrapping;
        }

        int n = _bootstrap.Count, d = _features.Length;
        var matrix = new double[n * d];
        for (int i = 0; i < n; i++)
        {
            _bootstrap[i].Features.CopyTo(matrix, i * d);
        }

        TeacherFit fit = KMeansTeacher.Fit(new ReadOnlyMatrixSpan<double>(matrix, n, d), Extractor.Elements, _minerals, _teacherOptions);
        TeacherModel teacher = fit.Model;
        DurableFile.WriteAtomic(_teacherPath, Encoding.UTF8.GetBytes(teacher.ToJson()));
        _teacher = teacher;
        foreach ((PairingPair? provisional, long line, double[] features) in _bootstrap)
        {
            if (provisional is null)
            {
                continue;
            }

            TeacherLabel label = teacher.Label(features);
            _buffer.Append(ToStored(provisional with { Label = label.Mineral, Confidence = label.Confidence }, label.Distance, line));
        }

        _bootstrap.Clear();
        TeacherFitted?.Invoke(this, teacher);
        return LibsPointOutcome.Bootstrapping;
    }

    private void RecordAgreement(PairingPair pair)
    {
        ChampionState? champion = _champion;
        if (champion is null || !champion.MatchesTeacher(_teacher))
        {
            return;
        }

        int studentClass = champion.Classifier.Classify(pair.Spectrum, _scoreScratch.AsSpan(0, champion.Model.ClassCount));
        Agreement.Record(studentClass, pair.Label, champion.Model.Version);
    }

    /// <summary>The camera sequence number of the history line a pair's spectrum came from.</summary>
    private long LineOf(PairingPair pair) =>
        _history.TryFindNearest(pair.SwirEncoder, 0, out long slot, out _) ? Math.Max(0, _history.GetStamp(slot).Sequence) : 0;

    private StoredPair ToStored(PairingPair pair, double distance, long line)
    {
        var features = new float[pair.Features.Length];
        for (int i = 0; i < features.Length; i++)
        {
            features[i] = (float)pair.Features[i];
        }

        return new StoredPair(pair.Spectrum, pair.Label, (float)pair.Confidence, (float)Math.Max(0, distance), features, pair.LibsEncoder,
            _time.GetUtcNow(), pair.Pixel, line, pair.IsEdge, (float)pair.Weight);
    }

    private void SetChampion(StudentModel model)
    {
        _champion = new ChampionState(model);
        Agreement.Reset(model.Version);
    }

    private string? RaiseChampionChanged(StudentModel model)
    {
        try
        {
            ChampionChanged?.Invoke(this, model);
            return null;
        }
#pragma warning disable CA1031 // A subscriber's failure must not stop the retrain loop; it is reported in the result.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>The champion with its float line classifier (for the agreement monitor).</summary>
    private sealed class ChampionState(StudentModel model)
    {
        public StudentModel Model { get; } = model;

        public AffineClassifier Classifier { get; } = new(ToAffine(model));

        public bool MatchesTeacher(TeacherModel? teacher) =>
            teacher is not null && teacher.MineralNames.SequenceEqual(Model.ClassNames, StringComparer.Ordinal);

        public static AffineModel ToAffine(StudentModel model) => AffineModel.Create(model.WeightMatrix, model.Bias);
    }
}

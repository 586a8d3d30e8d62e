using System.Globalization;
using Microsoft.Extensions.Options;
using SortLine.Learning.Models;
using SortLine.Learning.Pairing;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;
using TrainingBuffer = SortLine.Learning.Training.TrainingBuffer;
using TrainingBufferOptions = SortLine.Learning.Training.TrainingBufferOptions;
using SortLine.Spectra.Regression;
using SortLine.Learning.Student;
using SortLine.Learning.Teacher;
using SortLine.Pipeline;
using SortLine.Pipeline.Inference;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Service.Line;
using SortLine.Service.Options;
using SortLine.Simulators.Libs;
using SortLine.Spectra;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>
/// Bootstraps the first student by multimodal spectral knowledge distillation (methods brief §3-4) from the LIBS
/// spectrometer, then keeps reading LIBS points (telemetry). LIBS faults are reconnected with back-off and never stop
/// sorting.
/// </summary>
/// <remarks>
/// Steps, once the camera is calibrated: register LIBS to SWIR from the calibration targets (Kabsch-Umeyama); fit the
/// knowledge-initialised K-means teacher on <see cref="LearningOptions.TeacherPoints"/> accepted points; label later points
/// and pair each with the preprocessed SWIR pixel it hit until <see cref="LearningOptions.StudentPairs"/> mineral pairs;
/// train the PLS-DA student (components by cross-validation) and swap it into the <see cref="ModelSlot"/> (which builds its
/// classifier for the line's current references and rebuilds it after every recalibration).
/// Background is not learnt: points without plasma are rejected by the teacher, and the belt is segmented by brightness.
/// <para><b>Threads.</b> LIBS points are read on the thread pool and processed (feature extraction, pairing under the
/// history's lock, training-buffer writes with their periodic fsync, the teacher's fit) on the learning thread, a dedicated
/// thread below the line's priority (<see cref="BackgroundConsumer{T}"/>), so the learning side neither takes a core from
/// the camera and the classification workers nor blocks a pool thread the line's loops need.</para>
/// </remarks>
internal sealed partial class LearningWorker(
    SimulatedLineProvider lines,
    CalibrationState calibration,
    ModelSlot models,
    PairingHistory history,
    RetrainingControl control,
    ISensorTelemetry sensorTelemetry,
    ILearningTelemetry learningTelemetry,
    IPipelineTelemetry pipelineTelemetry,
    IOptions<LineOptions> lineOptions,
    IOptions<LearningOptions> learningOptions,
    IOptions<SortingOptions> sortingOptions,
    IOptions<RetrainingOptions> retrainingOptions,
    IOptions<ParticleOptions> particleOptions,
    TimeProvider time,
    ILogger<LearningWorker> logger) : BackgroundService
{
    private const string Background = LineClasses.Background;

    /// <summary>LIBS points queued for the learning thread at most: 0.32 s at 100 points/s, half the simulated
    /// spectrometer's buffers, so the spectrometer always has buffers for new shots.</summary>
    private const int PointQueueCapacity = 32;

    private const string LearningThreadName = "SortLine MSKD learning";

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        LearningOptions options = learningOptions.Value;
        if (!sortingOptions.Value.Enabled)
        {
            return;
        }

        SpectralPreprocessing plan = await calibration.Calibrated.WaitAsync(stoppingToken).ConfigureAwait(false);
        ILibsSpectrometer spectrometer = lines.Spectrometer;
        var connector = new SensorConnector(SensorKind.Libs, sensorTelemetry, sortingOptions.Value, time, logger);
        await connector.ConnectAsync(spectrometer.ConnectAsync, stoppingToken).ConfigureAwait(false);

        double pitchMm = lines.Line.Camera.PixelPitchMetres * 1000.0;
        var pairing = new PairingOptions { SwirPixelPitchMm = pitchMm };
        var scale = new EncoderScale(lineOptions.Value.EncoderCountsPerMeter);
        LibsToSwirRegistration registration = LibsToSwirRegistration.Estimate(ToTargets(lines.Line.CalibrationTargets), scale, pairing);
        LogRegistered(logger, registration.TargetCount, registration.RmsResidualMm);
        history.Start(pairing.HistoryLines, plan.Pixels, plan.Bands);
        if (options.UseRetrainingSession)
        {
            await RunSessionAsync(spectrometer, connector, registration, pairing, plan, options, stoppingToken).ConfigureAwait(false);
            return;
        }

        var channels = new LibsChannelSelection(spectrometer.Info.ChannelWavelengthsNm);
        float[] spectrum = new float[channels.Count];
        var extractor = new LibsFeatureExtractor(channels.WavelengthsNm);
        double[] features = new double[extractor.FeatureCount];
        double[] scratch = extractor.CreateScratch();
        var teacherRows = new List<double>(options.TeacherPoints * extractor.FeatureCount);
        TeacherModel? teacher = null;
        var pairBuilder = new PairBuilder(registration, GetHistoryOrThrow(), pairing);
        var pairs = new List<TrainingPair>(options.StudentPairs);
        IReadOnlyList<string> minerals = MineralTable.Default.Names;
        string[] classNames = [.. LineClasses.Names, .. minerals.Where(m => !LineClasses.Names.Contains(m))];
        int[] mineralToClass = [.. minerals.Select(m => Array.IndexOf(classNames, m))];
        bool trained = false;

        await ConsumePointsAsync(spectrometer, connector, Handle, stoppingToken).ConfigureAwait(false);

        // On the learning thread (ConsumePointsAsync), one point at a time.
        void Handle(LibsPoint point)
        {
            channels.Select(point.Spectrum, spectrum);
            if (!extractor.TryExtract(spectrum, features, scratch, out LibsExtractionDiagnostics diagnostics))
            {
                if (diagnostics.Reason == LibsRejectReason.NoPlasma)
                {
                    sensorTelemetry.LibsMisfires(1);
                }

                return;
            }

            if (trained)
            {
                return;
            }

            if (teacher is null)
            {
                teacherRows.AddRange(features);
                if (teacherRows.Count / extractor.FeatureCount >= options.TeacherPoints)
                {
                    TeacherFit fit = KMeansTeacher.Fit(
                        new ReadOnlyMatrixSpan<double>(teacherRows.ToArray(), teacherRows.Count / extractor.FeatureCount, extractor.FeatureCount),
                        extractor.Elements);
                    teacher = fit.Model;
                    LogTeacher(logger, fit.Model.TrainingSampleCount, fit.Model.ClusterCount, fit.Iterations);
                }

                return;
            }

            TeacherLabel label = teacher.Label(features);
            int classId = mineralToClass[label.Mineral];
            if (classId <= 0)
            {
                return; // background cluster: the belt is segmented by brightness, not learnt
            }

            TrainingPair? pair = null;
            history.TryUse((point, label with { Mineral = classId }), (h, s) =>
                pairBuilder.TryBuild(s.point, s.Item2, features, out pair, out _));
            if (pair is not null)
            {
                pairs.Add(pair);
            }

            if (pairs.Count >= options.StudentPairs)
            {
                history.Stop();
                LineModel model = Train(pairs, classNames, options, plan);
                models.Swap(model);
                trained = true;
            }
        }
    }

    /// <summary>The MSKD retraining session: bootstrap, then scheduled and on-demand retraining with champion/challenger.</summary>
    private async Task RunSessionAsync(ILibsSpectrometer spectrometer, SensorConnector connector, LibsToSwirRegistration registration,
        PairingOptions pairing, SpectralPreprocessing plan, LearningOptions options, CancellationToken stoppingToken)
    {
        RetrainingOptions retraining = retrainingOptions.Value;
        string root = Path.GetFullPath(options.ModelDirectory);
        Directory.CreateDirectory(root);
        ModelRegistry registry = ModelRegistry.Open(root, time);
        using TrainingBuffer buffer = TrainingBuffer.Open(new TrainingBufferOptions { Directory = Path.Combine(root, "buffer") });
        PreprocessingParameters parameters = ParametersOf(plan);
        var session = new MskdSession(retraining, spectrometer.Info, registration, GetHistoryOrThrow(), buffer, registry,
            BandSet.FromCamera(lines.Camera.Info), parameters, time, pairing);
        await using (session.ConfigureAwait(false))
        {
            int requested = 0;
            session.ChampionChanged += (_, model) => models.Swap(ToLineModel(model));
            session.RetrainCompleted += (_, result) =>
            {
                learningTelemetry.RetrainCompleted(result.Outcome switch
                {
                    RetrainingOutcome.Promoted => RetrainOutcome.Succeeded,
                    RetrainingOutcome.Rejected or RetrainingOutcome.Superseded => RetrainOutcome.Rejected,
                    _ => RetrainOutcome.Failed,
                }, result.Duration);
                LogRetrain(logger, result.Trigger, result.Outcome, result.ChallengerVersion ?? "-", result.TrainingCount, result.Components, result.Reason);
                Volatile.Write(ref requested, 0);
            };
            if (session.Champion is { } champion)
            {
                models.Swap(ToLineModel(champion));
            }

            session.Start();
            control.Attach(session);

            // A recalibration (PLC capture) changes the references: later models must name the new ones.
            EventHandler<SpectralPreprocessing> recalibrated = (_, changed) => session.UpdatePreprocessing(ParametersOf(changed));
            calibration.Changed += recalibrated;
            try
            {
                long paired = 0;
                await ConsumePointsAsync(spectrometer, connector, point =>
                {
                    // On the learning thread (ConsumePointsAsync), one point at a time.
                    LibsPointOutcome outcome = LibsPointOutcome.Rejected;
                    history.TryUse(point, (_, p) => outcome = session.AddLibsPoint(p));
                    if (outcome == LibsPointOutcome.Rejected)
                    {
                        sensorTelemetry.LibsMisfires(1);
                    }

                    paired += outcome == LibsPointOutcome.Paired ? 1 : 0;
                    if (session.Champion is null && paired >= retraining.MinPairs && Interlocked.Exchange(ref requested, 1) == 0)
                    {
                        session.RequestRetrain("bootstrap");
                    }

                    if (session.Agreement.Current.Count > 0)
                    {
                        learningTelemetry.SetTeacherAgreement(session.Agreement.Agreement);
                    }
                }, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                calibration.Changed -= recalibrated;
                control.Attach(null);
            }
        }
    }

    /// <summary>The model file's description of a preprocessing plan; the references count as captured now (when the plan
    /// is published, right after the capture).</summary>
    private PreprocessingParameters ParametersOf(SpectralPreprocessing plan)
    {
        DateTimeOffset now = time.GetUtcNow();
        return new SwirLinePreprocessor(plan.Calibration, lines.Camera.Info.BandCentersNm, plan.SavitzkyGolay, now, now).Parameters;
    }

    /// <summary>A registry model as the line's model: outputs mapped to line classes by name (others: the reject class).</summary>
    private LineModel ToLineModel(StudentModel model) =>
        LineModel.FromStudent(model, LineClasses.Names, LineClasses.RejectClassId(particleOptions.Value.RejectClass));

    private SwirLineHistory GetHistoryOrThrow()
    {
        SwirLineHistory? found = null;
        history.TryUse(0, (h, _) => found = h);
        return found ?? throw new InvalidOperationException("The pairing history is not collecting.");
    }

    private LineModel Train(List<TrainingPair> pairs, string[] classNames, LearningOptions options, SpectralPreprocessing plan)
    {
        // Train on the classes the teacher actually found, with contiguous labels; map outputs back to pipeline ids.
        int[] present = [.. pairs.GroupBy(p => p.Label).Where(g => g.Count() >= 5).Select(g => g.Key).Order()];
        if (present.Length < 2)
        {
            throw new InvalidOperationException($"The teacher labelled fewer than two minerals in {pairs.Count} pairs.");
        }

        List<TrainingPair> training = [.. pairs.Where(p => Array.IndexOf(present, p.Label) >= 0).Select(p => p with { Label = Array.IndexOf(present, p.Label) })];
        string[] names = [.. present.Select(c => classNames[c])];
        long started = time.GetTimestamp();
        StudentFit fit = StudentTrainer.Fit(training, names, new StudentTrainerOptions { MaxComponents = options.MaxComponents });
        TimeSpan elapsed = time.GetElapsedTime(started);
        string version = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-ddTHH-mm-ssZ}-bootstrap");
        learningTelemetry.RetrainCompleted(RetrainOutcome.Succeeded, elapsed);
        double cvError = fit.CrossValidationErrorRate.Count >= fit.Components ? fit.CrossValidationErrorRate[fit.Components - 1] : double.NaN;
        string classList = string.Join(',', names);
        LogTrained(logger, version, fit.TrainingCount, fit.Components, cvError, classList, elapsed);
        // Trained on the history's features (the line's preprocessing): the same plans, so the stage scores from those
        // features. Without a reject rule; an output index outside the model (none here) would go to the reject class.
        return new LineModel(version, fit.Model, plan.SavitzkyGolay, plan.Line.HullQuotient, new PixelRejectRule(byte.MaxValue), names,
            LineClasses.Names, LineClasses.RejectClassId(particleOptions.Value.RejectClass));
    }

    private static List<RegistrationTarget> ToTargets(IReadOnlyList<LibsCalibrationTarget> targets) =>
        [.. targets.Select(t => new RegistrationTarget(t.LibsXMm, t.LibsYMm, new EncoderPosition((long)Math.Round(t.LibsEncoderCounts)),
            t.SwirPixel, new EncoderPosition((long)Math.Round(t.SwirEncoderCounts))))];

    /// <summary>
    /// Reads LIBS points (on the thread pool; reading is cheap) and hands each to <paramref name="handle"/> on the learning
    /// thread (<see cref="BackgroundConsumer{T}"/>: dedicated, below the line's priority), which disposes it afterwards.
    /// A point that finds the learning thread <see cref="PointQueueCapacity"/> points behind is dropped and counted
    /// (<c>stage="libs_pairing"</c>, <c>reason="queue_full"</c>). At shutdown the queued points are dropped unprocessed.
    /// </summary>
    /// <exception cref="Exception">What <paramref name="handle"/> threw (the learning thread stops on it).</exception>
    private async Task ConsumePointsAsync(ILibsSpectrometer spectrometer, SensorConnector connector, Action<LibsPoint> handle,
        CancellationToken stoppingToken)
    {
        using var learning = new BackgroundConsumer<LibsPoint>(LearningThreadName, PointQueueCapacity, handle);
        try
        {
            await foreach (LibsPoint point in ReadPointsAsync(spectrometer, connector, stoppingToken).ConfigureAwait(false))
            {
                sensorTelemetry.LibsPointsReceived(1);
                if (learning.TryAdd(point))
                {
                    continue;
                }

                point.Dispose();
                if (learning.Completion.IsCompleted)
                {
                    break; // the learning thread failed: its exception is thrown below
                }

                pipelineTelemetry.ItemsDropped(PipelineStage.LibsPairing, DropReason.QueueFull, 1);
            }
        }
        finally
        {
            learning.Complete(drain: !stoppingToken.IsCancellationRequested);
            await learning.Completion.ConfigureAwait(false);
        }
    }

    /// <summary>LIBS points across faults: a fault (also a read timeout: connected but no point within
    /// <see cref="SortingOptions.LibsReadTimeoutMilliseconds"/>) sets the spectrometer Faulted and reconnects with back-off.</summary>
    private static async IAsyncEnumerable<LibsPoint> ReadPointsAsync(ILibsSpectrometer spectrometer, SensorConnector connector,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IAsyncEnumerator<LibsPoint> points = connector.ReadAsync(spectrometer.ReadPointsAsync, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    LibsPoint? point = null;
                    SensorFaultException? fault = null;
                    try
                    {
                        if (await points.MoveNextAsync().ConfigureAwait(false))
                        {
                            point = points.Current;
                        }
                    }
                    catch (SensorFaultException ex)
                    {
                        fault = ex;
                    }

                    if (fault is not null)
                    {
                        connector.SetState(SensorState.Faulted, fault);
                        await connector.BackOffAsync(cancellationToken).ConfigureAwait(false);
                        await connector.ConnectAsync(spectrometer.ConnectAsync, cancellationToken).ConfigureAwait(false);
                        break;
                    }

                    if (point is null)
                    {
                        connector.SetState(SensorState.Disconnected);
                        yield break;
                    }

                    yield return point;
                }
            }
            finally
            {
                await points.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retrain ({Trigger}): {Outcome}, challenger {ModelVersion}, {Pairs} pairs, {Components} components: {Reason}")]
    private static partial void LogRetrain(ILogger logger, string trigger, RetrainingOutcome outcome, string modelVersion, int pairs, int components, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "LIBS registered to SWIR from {Targets} calibration targets, RMS residual {RmsMm} mm")]
    private static partial void LogRegistered(ILogger logger, int targets, double rmsMm);

    [LoggerMessage(Level = LogLevel.Information, Message = "LIBS teacher fitted on {Points} points: {Clusters} clusters in {Iterations} iterations")]
    private static partial void LogTeacher(ILogger logger, int points, int clusters, int iterations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Student {ModelVersion} trained on {Pairs} pairs: {Components} PLS components, CV error {CvError:P1}, classes {Classes}, in {Elapsed}")]
    private static partial void LogTrained(ILogger logger, string modelVersion, int pairs, int components, double cvError, string classes, TimeSpan elapsed);
}

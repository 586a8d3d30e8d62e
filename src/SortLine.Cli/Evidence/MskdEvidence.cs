using SortLine.Learning.Models;
using SortLine.Learning.Pairing;
using SortLine.Learning.Registry;
using SortLine.Learning.Retraining;
using SortLine.Learning.Student;
using SortLine.Learning.Teacher;
using SortLine.Learning.Training;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Libs;
using SortLine.Sensors.Swir;
using SortLine.Simulators;
using SortLine.Simulators.Libs;
using SortLine.Simulators.Recording.Envi;
using SortLine.Simulators.Swir;
using SortLine.Spectra;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Classification;
using SortLine.Spectra.Regression;
using SortLine.Spectra.Smoothing;

namespace SortLine.Cli.Evidence;

/// <summary>
/// Runs the whole MSKD chain on the simulated belt and scores it against the simulator's ground truth: camera calibration
/// (dark and white views averaged), LIBS → SWIR registration from the calibration targets, SWIR lines → reflectance →
/// Savitzky–Golay (11, 2) → hull quotient → <see cref="SwirLineHistory"/>, LIBS points → <see cref="MskdSession"/> (teacher
/// bootstrap, labels, pairs, training buffer, retrain, registry); then teacher, student and the PCA + k-means baseline.
/// </summary>
/// <remarks>
/// <para><b>Burst run.</b> Stepped encoder; the camera advances the belt by one line period per line; one LIBS shot is taken
/// whenever the shot clock (<see cref="MskdEvidenceOptions.LibsPointRateHz"/>) falls due between lines.</para>
/// <para><b>Ground truth.</b> A SWIR pixel counts when its whole footprint (the camera's own n × n scene samples, queried with
/// <see cref="Simulators.Belt.BeltScene.QueryFootprint"/>) is one material: its spectrum is then that material's, and
/// that material is the truth (inside a grain it differs from the particle's main material; counted). Mixed pixels (particle
/// edges, grain boundaries) are excluded and counted. A LIBS point counts when its spot covered one material (fractions from
/// <see cref="SimulatedLibsSpectrometer.TryGetPointTruth"/>) and it was not a misfire.</para>
/// <para><b>Split.</b> The first <see cref="MskdEvidenceOptions.TrainingFraction"/> of the belt lines provide the LIBS points
/// the teacher and the student learn from (and the baseline's fitting pixels); the student and baseline are scored on every
/// pure pixel of the remaining lines, which no pair came from. The teacher is scored on every accepted pure point of the run.</para>
/// </remarks>
internal static class MskdEvidence
{
    /// <summary>Runs the evidence.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The measurements.</returns>
    /// <exception cref="InvalidOperationException">The session did not promote a student (the reason is in the message).</exception>
    public static async Task<MskdEvidenceReport> RunAsync(MskdEvidenceOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "sortline-mskd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            return await RunInAsync(options, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (options.WorkDirectory is null)
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    private static async Task<MskdEvidenceReport> RunInAsync(MskdEvidenceOptions options, string work, CancellationToken ct)
    {
        var lineOptions = new SimulatedLineOptions { Seed = options.Seed, SteppedEncoder = true };
        lineOptions = lineOptions with
        {
            Camera = lineOptions.Camera with { Pacing = SensorPacing.Burst },
            Spectrometer = lineOptions.Spectrometer with
            {
                Pacing = SensorPacing.Burst,
                AdvanceSteppedEncoder = false,
                PointRateHz = options.LibsPointRateHz,
            },
        };
        await using SimulatedLine line = SimulatedLine.Create(lineOptions, TimeProvider.System);
        SimulatedSwirCamera camera = line.Camera;
        SimulatedLibsSpectrometer spectrometer = line.Spectrometer;
        int pixels = camera.Info.SpatialPixels, bands = camera.Info.Bands;
        EncoderScale scale = line.Encoder.Scale;
        await camera.ConnectAsync(ct).ConfigureAwait(false);
        await spectrometer.ConnectAsync(ct).ConfigureAwait(false);
        IAsyncEnumerator<SwirLine> lines = camera.ReadLinesAsync(ct).GetAsyncEnumerator(ct);
        IAsyncEnumerator<LibsPoint> shots = spectrometer.ReadPointsAsync(ct).GetAsyncEnumerator(ct);
        try
        {
            // 1. Calibration: dark shutter and white tile, averaged.
            var dark = new ReferenceFrameAccumulator(pixels, bands);
            var white = new ReferenceFrameAccumulator(pixels, bands);
            await AccumulateAsync(camera, lines, CameraView.DarkShutter, dark, options.CalibrationLines, ct).ConfigureAwait(false);
            DateTimeOffset darkUtc = DateTimeOffset.UtcNow;
            await AccumulateAsync(camera, lines, CameraView.WhiteReference, white, options.CalibrationLines, ct).ConfigureAwait(false);
            DateTimeOffset whiteUtc = DateTimeOffset.UtcNow;
            await camera.SelectViewAsync(CameraView.Belt, ct).ConfigureAwait(false);
            var preprocessor = new SwirLinePreprocessor(ReflectanceCalibration.Create(dark, white), camera.Info.BandCentersNm,
                new SavitzkyGolayPlan(11, 2), darkUtc, whiteUtc);

            // 2. Registration from the calibration targets.
            var pairingOptions = new PairingOptions { SwirPixelPitchMm = camera.PixelPitchMetres * 1000, HistoryLines = 512 };
            var targets = line.CalibrationTargets.Select(t => new RegistrationTarget(t.LibsXMm, t.LibsYMm,
                new EncoderPosition((long)Math.Round(t.LibsEncoderCounts)), t.SwirPixel, new EncoderPosition((long)Math.Round(t.SwirEncoderCounts)))).ToList();
            LibsToSwirRegistration registration = LibsToSwirRegistration.Estimate(targets, scale, pairingOptions);

            // 3. The MSKD session over a history, a buffer and a registry.
            var history = new SwirLineHistory(pairingOptions.HistoryLines, pixels, bands);
            using TrainingBuffer buffer = TrainingBuffer.Open(new TrainingBufferOptions
            {
                Directory = Path.Combine(work, "buffer"),
                Durability = TrainingBufferDurability.FlushToOperatingSystem,
            });
            ModelRegistry registry = ModelRegistry.Open(Path.Combine(work, "registry"));
            var retraining = new RetrainingOptions
            {
                RetrainInterval = TimeSpan.FromDays(7),
                MinPairs = 100,
                TeacherBootstrapPoints = options.TeacherBootstrapPoints,
                AgreementMinPairs = 50,
                AgreementWindowPairs = 500,
            };
            await using var session = new MskdSession(retraining, spectrometer.Info, registration, history, buffer, registry,
                BandSet.FromCamera(camera.Info), preprocessor.Parameters, TimeProvider.System, pairingOptions);
            session.Start();

            var truth = new GroundTruth(line, camera);
            var run = new RunState(options, pixels, bands, truth, session, preprocessor, history);
            int trainingLines = (int)Math.Round(options.Lines * options.TrainingFraction);
            for (int i = 0; i < trainingLines; i++)
            {
                await run.StepAsync(lines, shots, evaluate: false, ct).ConfigureAwait(false);
            }

            RetrainingResult retrain = await session.RetrainAsync("evidence", ct).ConfigureAwait(false);
            StudentModel champion = session.Champion
                ?? throw new InvalidOperationException($"No student was promoted: {retrain.Outcome}: {retrain.Reason}");
            int pairCount = (int)buffer.Count;
            run.BeginEvaluation(champion);
            using (EnviSwirRecorder? recorder = options.RecordingBasePath is null ? null
                : EnviSwirRecorder.Create(options.RecordingBasePath, camera.Info, new EnviSwirRecorderOptions { Overwrite = true, FlushToDisk = false }))
            {
                for (int i = trainingLines; i < options.Lines; i++)
                {
                    await run.StepAsync(lines, shots, evaluate: true, ct, i - trainingLines < options.RecordedLines ? recorder : null).ConfigureAwait(false);
                }
            }

            return run.Finish(champion, retrain, pairCount, registration.RmsResidualMm);
        }
        finally
        {
            await lines.DisposeAsync().ConfigureAwait(false);
            await shots.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task AccumulateAsync(SimulatedSwirCamera camera, IAsyncEnumerator<SwirLine> lines, CameraView view,
        ReferenceFrameAccumulator accumulator, int count, CancellationToken ct)
    {
        await camera.SelectViewAsync(view, ct).ConfigureAwait(false);
        for (int i = 0; i < count; i++)
        {
            SwirLine l = await NextAsync(lines).ConfigureAwait(false);
            accumulator.Add(l.Data);
            l.Dispose();
        }
    }

    private static async ValueTask<T> NextAsync<T>(IAsyncEnumerator<T> enumerator)
    {
        if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("The simulated sensor stream ended.");
        }

        return enumerator.Current;
    }

    /// <summary>Simulator ground truth mapped to the teacher's classes.</summary>
    private sealed class GroundTruth
    {
        private readonly SimulatedLine _line;
        private readonly SimulatedSwirCamera _camera;
        private readonly int[] _materialClass;
        private readonly float[] _fractions;
        private readonly long[] _ids;
        private readonly int[] _mains;

        public GroundTruth(SimulatedLine line, SimulatedSwirCamera camera)
        {
            _line = line;
            _camera = camera;
            IReadOnlyList<string> materials = line.Scene.MaterialNames;
            IReadOnlyList<string> classes = MineralTable.Default.Names;
            _materialClass = new int[materials.Count];
            for (int m = 0; m < materials.Count; m++)
            {
                string name = m == line.Scene.BeltMaterial ? "background" : materials[m];
                _materialClass[m] = IndexOf(classes, name);
            }

            _fractions = new float[materials.Count];
            _ids = new long[camera.Info.SpatialPixels];
            _mains = new int[camera.Info.SpatialPixels];
        }

        public static IReadOnlyList<string> ClassNames => MineralTable.Default.Names;

        /// <summary>Class of each pixel whose footprint is one material, −1 for mixed pixels; counts grain pixels.</summary>
        public void PixelClasses(SampleStamp stamp, Span<int> classes, out int grainPixels)
        {
            grainPixels = 0;
            if (!_camera.TryGetLineTruth(stamp.Sequence, _ids, _mains))
            {
                throw new InvalidOperationException($"No ground truth for line {stamp.Sequence}.");
            }

            double along = _line.Encoder.Scale.ToMetres(stamp.Encoder.Counts);
            double pitch = _camera.PixelPitchMetres;
            int n = SubsamplesPerAxis;
            for (int p = 0; p < classes.Length; p++)
            {
                _line.Scene.QueryFootprint(_camera.PixelAcrossMetres(p), along, pitch, pitch, n, _fractions);
                int material = PureMaterial(_fractions);
                classes[p] = material < 0 ? -1 : _materialClass[material];
                grainPixels += material >= 0 && material != _mains[p] ? 1 : 0;
            }
        }

        /// <summary>Class of a LIBS point whose spot covered one material and that was not a misfire, else −1.</summary>
        public int PointClass(long sequence)
        {
            if (!_line.Spectrometer.TryGetPointTruth(sequence, out LibsPointTruth truth, _fractions))
            {
                throw new InvalidOperationException($"No ground truth for LIBS point {sequence}.");
            }

            int material = PureMaterial(_fractions);
            return truth.IsMisfire || material < 0 ? -1 : _materialClass[material];
        }

        private static int PureMaterial(ReadOnlySpan<float> fractions)
        {
            for (int m = 0; m < fractions.Length; m++)
            {
                if (fractions[m] >= 0.999f)
                {
                    return m;
                }
            }

            return -1;
        }

        private static int IndexOf(IReadOnlyList<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"The scene material '{name}' has no teacher class.");
        }

        /// <summary>The camera's scene samples per pixel axis (its default; the evidence does not change it).</summary>
        private static int SubsamplesPerAxis => new SimulatedSwirCameraOptions().SubsamplesPerAxis;
    }

    /// <summary>The state of one run: the line/shot interleaving, the collected scores and the baseline's samples.</summary>
    private sealed class RunState(MskdEvidenceOptions options, int pixels, int bands, GroundTruth truth,
        MskdSession session, SwirLinePreprocessor preprocessor, SwirLineHistory history)
    {
        private readonly double _lineSeconds = 1 / new SimulatedSwirCameraOptions().LineRateHz;
        private readonly double _shotSeconds = 1 / options.LibsPointRateHz;
        private readonly float[] _line = new float[pixels * bands];
        private readonly int[] _classes = new int[pixels];
        private readonly float[] _trimmed = new float[session.ChannelTrim.OutputChannels];
        private readonly double[] _features = new double[session.Extractor.FeatureCount];
        private readonly double[] _scratch = session.Extractor.CreateScratch();
        private readonly List<double[]> _acceptedFeatures = [];
        private readonly List<int> _acceptedTruth = [];
        private readonly List<float[]> _baselineSamples = [];
        private readonly List<int> _studentPredicted = [];
        private readonly List<int> _baselineClusters = [];
        private readonly List<int> _pixelTruth = [];
        private readonly int _baselineEvery = Math.Max(1,
            (int)Math.Ceiling(options.Lines * options.TrainingFraction * pixels / options.BaselineSamples));
        private double _shotDue;
        private long _lineIndex;
        private long _shots;
        private long _grainPixels;
        private long _mixedPixels;
        private AffineClassifier? _student;
        private float[] _scores = [];
        private SwirPcaKMeansBaseline? _baseline;

        public async Task StepAsync(IAsyncEnumerator<SwirLine> lines, IAsyncEnumerator<LibsPoint> shots, bool evaluate, CancellationToken ct,
            EnviSwirRecorder? recorder = null)
        {
            ct.ThrowIfCancellationRequested();
            SwirLine raw = await NextAsync(lines).ConfigureAwait(false);
            SampleStamp stamp = raw.Stamp;
            preprocessor.Apply(raw.Data, _line);
            recorder?.Append(raw);
            raw.Dispose();
            history.Append(_line, stamp);
            if (evaluate)
            {
                Evaluate(stamp);
            }
            else if (_lineIndex % _baselineEvery == 0)
            {
                for (int p = 0; p < pixels; p++)
                {
                    _baselineSamples.Add(_line.AsSpan(p * bands, bands).ToArray());
                }
            }

            _lineIndex++;
            _shotDue += _lineSeconds;
            while (_shotDue >= _shotSeconds)
            {
                _shotDue -= _shotSeconds;
                LibsPoint point = await NextAsync(shots).ConfigureAwait(false);
                _shots++;
                session.ChannelTrim.Apply(point.Spectrum, _trimmed);
                if (session.Extractor.TryExtract(_trimmed, _features, _scratch, out _))
                {
                    _acceptedFeatures.Add((double[])_features.Clone());
                    _acceptedTruth.Add(truth.PointClass(point.Stamp.Sequence));
                }

                session.AddLibsPoint(point);
                point.Dispose();
            }
        }

        public void BeginEvaluation(StudentModel champion)
        {
            _student = new AffineClassifier(AffineModel.Create(champion.WeightMatrix, champion.Bias));
            _scores = new float[champion.ClassCount];
            int n = _baselineSamples.Count;
            var x = new double[n * bands];
            for (int i = 0; i < n; i++)
            {
                for (int b = 0; b < bands; b++)
                {
                    x[(i * bands) + b] = _baselineSamples[i][b];
                }
            }

            _baseline = SwirPcaKMeansBaseline.Fit(new ReadOnlyMatrixSpan<double>(x, n, bands), champion.ClassCount, 0.98, seed: (int)options.Seed);
            _baselineSamples.Clear();
        }

        public MskdEvidenceReport Finish(StudentModel champion, RetrainingResult retrain, int pairs, double registrationRms)
        {
            TeacherModel teacher = session.Teacher!;
            var teacherPredicted = new List<int>();
            var teacherTruth = new List<int>();
            for (int i = 0; i < _acceptedFeatures.Count; i++)
            {
                if (_acceptedTruth[i] >= 0)
                {
                    teacherPredicted.Add(teacher.Label(_acceptedFeatures[i]).Mineral);
                    teacherTruth.Add(_acceptedTruth[i]);
                }
            }

            int classes = champion.ClassCount;
            int[] pixelTruth = [.. _pixelTruth];
            int[] clusters = [.. _baselineClusters];
            int[] map = SwirPcaKMeansBaseline.MapClustersByMajority(clusters, pixelTruth, _baseline!.ClusterCount, classes);
            int[] baselinePredicted = Array.ConvertAll(clusters, c => map[c]);
            return new MskdEvidenceReport(
                options,
                GroundTruth.ClassNames,
                StudentEvaluation.Score([.. teacherPredicted], [.. teacherTruth], classes),
                StudentEvaluation.Score([.. _studentPredicted], pixelTruth, classes),
                StudentEvaluation.Score(baselinePredicted, pixelTruth, classes),
                _baseline.ComponentCount,
                champion,
                retrain,
                _shots,
                _acceptedFeatures.Count,
                pairs,
                session.Pairing.EdgePairCount,
                _grainPixels,
                _mixedPixels,
                session.Agreement.Current,
                registrationRms,
                preprocessor.Calibration,
                preprocessor.BandCentersNm);
        }

        private void Evaluate(SampleStamp stamp)
        {
            truth.PixelClasses(stamp, _classes, out int grains);
            _grainPixels += grains;
            int pure = 0;
            for (int p = 0; p < pixels; p++)
            {
                pure += _classes[p] >= 0 ? 1 : 0;
            }

            _mixedPixels += pixels - pure;
            var x = new double[pure * bands];
            int row = 0;
            for (int p = 0; p < pixels; p++)
            {
                if (_classes[p] < 0)
                {
                    continue;
                }

                ReadOnlySpan<float> spectrum = _line.AsSpan(p * bands, bands);
                _studentPredicted.Add(_student!.Classify(spectrum, _scores));
                _pixelTruth.Add(_classes[p]);
                for (int b = 0; b < bands; b++)
                {
                    x[(row * bands) + b] = spectrum[b];
                }

                row++;
            }

            if (pure > 0)
            {
                _baselineClusters.AddRange(_baseline!.Predict(new ReadOnlyMatrixSpan<double>(x, pure, bands)));
            }
        }
    }
}

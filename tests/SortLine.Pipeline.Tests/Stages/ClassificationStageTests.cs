using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using SortLine.Pipeline.Inference;
using SortLine.Pipeline.Items;
using SortLine.Pipeline.Stages;
using SortLine.Pipeline.Tests.Inference;
using SortLine.Sensors;
using SortLine.Sensors.Encoder;
using SortLine.Sensors.Swir;
using SortLine.Spectra;
using SortLine.Spectra.Regression;

namespace SortLine.Pipeline.Tests.Stages;

public sealed class ClassificationStageTests
{
    static ClassificationStageTests()
    {
        // Tests below block worker threads on purpose (to force a completion order); keep the pool from starving.
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task RunAsync_RandomCompletionOrder_WritesLinesInSequenceOrder(int workerCount)
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var rig = new Rig(data, workerCount, lines: 40);
        var released = new List<long>();
        var arrived = new BlockingCollection<long>();
        var gates = new ConcurrentDictionary<long, ManualResetEventSlim>();
        rig.Stage.OnClassified = ticket =>
        {
            ManualResetEventSlim gate = gates.GetOrAdd(ticket, _ => new ManualResetEventSlim());
            arrived.Add(ticket);
            gate.Wait();
        };
        var controller = Task.Factory.StartNew(() =>
        {
            // Lines t = kN .. kN + N − 1 sit on different workers at once: once all N of a block are classified, release them
            // in a random order (a worker finishes its lines in order, so a random order over the whole run could starve).
            var rng = new Random(20251123 + workerCount);
            var here = new HashSet<long>();
            for (int block = 0; block < 40; block += workerCount)
            {
                long[] members = Enumerable.Range(block, Math.Min(workerCount, 40 - block)).Select(i => (long)i).ToArray();
                while (!members.All(here.Contains))
                {
                    here.Add(arrived.Take());
                }

                rng.Shuffle(members);
                foreach (long t in members)
                {
                    released.Add(t);
                    gates[t].Set();
                }
            }
        }, TaskCreationOptions.LongRunning);

        await rig.RunAsync();
        await controller;

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), output.Select(l => l.Stamp.Sequence));
        Assert.NotEqual(released.Order(), released);
        LineModel model = rig.Slot.Model!;
        foreach (ClassifiedLine line in output)
        {
            Assert.Equal(rig.Expected(model, line.Stamp.Sequence), line.Classes.ToArray());
            Assert.Equal("v1", line.ModelVersion);
            line.Dispose();
        }

        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
        Assert.Equal(rig.LinePool.Capacity, rig.LinePool.Available);
    }

    [Fact]
    public async Task RunAsync_SwapMidStream_EachLineClassifiedByExactlyOneVersion()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var rig = new Rig(data, workerCount: 2, lines: 40, queueCapacity: 2);
        LineModel v1 = rig.Slot.Model!;
        LineModel v2 = LineModels.Identity(data, "v2", Reversed(data.Model));
        rig.Stage.OnClassified = ticket =>
        {
            if (ticket == 15)
            {
                rig.Slot.Swap(v2);
            }
        };

        await rig.RunAsync();

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(40, output.Count);
        int old = 0, fresh = 0;
        foreach (ClassifiedLine line in output)
        {
            LineModel used = line.ModelVersion == "v1" ? v1 : v2;
            Assert.Contains(line.ModelVersion, new[] { "v1", "v2" });
            Assert.Equal(rig.Expected(used, line.Stamp.Sequence), line.Classes.ToArray());
            old += used == v1 ? 1 : 0;
            fresh += used == v2 ? 1 : 0;

            // Line 15 was classified before the swap; lines beyond those in flight then, (queue + 2) · workers, after it.
            if (line.Stamp.Sequence <= 15)
            {
                Assert.True(line.Stamp.Sequence < 15 || used == v1, "line 15 precedes the swap");
            }

            if (line.Stamp.Sequence >= 15 + ((2 + 2) * 2))
            {
                Assert.Same(v2, used);
            }

            line.Dispose();
        }

        Assert.Equal(40, old + fresh);
        Assert.True(old >= 1 && fresh >= 1, $"v1 {old}, v2 {fresh}");
        Assert.Equal(1, rig.Slot.SwapCount);
        Assert.NotEqual(rig.Expected(v1, 39), rig.Expected(v2, 39));
    }

    [Fact]
    public async Task RunAsync_ConcurrentSwaps_EveryLineMatchesItsRecordedVersion()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var rig = new Rig(data, workerCount: 3, lines: 40);
        LineModel v1 = rig.Slot.Model!;
        LineModel v2 = LineModels.Identity(data, "v2", Reversed(data.Model));
        using var swapping = new CancellationTokenSource();
        var swapper = Task.Factory.StartNew(() =>
        {
            for (int i = 0; !swapping.IsCancellationRequested; i++)
            {
                rig.Slot.Swap(i % 2 == 0 ? v2 : v1);
                Thread.Yield();
            }
        }, TaskCreationOptions.LongRunning);

        await rig.RunAsync();
        await swapping.CancelAsync();
        await swapper;

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), output.Select(l => l.Stamp.Sequence));
        foreach (ClassifiedLine line in output)
        {
            Assert.Equal(rig.Expected(line.ModelVersion == "v1" ? v1 : v2, line.Stamp.Sequence), line.Classes.ToArray());
            line.Dispose();
        }
    }

    [Fact]
    public async Task RunAsync_DownstreamLineChannelFull_DropsOldestAndCountsThem()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var metrics = new PipelineMetrics();
        var rig = new Rig(data, workerCount: 2, lines: 10, metrics: metrics, output: PipelineChannels.CreateLineChannel(2, metrics));

        await rig.RunAsync();

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(new long[] { 8, 9 }, output.Select(l => l.Stamp.Sequence));
        Assert.Equal(8, metrics.Value(PipelineMetrics.ItemsDropped, PipelineChannels.LineEdgeStage, DropReasons.QueueFull));
        Assert.Equal(10, metrics.Value(PipelineMetrics.ItemsProcessed, ClassificationStage.StageName));
        output.ForEach(l => l.Dispose());
        Assert.Equal(rig.LinePool.Capacity, rig.LinePool.Available);
        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
    }

    [Fact]
    public async Task RunAsync_WaitModeOutputFull_StageDropsAndCounts()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var metrics = new PipelineMetrics();
        Channel<ClassifiedLine> output = Channel.CreateBounded<ClassifiedLine>(new BoundedChannelOptions(3) { FullMode = BoundedChannelFullMode.Wait });
        var rig = new Rig(data, workerCount: 2, lines: 10, metrics: metrics, output: output);

        await rig.RunAsync();

        Assert.Equal(new long[] { 0, 1, 2 }, rig.Drain().Select(l => l.Stamp.Sequence));
        Assert.Equal(7, metrics.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.QueueFull));
    }

    [Fact]
    public async Task RunAsync_LinesOlderThanMaxAge_DroppedAsDeadline()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var metrics = new PipelineMetrics();
        var time = new FakeTimeProvider();
        var rig = new Rig(data, workerCount: 2, lines: 0, metrics: metrics, time: time, maxLineAge: TimeSpan.FromMilliseconds(30));
        rig.Write(0, 5);
        time.Advance(TimeSpan.FromMilliseconds(100));
        rig.Write(5, 10);

        await rig.RunAsync();

        Assert.Equal(new long[] { 5, 6, 7, 8, 9 }, rig.Drain().Select(l => l.Stamp.Sequence));
        Assert.Equal(5, metrics.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.Deadline));
        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
    }

    [Fact]
    public async Task RunAsync_NoModelObserverCollecting_PreprocessesInOrderWritesNothing()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var slot = new ModelSlot(LineModels.Preprocessing(data, 0.15));
        var observer = new RecordingObserver(collecting: true);
        var rig = new Rig(data, workerCount: 3, lines: 12, slot: slot, observer: observer);

        await rig.RunAsync();

        Assert.Empty(rig.Drain());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), observer.Features.Select(f => f.Stamp.Sequence));
        Assert.Empty(observer.Classified);
        Assert.Equal(observer.Features.Select(f => data.Lines[(int)f.Stamp.Sequence].Data), observer.Raw);
        foreach ((SampleStamp stamp, float[] features, bool[] foreground) in observer.Features)
        {
            (float[] expected, bool[] expectedForeground) = LineModels.Reference(data.Calibration, data.Wavelengths, data.Lines[(int)stamp.Sequence].Data, 0.15);
            Assert.Equal(expected, features);
            Assert.Equal(expectedForeground, foreground);
        }

        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
    }

    [Fact]
    public async Task RunAsync_NoModelNotCollecting_DisposesLinesWritesNothing()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var observer = new RecordingObserver(collecting: false);
        var rig = new Rig(data, workerCount: 2, lines: 6, slot: new ModelSlot(LineModels.Preprocessing(data)), observer: observer);

        await rig.RunAsync();

        Assert.Empty(rig.Drain());
        Assert.Empty(observer.Features);
        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
    }

    [Fact]
    public async Task RunAsync_ModelAndCollecting_ObserverSeesFeaturesThenClassesInLineOrder()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var observer = new RecordingObserver(collecting: true);
        var slot = new ModelSlot(LineModels.Preprocessing(data, 0.15), LineModels.Identity(data, "v1"));
        var rig = new Rig(data, workerCount: 3, lines: 20, slot: slot, observer: observer);

        await rig.RunAsync();

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), observer.Features.Select(f => f.Stamp.Sequence));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), observer.Classified);
        foreach (ClassifiedLine line in output)
        {
            (_, _, bool[] foreground) = observer.Features[(int)line.Stamp.Sequence];
            byte[] all = rig.Expected(slot.Model!, line.Stamp.Sequence);
            Assert.Equal(all.Select((c, p) => foreground[p] ? c : (byte)0), line.Classes.ToArray());
            line.Dispose();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task RunAsync_RecalibrateMidStream_NewReferencesFromOneLineBoundaryOn(int workerCount)
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LinePreprocessing before = LineModels.Preprocessing(data, 0.15);
        LinePreprocessing after = LineModels.Preprocessing(data, 0.15, LineModels.ScaledWhite(data, 0.6));
        var slot = new ModelSlot(before, LineModels.Identity(data, "v1"));
        var observer = new RecordingObserver(collecting: true);
        var rig = new Rig(data, workerCount, lines: 30, slot: slot, observer: observer);
        rig.Stage.OnClassified = ticket =>
        {
            if (ticket == 10)
            {
                slot.Recalibrate(after);
            }
        };

        await rig.RunAsync();

        List<ClassifiedLine> output = rig.Drain();
        Assert.Equal(30, output.Count);
        int boundary = -1;
        foreach (ClassifiedLine line in output)
        {
            int sequence = (int)line.Stamp.Sequence;
            ushort[] raw = data.Lines[sequence].Data;
            (float[] features, bool[] foreground) = (observer.Features[sequence].Features, observer.Features[sequence].Foreground);
            (float[] oldFeatures, bool[] oldForeground) = LineModels.Reference(before.Calibration, data.Wavelengths, raw, 0.15);
            (float[] newFeatures, bool[] newForeground) = LineModels.Reference(after.Calibration, data.Wavelengths, raw, 0.15);
            bool isNew = features.AsSpan().SequenceEqual(newFeatures);
            Assert.True(isNew || features.AsSpan().SequenceEqual(oldFeatures), $"line {sequence}: features mix the references");
            Assert.Equal(isNew ? newForeground : oldForeground, foreground);
            LineClassifier classifier = slot.Model!.Build(isNew ? after.Calibration : before.Calibration);
            var all = new byte[data.Pixels];
            classifier.ClassifyLine(raw, all, [], classifier.CreateScratch());
            Assert.Equal(all.Select((c, p) => foreground[p] ? c : (byte)0), line.Classes.ToArray());
            if (isNew && boundary < 0)
            {
                boundary = sequence;
            }

            Assert.True(!isNew || boundary >= 0, "monotonic");
            Assert.True(isNew == (boundary >= 0 && sequence >= boundary), $"line {sequence} after the boundary {boundary} uses the old references");
            line.Dispose();
        }

        Assert.InRange(boundary, 11, 10 + ((2 + 2) * workerCount));
        Assert.NotEqual(LineModels.Reference(before.Calibration, data.Wavelengths, data.Lines[29].Data, 0.15).Features,
            LineModels.Reference(after.Calibration, data.Wavelengths, data.Lines[29].Data, 0.15).Features);
    }

    [Fact]
    public async Task RunAsync_OldLinesWithoutModel_NotDroppedAsDeadline()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var metrics = new PipelineMetrics();
        var time = new FakeTimeProvider();
        var observer = new RecordingObserver(collecting: true);
        var rig = new Rig(data, workerCount: 2, lines: 0, metrics: metrics, time: time, maxLineAge: TimeSpan.FromMilliseconds(30),
            slot: new ModelSlot(LineModels.Preprocessing(data)), observer: observer);
        rig.Write(0, 4);
        time.Advance(TimeSpan.FromMilliseconds(100));

        await rig.RunAsync();

        Assert.Equal(4, observer.Features.Count);
        Assert.Equal(0, metrics.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.Deadline));
    }

    [Fact]
    public void CreateInputChannel_Full_DropsOldestDisposesAndCounts()
    {
        var metrics = new PipelineMetrics();
        Channel<SwirLine> input = ClassificationStage.CreateInputChannel(2, metrics);
        SamplePool<SwirLine> pool = SwirLine.CreatePool(8, 4, 3);

        for (int i = 0; i < 5; i++)
        {
            Assert.True(pool.TryRent(out SwirLine line));
            line.Stamp = new SampleStamp(i, default, 0);
            Assert.True(input.Writer.TryWrite(line));
        }

        Assert.Equal(3, metrics.Value(PipelineMetrics.ItemsDropped, ClassificationStage.StageName, DropReasons.QueueFull));
        Assert.Equal(6, pool.Available);
        Assert.True(input.Reader.TryRead(out SwirLine? first));
        Assert.Equal(3, first.Stamp.Sequence);
    }

    [Fact]
    public async Task RunAsync_Cancelled_CompletesOutputWithCancellationAndReturnsLines()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var rig = new Rig(data, workerCount: 2, lines: 6, complete: false);
        using var cts = new CancellationTokenSource();
        var firstDone = new TaskCompletionSource();
        rig.Stage.OnClassified = _ => firstDone.TrySetResult();
        Task run = rig.Stage.RunAsync(cts.Token);
        await firstDone.Task;

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        rig.Drain().ForEach(l => l.Dispose());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rig.Output.Reader.Completion);
        Assert.Equal(rig.CameraPool.Capacity, rig.CameraPool.Available);
        Assert.Equal(rig.LinePool.Capacity, rig.LinePool.Available);
    }

    [Fact]
    public async Task RunAsync_LineOfWrongShape_FaultsAndPropagates()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var rig = new Rig(data, workerCount: 2, lines: 0, complete: false);
        await rig.Input.Writer.WriteAsync(new SwirLine(null, data.Pixels, data.Bands - 1));
        rig.Input.Writer.Complete();

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Stage.RunAsync(CancellationToken.None));

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Output.Reader.Completion);
        Assert.Equal(rig.LinePool.Capacity, rig.LinePool.Available);
    }

    /// <summary>The same template model with its classes in reverse order (different classes, same shape).</summary>
    private static AffineModel Reversed(AffineModel model)
    {
        int classes = model.OutputCount, bands = model.InputCount;
        var weights = new double[classes * bands];
        var offsets = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            model.Weights.Row(classes - 1 - k).CopyTo(weights.AsSpan(k * bands, bands));
            offsets[k] = model.CenterOutput[classes - 1 - k];
        }

        return AffineModel.Create(new ReadOnlyMatrixSpan<double>(weights, classes, bands), model.Center, offsets);
    }

    /// <summary>Records what the stage shows an observer (copies: the spans are only valid during the call), and the
    /// features of every pixel as the line's preprocessing gives them (what the MSKD history computes on demand).</summary>
    private sealed class RecordingObserver(bool collecting) : IClassificationObserver
    {
        public List<(SampleStamp Stamp, float[] Features, bool[] Foreground)> Features { get; } = [];

        public List<ushort[]> Raw { get; } = [];

        public List<long> Classified { get; } = [];

        public bool IsCollectingLines => collecting;

        public void OnCollected(ReadOnlySpan<ushort> rawLine, ReadOnlySpan<bool> foreground, LinePreprocessing preprocessing, in SampleStamp stamp)
        {
            int bands = preprocessing.Bands;
            var features = new float[rawLine.Length];
            var scratch = new float[preprocessing.ScratchLength];
            var hull = new int[preprocessing.HullScratchLength];
            for (int p = 0; p < preprocessing.Pixels; p++)
            {
                preprocessing.PreprocessPixel(p, rawLine.Slice(p * bands, bands), features.AsSpan(p * bands, bands), scratch, hull);
            }

            Features.Add((stamp, features, foreground.ToArray()));
            Raw.Add(rawLine.ToArray());
        }

        public void OnClassified(in SampleStamp stamp, string modelVersion, TimeSpan classificationTime) => Classified.Add(stamp.Sequence);
    }

    /// <summary>A stage over simulated lines, with its pools and channels.</summary>
    private sealed class Rig
    {
        private readonly SimulatedCameraData _data;
        private readonly TimeProvider _time;

        public Rig(SimulatedCameraData data, int workerCount, int lines, PipelineMetrics? metrics = null, Channel<ClassifiedLine>? output = null,
            FakeTimeProvider? time = null, TimeSpan? maxLineAge = null, int queueCapacity = 2, bool complete = true, ModelSlot? slot = null,
            IClassificationObserver? observer = null)
        {
            _data = data;
            _time = (TimeProvider?)time ?? TimeProvider.System;
            metrics ??= new PipelineMetrics();
            Slot = slot ?? new ModelSlot(LineModels.Preprocessing(data), LineModels.Identity(data, "v1"));
            CameraPool = SwirLine.CreatePool(64, data.Pixels, data.Bands);
            LinePool = ClassifiedLine.CreatePool(64, data.Pixels, hasConfidence: true);
            Input = ClassificationStage.CreateInputChannel(64, metrics);
            Output = output ?? Channel.CreateBounded<ClassifiedLine>(64);
            var options = new ClassificationOptions { WorkerCount = workerCount, WorkerQueueCapacity = queueCapacity, MaxLineAge = maxLineAge ?? TimeSpan.Zero };
            Stage = new ClassificationStage(Input.Reader, Output.Writer, Slot, LinePool, options, metrics, _time, observer, (data.Pixels, data.Bands));
            Write(0, lines);
            if (complete && lines > 0)
            {
                Input.Writer.Complete();
            }
        }

        public ModelSlot Slot { get; }

        public SamplePool<SwirLine> CameraPool { get; }

        public SamplePool<ClassifiedLine> LinePool { get; }

        public Channel<SwirLine> Input { get; }

        public Channel<ClassifiedLine> Output { get; }

        public ClassificationStage Stage { get; }

        public void Write(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                Assert.True(CameraPool.TryRent(out SwirLine line));
                _data.Lines[i % _data.Lines.Count].Data.CopyTo(line.Data);
                line.Stamp = new SampleStamp(i, new EncoderPosition(i * 10), _time.GetTimestamp());
                Assert.True(Input.Writer.TryWrite(line));
            }
        }

        public Task RunAsync()
        {
            Input.Writer.TryComplete();
            return Stage.RunAsync(CancellationToken.None);
        }

        public List<ClassifiedLine> Drain()
        {
            var lines = new List<ClassifiedLine>();
            while (Output.Reader.TryRead(out ClassifiedLine? line))
            {
                lines.Add(line);
            }

            return lines;
        }

        public byte[] Expected(LineModel model, long sequence)
        {
            LineClassifier classifier = model.Build(_data.Calibration);
            var classes = new byte[_data.Pixels];
            classifier.ClassifyLine(_data.Lines[(int)(sequence % _data.Lines.Count)].Data, classes, [], classifier.CreateScratch());
            return classes;
        }
    }
}

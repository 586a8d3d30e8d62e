using SortLine.Pipeline.Inference;

namespace SortLine.Pipeline.Tests.Inference;

public sealed class ModelSlotTests
{
    [Fact]
    public void Swap_BeforeCalibration_KeptAndPublishedWithFirstReferences()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var slot = new ModelSlot();
        var published = new List<string>();
        slot.ModelChanged += (_, m) => published.Add(m.Version);

        ClassificationPlan? early = slot.Swap(LineModels.Identity(data, "v1"));
        Assert.Null(early);
        Assert.Null(slot.Current);
        Assert.False(slot.FirstModel.IsCompleted);

        ClassificationPlan plan = slot.Recalibrate(LineModels.Preprocessing(data));

        Assert.Same(plan, slot.Current);
        Assert.Equal("v1", plan.ModelVersion);
        Assert.Same(data.Calibration, plan.Classifier!.Calibration);
        Assert.Equal(["v1"], published);
        Assert.True(slot.FirstModel.IsCompletedSuccessfully);
        Assert.Equal(0, slot.RecalibrationCount);
    }

    [Fact]
    public void Recalibrate_WithModel_RebuildsClassifierForNewReferencesSameModel()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LineModel model = LineModels.Identity(data, "v1");
        var slot = new ModelSlot(LineModels.Preprocessing(data), model);
        ClassificationPlan before = slot.Current!;
        var brighter = LineModels.Preprocessing(data, calibration: LineModels.ScaledWhite(data, 0.8));
        int changes = 0;
        slot.ModelChanged += (_, _) => changes++;

        ClassificationPlan after = slot.Recalibrate(brighter);

        Assert.Same(model, after.Model);
        Assert.Same(brighter, after.Preprocessing);
        Assert.Same(brighter.Calibration, after.Classifier!.Calibration);
        Assert.NotSame(before.Classifier, after.Classifier);
        Assert.True(after.ClassifiesFromFeatures);
        Assert.Equal(1, slot.RecalibrationCount);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Swap_Calibrated_BuildsForCurrentReferences()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var recalibrated = LineModels.Preprocessing(data, calibration: LineModels.ScaledWhite(data, 1.2));
        var slot = new ModelSlot(LineModels.Preprocessing(data), LineModels.Identity(data, "v1"));
        slot.Recalibrate(recalibrated);

        ClassificationPlan plan = slot.Swap(LineModels.Identity(data, "v2"))!;

        Assert.Equal("v2", plan.ModelVersion);
        Assert.Same(recalibrated.Calibration, plan.Classifier!.Calibration);
        Assert.Equal(1, slot.SwapCount);
    }

    [Fact]
    public void Recalibrate_DifferentShape_ThrowsAndKeepsPlan()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        var slot = new ModelSlot(LineModels.Preprocessing(data), LineModels.Identity(data, "v1"));
        ClassificationPlan before = slot.Current!;
        var other = Spectra.Calibration.ReflectanceCalibration.FromReferenceFrames(2, data.Bands, new double[2 * data.Bands],
            Enumerable.Repeat(1000.0, 2 * data.Bands).ToArray());

        Assert.Throws<ArgumentException>(() => slot.Recalibrate(LineModels.Preprocessing(data, calibration: other)));
        Assert.Same(before, slot.Current);
    }

    [Fact]
    public async Task SwapAndRecalibrate_Concurrent_LastPlanHasLastModelAndLastReferences()
    {
        SimulatedCameraData data = SimulatedCameraData.Instance;
        LinePreprocessing a = LineModels.Preprocessing(data), b = LineModels.Preprocessing(data, calibration: LineModels.ScaledWhite(data, 0.9));
        LineModel v1 = LineModels.Identity(data, "v1"), v2 = LineModels.Identity(data, "v2");
        var slot = new ModelSlot(a, v1);

        Task swaps = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                slot.Swap(i % 2 == 0 ? v2 : v1);
            }
        });
        Task recalibrations = Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                slot.Recalibrate(i % 2 == 0 ? b : a);
            }
        });
        await Task.WhenAll(swaps, recalibrations);

        ClassificationPlan last = slot.Current!;
        Assert.Same(v1, last.Model);
        Assert.Same(a, last.Preprocessing);
        Assert.Same(a.Calibration, last.Classifier!.Calibration);
    }
}

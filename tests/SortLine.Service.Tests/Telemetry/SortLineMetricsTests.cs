using Prometheus;
using SortLine.Sensors;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Telemetry;

public sealed class SortLineMetricsTests
{
    private static readonly string[] Classes = ["lepidolite", "quartz", "background"];

    private static (SortLineMetrics Metrics, CollectorRegistry Registry) Create()
    {
        CollectorRegistry registry = Metrics.NewCustomRegistry();
        return (new SortLineMetrics(registry, "line-7", Classes, 0.001, "1.2.3"), registry);
    }

    [Fact]
    public async Task Constructor_Fresh_ExportsEveryFamilyButModelInfo()
    {
        (_, CollectorRegistry registry) = Create();

        HashSet<string> names = ExpositionText.SampleNames(await ExpositionText.ExportAsync(registry));

        foreach (MetricDescriptor m in MetricCatalogue.All.Where(m => m != MetricCatalogue.ModelInfo))
        {
            Assert.All(m.SeriesNames, s => Assert.Contains(s, names));
        }

        Assert.DoesNotContain(MetricCatalogue.ModelInfo.Name, names);
    }

    [Fact]
    public async Task Constructor_Fresh_EveryExportedSortLineFamilyIsInTheCatalogue()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();
        ((ILearningTelemetry)metrics).ModelActivated("m-1"); // the one family absent until a model is loaded
        HashSet<string> catalogue = [.. MetricCatalogue.All.SelectMany(m => m.SeriesNames)];

        HashSet<string> exported = ExpositionText.SampleNames(await ExpositionText.ExportAsync(registry));

        // The naming rules, the dashboard and docs checks only see the catalogue: an exported family outside it escapes them.
        string[] outside = [.. exported.Where(n => n.StartsWith("sortline_", StringComparison.Ordinal) && !catalogue.Contains(n))];
        Assert.True(outside.Length == 0, "exported but not in MetricCatalogue.All: " + string.Join(", ", outside));
    }

    [Fact]
    public async Task Constructor_Fresh_PreInitialisesEveryStageAndReasonAtZero()
    {
        (_, CollectorRegistry registry) = Create();
        string text = await ExpositionText.ExportAsync(registry);

        foreach (PipelineStage stage in Enum.GetValues<PipelineStage>())
        {
            foreach (DropReason reason in Enum.GetValues<DropReason>())
            {
                Assert.Equal(0, ExpositionText.Value(text, $"sortline_pipeline_items_dropped_total{{stage=\"{TelemetryLabels.Of(stage)}\",reason=\"{TelemetryLabels.Of(reason)}\"}}"));
            }
        }
    }

    [Fact]
    public async Task Constructor_Fresh_SensorsOneHotDisconnectedAndBudgetAndInfo()
    {
        (_, CollectorRegistry registry) = Create();
        string text = await ExpositionText.ExportAsync(registry);

        Assert.Equal(1, ExpositionText.Value(text, "sortline_sensor_state{sensor=\"swir\",state=\"disconnected\"}"));
        Assert.Equal(0, ExpositionText.Value(text, "sortline_sensor_state{sensor=\"swir\",state=\"running\"}"));
        Assert.Equal(0.001, ExpositionText.Value(text, "sortline_pipeline_decision_budget_seconds"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_service_info{line=\"line-7\",version=\"1.2.3\"}"));
        Assert.True(double.IsNaN(ExpositionText.Value(text, "sortline_learning_teacher_agreement_ratio")!.Value));
    }

    [Fact]
    public async Task SetSensorState_Running_IsOneHot()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();

        metrics.SetSensorState(SensorKind.Libs, SensorState.Running);
        string text = await ExpositionText.ExportAsync(registry);

        Assert.Equal(1, ExpositionText.Value(text, "sortline_sensor_state{sensor=\"libs\",state=\"running\"}"));
        Assert.Equal(0, ExpositionText.Value(text, "sortline_sensor_state{sensor=\"libs\",state=\"disconnected\"}"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_sensor_state{sensor=\"swir\",state=\"disconnected\"}"));
    }

    [Fact]
    public async Task ModelActivated_NewVersion_RemovesPreviousVersion()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();

        metrics.ModelActivated("v1");
        metrics.ModelActivated("v2");
        string text = await ExpositionText.ExportAsync(registry);

        Assert.Equal(1, ExpositionText.Value(text, "sortline_learning_model_info{version=\"v2\"}"));
        Assert.Null(ExpositionText.Value(text, "sortline_learning_model_info{version=\"v1\"}"));
    }

    [Fact]
    public async Task ModelUnloaded_AfterActivation_FamilyHasNoSeries()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();

        metrics.ModelActivated("v1");
        metrics.ModelUnloaded();

        Assert.DoesNotContain("sortline_learning_model_info", ExpositionText.SampleNames(await ExpositionText.ExportAsync(registry)));
    }

    [Fact]
    public async Task ParticleClassified_UnconfiguredClass_CountsAsUnknown()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();

        metrics.ParticleClassified("quartz");
        metrics.ParticleClassified("gold");
        metrics.EjectionCommanded("lepidolite");
        string text = await ExpositionText.ExportAsync(registry);

        Assert.Equal(1, ExpositionText.Value(text, "sortline_pipeline_particles_total{class=\"quartz\"}"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_pipeline_particles_total{class=\"unknown\"}"));
        Assert.Null(ExpositionText.Value(text, "sortline_pipeline_particles_total{class=\"gold\"}"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_pipeline_ejections_total{class=\"lepidolite\"}"));
    }

    [Fact]
    public async Task HotPathMembers_Recorded_AppearInExposition()
    {
        (SortLineMetrics metrics, CollectorRegistry registry) = Create();

        metrics.LinesReceived(5);
        metrics.ItemsDropped(PipelineStage.Ejection, DropReason.Deadline, 2);
        metrics.SetQueueDepth(PipelineStage.Classification, 7);
        metrics.RecordDecisionLatency(0.0008);
        metrics.LateDecisions(1);
        metrics.RetrainCompleted(RetrainOutcome.Failed, TimeSpan.FromSeconds(12));
        metrics.SetSessions(2);
        string text = await ExpositionText.ExportAsync(registry);

        Assert.Equal(5, ExpositionText.Value(text, "sortline_swir_lines_received_total"));
        Assert.Equal(2, ExpositionText.Value(text, "sortline_pipeline_items_dropped_total{stage=\"ejection\",reason=\"deadline\"}"));
        Assert.Equal(7, ExpositionText.Value(text, "sortline_pipeline_queue_depth_items{stage=\"classification\"}"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_pipeline_decision_latency_seconds_bucket{le=\"0.001\"}"));
        Assert.Equal(0, ExpositionText.Value(text, "sortline_pipeline_decision_latency_seconds_bucket{le=\"0.00075\"}"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_pipeline_late_decisions_total"));
        Assert.Equal(1, ExpositionText.Value(text, "sortline_learning_retrain_runs_total{outcome=\"failed\"}"));
        Assert.Equal(12, ExpositionText.Value(text, "sortline_learning_retrain_duration_seconds_sum"));
        Assert.Equal(2, ExpositionText.Value(text, "sortline_opcua_sessions_active"));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void SetTeacherAgreement_OutsideUnitInterval_Throws(double ratio)
    {
        (SortLineMetrics metrics, _) = Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.SetTeacherAgreement(ratio));
    }

    [Fact]
    public void ItemsDropped_UndefinedStage_Throws()
    {
        (SortLineMetrics metrics, _) = Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => metrics.ItemsDropped((PipelineStage)99, DropReason.Deadline, 1));
    }
}

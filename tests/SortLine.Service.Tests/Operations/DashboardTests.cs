using System.Text.Json;
using SortLine.Service.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SortLine.Service.Tests.Operations;

/// <summary>The Grafana dashboard and its provisioning are consistent (expressions are evaluated in <see cref="PrometheusScrapeTests"/>).</summary>
public sealed class DashboardTests
{
    private static JsonElement Dashboard()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(PrometheusExpressions.DashboardPath));
        return doc.RootElement.Clone();
    }

    private static YamlMappingNode Yaml(params string[] path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepoPaths.Combine(path));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string ProvisionedDatasourceUid()
    {
        YamlMappingNode root = Yaml("deploy", "grafana", "provisioning", "datasources", "prometheus.yml");
        var ds = (YamlMappingNode)((YamlSequenceNode)root["datasources"])[0];
        return ((YamlScalarNode)ds["uid"]).Value!;
    }

    [Fact]
    public void Dashboard_HasUidTitleAndPanels()
    {
        JsonElement d = Dashboard();

        Assert.Equal("sortline-overview", d.GetProperty("uid").GetString());
        Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("title").GetString()));
        Assert.True(d.GetProperty("panels").GetArrayLength() >= 10);
    }

    [Fact]
    public void Panels_EachHasTypeTitleGridPosAndTargetsOnTheProvisionedDatasource()
    {
        string uid = ProvisionedDatasourceUid();
        var ids = new HashSet<int>();

        foreach (JsonElement p in Dashboard().GetProperty("panels").EnumerateArray())
        {
            string title = p.GetProperty("title").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(title));
            Assert.True(ids.Add(p.GetProperty("id").GetInt32()), "duplicate panel id in " + title);
            JsonElement grid = p.GetProperty("gridPos");
            Assert.True(grid.GetProperty("x").GetInt32() + grid.GetProperty("w").GetInt32() <= 24, title + " is wider than the 24-column grid");
            Assert.True(grid.GetProperty("h").GetInt32() > 0, title);
            string type = p.GetProperty("type").GetString()!;
            if (type == "row")
            {
                continue;
            }

            Assert.Equal(uid, p.GetProperty("datasource").GetProperty("uid").GetString());
            JsonElement targets = p.GetProperty("targets");
            Assert.True(targets.GetArrayLength() > 0, title + " has no targets");
            foreach (JsonElement t in targets.EnumerateArray())
            {
                Assert.Equal(uid, t.GetProperty("datasource").GetProperty("uid").GetString());
                Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("expr").GetString()), title);
            }
        }
    }

    [Fact]
    public void Panels_CoverTheOperatorQuestions()
    {
        string all = string.Join("\n", PrometheusExpressions.Dashboard().Select(e => e.Expr));

        foreach (string metric in new[]
        {
            "sortline_swir_lines_received_total", "sortline_pipeline_items_dropped_total", "sortline_pipeline_decision_latency_seconds_bucket",
            "sortline_pipeline_decision_budget_seconds", "sortline_pipeline_particles_total", "sortline_pipeline_ejections_total",
            "sortline_sensor_state", "sortline_learning_model_info", "sortline_learning_teacher_agreement_ratio",
            "sortline_learning_retrain_runs_total", "sortline_opcua_sessions_active",
        })
        {
            Assert.Contains(metric, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DashboardAndAlerts_ReferenceOnlyCatalogueMetrics()
    {
        HashSet<string> series = PrometheusExpressions.CatalogueSeries();
        string[] processMetrics = ["process_cpu_seconds_total", "process_working_set_bytes"];

        foreach ((string where, string expr) in PrometheusExpressions.Dashboard().Concat(PrometheusExpressions.Alerts()))
        {
            foreach (string name in PrometheusExpressions.MetricNames(expr))
            {
                Assert.True(series.Contains(name) || processMetrics.Contains(name), $"{where}: '{name}' is not in SortLineMetrics' catalogue");
            }
        }
    }

    [Fact]
    public void DashboardProvider_PointsAtTheComposeMountOfTheDashboardFolder()
    {
        YamlMappingNode root = Yaml("deploy", "grafana", "provisioning", "dashboards", "sortline.yml");
        var provider = (YamlMappingNode)((YamlSequenceNode)root["providers"])[0];
        string path = ((YamlScalarNode)((YamlMappingNode)provider["options"])["path"]).Value!;
        string compose = File.ReadAllText(RepoPaths.Combine("deploy", "compose.yaml"));

        Assert.Equal("file", ((YamlScalarNode)provider["type"]).Value);
        Assert.Contains("./grafana/dashboards:" + path, compose, StringComparison.Ordinal);
    }
}

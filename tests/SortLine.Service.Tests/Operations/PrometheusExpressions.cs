using System.Text.Json;
using System.Text.RegularExpressions;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SortLine.Service.Tests.Operations;

/// <summary>The PromQL expressions of the dashboard and the alert rules, and the metric names they use.</summary>
internal static partial class PrometheusExpressions
{
    public static string DashboardPath => RepoPaths.Combine("deploy", "grafana", "dashboards", "sortline.json");

    public static IReadOnlyList<(string Panel, string Expr)> Dashboard()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var list = new List<(string, string)>();
        foreach (JsonElement panel in doc.RootElement.GetProperty("panels").EnumerateArray())
        {
            if (!panel.TryGetProperty("targets", out JsonElement targets))
            {
                continue;
            }

            foreach (JsonElement t in targets.EnumerateArray())
            {
                list.Add((panel.GetProperty("title").GetString()!, t.GetProperty("expr").GetString()!));
            }
        }

        return list;
    }

    public static IReadOnlyList<(string Alert, string Expr)> Alerts()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoPaths.Combine("config", "prometheus", "alerts.yml")))
        {
            yaml.Load(reader);
        }

        var list = new List<(string, string)>();
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (YamlMappingNode group in ((YamlSequenceNode)root["groups"]).Cast<YamlMappingNode>())
        {
            foreach (YamlMappingNode rule in ((YamlSequenceNode)group["rules"]).Cast<YamlMappingNode>())
            {
                list.Add((((YamlScalarNode)rule["alert"]).Value!, ((YamlScalarNode)rule["expr"]).Value!));
            }
        }

        return list;
    }

    /// <summary>Metric names an expression reads (sortline_*, process_*, dotnet_*; histogram suffixes stripped).</summary>
    public static IEnumerable<string> MetricNames(string expr) =>
        MetricNamePattern().Matches(expr).Select(m => m.Value).Distinct();

    /// <summary>Every series name the service exports under the sortline_ prefix.</summary>
    public static HashSet<string> CatalogueSeries() => [.. MetricCatalogue.All.SelectMany(m => m.SeriesNames)];

    [GeneratedRegex(@"\b(sortline|process|dotnet)_[a-z0-9_]+\b")]
    private static partial Regex MetricNamePattern();
}

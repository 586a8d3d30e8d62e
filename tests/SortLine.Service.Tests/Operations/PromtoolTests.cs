using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Operations;

/// <summary>The checked-in Prometheus config and alert rules pass promtool (Debian package 'prometheus').</summary>
public sealed class PromtoolTests
{
    private static readonly string PromDir = RepoPaths.Combine("config", "prometheus");

    [Fact]
    public async Task CheckConfig_PrometheusYml_IsValid()
    {
        string promtool = ExternalTool.Require("promtool", "prometheus");

        (int code, string output) = await ExternalTool.RunAsync(promtool, ["check", "config", "prometheus.yml"], PromDir);

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckRules_AlertsYml_IsValid()
    {
        string promtool = ExternalTool.Require("promtool", "prometheus");

        (int code, string output) = await ExternalTool.RunAsync(promtool, ["check", "rules", "alerts.yml"], PromDir);

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 8 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestRules_AlertsTestYml_EveryAlertFiresAndStaysQuietAsSpecified()
    {
        string promtool = ExternalTool.Require("promtool", "prometheus");

        (int code, string output) = await ExternalTool.RunAsync(promtool, ["test", "rules", "alerts.test.yml"], PromDir);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task TestRules_ThresholdBroken_Fails()
    {
        // The unit tests must be able to fail: a copy of the rules with a wrong threshold does not pass them.
        string promtool = ExternalTool.Require("promtool", "prometheus");
        using var tmp = new TempDirectory();
        File.Copy(Path.Combine(PromDir, "alerts.test.yml"), Path.Combine(tmp.Path, "alerts.test.yml"));
        string rules = await File.ReadAllTextAsync(Path.Combine(PromDir, "alerts.yml"));
        await File.WriteAllTextAsync(Path.Combine(tmp.Path, "alerts.yml"), rules.Replace("< 0.8", "< 0.5", StringComparison.Ordinal));

        (int code, string output) = await ExternalTool.RunAsync(promtool, ["test", "rules", "alerts.test.yml"], tmp.Path);

        Assert.NotEqual(0, code);
        Assert.Contains("SortLineTeacherAgreementLow", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_EveryAlertHasAUnitTestAndARunbookSection()
    {
        string rules = File.ReadAllText(Path.Combine(PromDir, "alerts.yml"));
        string tests = File.ReadAllText(Path.Combine(PromDir, "alerts.test.yml"));
        string runbook = File.ReadAllText(RepoPaths.Combine("docs", "operating.md"));
        string[] alerts = [.. System.Text.RegularExpressions.Regex.Matches(rules, @"- alert: (\w+)").Select(m => m.Groups[1].Value)];

        Assert.Equal(8, alerts.Length);
        Assert.All(alerts, a =>
        {
            Assert.Contains("alertname: " + a, tests, StringComparison.Ordinal);
            Assert.Contains("### " + a, runbook, StringComparison.Ordinal);
        });
    }
}

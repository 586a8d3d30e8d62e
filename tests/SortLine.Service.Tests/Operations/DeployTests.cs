using System.Text.RegularExpressions;
using SortLine.Service.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SortLine.Service.Tests.Operations;

/// <summary>
/// The deployment files are checked as far as this machine allows: systemd-analyze verify on the unit; the
/// compose file by 'docker compose config' when the compose plugin exists, else structurally; the Dockerfile by
/// hadolint when installed, else structurally. No image is built and nothing is started (no Docker engine).
/// </summary>
public sealed partial class DeployTests
{
    private static string Unit => File.ReadAllText(RepoPaths.Combine("deploy", "systemd", "sortline.service"));

    private static string Dockerfile => File.ReadAllText(RepoPaths.Combine("deploy", "docker", "Dockerfile"));

    [Fact]
    public async Task SystemdUnit_VerifyWithStubExecStart_HasNoFindings()
    {
        // verify fails on an ExecStart that does not exist here (/opt/sortline is an install path), so a temp copy
        // points ExecStart at /usr/bin/sleep; everything else is verified as checked in.
        string analyze = ExternalTool.Require("systemd-analyze", "systemd");
        using var tmp = new TempDirectory();
        string copy = Path.Combine(tmp.Path, "sortline.service");
        await File.WriteAllTextAsync(copy, StubExecStart().Replace(Unit, "ExecStart=/usr/bin/sleep infinity"));

        (int code, string output) = await ExternalTool.RunAsync(analyze, ["verify", copy], tmp.Path);

        Assert.True(code == 0, output);
        Assert.True(output.Trim().Length == 0, "systemd-analyze verify reported: " + output);
    }

    [Theory]
    [InlineData("Type=notify")]
    [InlineData("Restart=on-failure")]
    [InlineData("RestartPreventExitStatus=78")]
    [InlineData("NoNewPrivileges=yes")]
    [InlineData("ProtectSystem=strict")]
    [InlineData("ProtectHome=yes")]
    [InlineData("PrivateTmp=yes")]
    [InlineData("ReadWritePaths=/var/lib/sortline")]
    [InlineData("User=sortline")]
    public void SystemdUnit_HasSetting(string line) =>
        Assert.Contains(line, Unit.Split('\n').Select(l => l.Trim()));

    [Fact]
    public void SystemdUnit_ExitCodeForBadConfiguration_MatchesTheHost() =>
        Assert.Contains("RestartPreventExitStatus=" + SortLine.Service.Hosting.SortLineHost.ExitConfigurationError, Unit, StringComparison.Ordinal);

    [Fact]
    public void Dockerfile_IsMultiStageNonRootWithHealthcheck()
    {
        string[] lines = [.. Dockerfile.Split('\n').Select(l => l.Trim())];
        string[] froms = [.. lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal))];
        string? user = lines.LastOrDefault(l => l.StartsWith("USER ", StringComparison.Ordinal));

        Assert.True(froms.Length >= 2, "multi-stage build");
        Assert.Contains("dotnet/sdk", froms[0], StringComparison.Ordinal);
        Assert.Contains("dotnet/aspnet", froms[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("COPY --from=build", StringComparison.Ordinal));
        Assert.NotNull(user);
        Assert.DoesNotMatch(new Regex(@"^USER\s+(root|0)(:|$)"), user);
        int healthcheck = Array.FindIndex(lines, l => l.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.True(healthcheck >= 0, "HEALTHCHECK present");
        Assert.Contains("/healthz", string.Join(' ', lines.Skip(healthcheck).Take(3)), StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dockerfile_Hadolint_WhenInstalled()
    {
        string? hadolint = ExternalTool.Find("hadolint");
        if (hadolint is null)
        {
            return; // not packaged for Debian 12; the structural test above stands in (docs/operating.md says so)
        }

        (int code, string output) = await ExternalTool.RunAsync(hadolint, [RepoPaths.Combine("deploy", "docker", "Dockerfile")]);

        Assert.True(code == 0, output);
    }

    [Fact]
    public void Compose_HasServiceWithPrometheusAndGrafanaMountsThatExist()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoPaths.Combine("deploy", "compose.yaml")))
        {
            yaml.Load(reader);
        }

        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
        Assert.Equal(["sortline", "prometheus", "grafana"], services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));

        var build = (YamlMappingNode)((YamlMappingNode)services["sortline"])["build"];
        string context = Path.GetFullPath(Path.Combine(RepoPaths.Combine("deploy"), ((YamlScalarNode)build["context"]).Value!));
        Assert.True(File.Exists(Path.Combine(context, ((YamlScalarNode)build["dockerfile"]).Value!)), "Dockerfile path from the build context");

        foreach (string service in new[] { "prometheus", "grafana" })
        {
            var volumes = (YamlSequenceNode)((YamlMappingNode)services[service])["volumes"];
            foreach (string source in volumes.Select(v => ((YamlScalarNode)v).Value!.Split(':')[0]).Where(s => s.StartsWith('.')))
            {
                string full = Path.GetFullPath(Path.Combine(RepoPaths.Combine("deploy"), source));
                Assert.True(File.Exists(full) || Directory.Exists(full), $"{service} mounts {source}, which does not exist");
            }
        }

        string grafana = string.Join('\n', ((YamlSequenceNode)((YamlMappingNode)services["grafana"])["volumes"]).Select(v => ((YamlScalarNode)v).Value));
        Assert.Contains("/etc/grafana/provisioning/datasources", grafana, StringComparison.Ordinal);
        Assert.Contains("/etc/grafana/provisioning/dashboards", grafana, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_DockerComposeConfig_WhenThePluginExists()
    {
        string? docker = ExternalTool.Find("docker");
        if (docker is null || (await ExternalTool.RunAsync(docker, ["compose", "version"])).ExitCode != 0)
        {
            return; // no compose plugin on this machine: Compose_HasServiceWithPrometheusAndGrafanaMountsThatExist stands in
        }

        (int code, string output) = await ExternalTool.RunAsync(docker, ["compose", "-f", "deploy/compose.yaml", "config", "--quiet"]);

        Assert.True(code == 0, output);
    }

    [GeneratedRegex("(?m)^ExecStart=.*$")]
    private static partial Regex StubExecStart();
}

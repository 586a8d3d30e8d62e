using System.Text.RegularExpressions;
using System.Xml.Linq;
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
    public void Dockerfile_BuildStage_CopiesEveryProjectThePublishedProjectReferences()
    {
        DockerfileStages file = DockerfileStages.Parse(Dockerfile);
        string[] copied = [.. DockerfileStages.ContextSources(file.First)];
        string publish = file.First.Where(i => i.Keyword == "RUN").Select(i => i.Arguments)
            .Single(a => a.StartsWith("dotnet publish ", StringComparison.Ordinal));
        string project = DockerfileStages.Normalise(publish.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]);

        // The publish restores and builds every project it references (transitively) and reads the MSBuild files
        // of the repository root: each must be inside something the build stage copies.
        string[] needed = [.. ProjectClosure(project), "Directory.Build.props", "Directory.Packages.props"];
        string[] missing = [.. needed.Where(path => !copied.Any(source => path == source || path.StartsWith(source + "/", StringComparison.Ordinal)))];

        Assert.Equal("src/SortLine.Service/SortLine.Service.csproj", project);
        Assert.Contains("simulators/SortLine.Simulators/SortLine.Simulators.csproj", needed);
        Assert.True(missing.Length == 0, "the build stage does not COPY: " + string.Join(", ", missing));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_BindsMetricsAndOpcUaOnEveryInterfaceAndExposesBoth()
    {
        DockerfileStages file = DockerfileStages.Parse(Dockerfile);
        Dictionary<string, string> env = DockerfileStages.Environment(file.Last);
        string[] exposed = [.. file.Last.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

        // appsettings.json binds loopback: inside a container that is unreachable through a published port.
        Assert.Equal("0.0.0.0", env.GetValueOrDefault("SortLine__Metrics__BindAddress"));
        Assert.Equal("0.0.0.0", env.GetValueOrDefault("SortLine__OpcUa__BindAddress"));
        Assert.Contains(env["SortLine__Metrics__Port"], exposed);
        Assert.Contains(env["SortLine__OpcUa__Port"], exposed);
    }

    [Fact]
    public async Task Dockerfile_RuntimeStage_DataItCopiesIsEnoughForTheSimulatedLine()
    {
        DockerfileStages file = DockerfileStages.Parse(Dockerfile);
        string dataDirectory = DockerfileStages.Environment(file.Last)["SortLine__Simulator__DataDirectory"];
        using var image = new TempDirectory();

        // Lay out what the runtime stage copies from data/ (and nothing else of it) under a stand-in image root, then
        // build the simulated line from the configured folder, as the service does at start.
        foreach ((string[] sources, string destination) in DockerfileStages.ContextCopies(file.Last))
        {
            foreach (string source in sources.Where(s => s == "data" || s.StartsWith("data/", StringComparison.Ordinal)))
            {
                CopyInto(RepoPaths.Combine(source), Path.Combine(image.Path, destination.TrimStart('/')));
            }
        }

        string configured = Path.Combine(image.Path, dataDirectory.TrimStart('/'));
        await using SortLine.Simulators.SimulatedLine line = SortLine.Simulators.SimulatedLine.Create(
            new SortLine.Simulators.SimulatedLineOptions { DataDirectory = configured }, TimeProvider.System);

        Assert.NotEmpty(line.Library.Spectra);
    }

    [Theory]
    [InlineData("**/bin/")]
    [InlineData("**/obj/")]
    public void DockerIgnore_ExcludesLocalBuildOutput(string pattern) =>
        Assert.Contains(pattern, File.ReadAllLines(RepoPaths.Combine(".dockerignore")).Select(l => l.Trim()));

    [Fact]
    public void Compose_SortLine_BindsOpcUaOnEveryInterfaceAndPublishesItsPort()
    {
        var service = (YamlMappingNode)((YamlMappingNode)LoadCompose()["services"])["sortline"];
        var environment = (YamlMappingNode)service["environment"];
        string[] containerPorts = [.. ((YamlSequenceNode)service["ports"]).Select(p => ((YamlScalarNode)p).Value!.Split(':')[^1])];

        Assert.Equal("0.0.0.0", ((YamlScalarNode)environment["SortLine__OpcUa__BindAddress"]).Value);
        Assert.Contains(((YamlScalarNode)environment["SortLine__OpcUa__Port"]).Value, containerPorts);
        Assert.DoesNotContain("once the server is wired", File.ReadAllText(RepoPaths.Combine("deploy", "compose.yaml")), StringComparison.Ordinal);
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
        var services = (YamlMappingNode)LoadCompose()["services"];
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

    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(RepoPaths.Combine("deploy", "compose.yaml")))
        {
            yaml.Load(reader);
        }

        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>COPY semantics: a file lands in the destination folder; a folder's contents land in the destination.</summary>
    private static void CopyInto(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        if (File.Exists(source))
        {
            File.Copy(source, Path.Combine(destination, Path.GetFileName(source)), overwrite: true);
            return;
        }

        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>A project and every project it references, transitively, as repository-relative paths.</summary>
    private static SortedSet<string> ProjectClosure(string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out string? current))
        {
            if (!seen.Add(current))
            {
                continue;
            }

            string full = RepoPaths.Combine(current);
            foreach (XElement reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                string target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(full)!, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                pending.Push(Path.GetRelativePath(RepoPaths.Root, target).Replace('\\', '/'));
            }
        }

        return seen;
    }

    [GeneratedRegex("(?m)^ExecStart=.*$")]
    private static partial Regex StubExecStart();
}

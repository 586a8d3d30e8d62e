using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using SortLine.OpcUa.Sessions;
using SortLine.Service.Hosting;
using SortLine.Service.Options;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Hosting;

public sealed class HostStartupTests
{
    private static async Task<OptionsValidationException> StartExpectingFailure(Dictionary<string, string?> settings)
    {
        (WebApplication app, TempDirectory? root) = TestServiceHost.Build(settings);
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(cts.Token));
        }
        finally
        {
            await app.DisposeAsync();
            root?.Dispose();
        }
    }

    [Fact]
    public async Task Start_BeltSpeedOutOfRange_StopsWithKeyAndRange()
    {
        OptionsValidationException ex = await StartExpectingFailure(new() { ["SortLine:Line:BeltSpeedMetersPerSecond"] = "25" });

        Assert.Equal(typeof(LineOptions), ex.OptionsType);
        Assert.Contains("The field SortLine:Line:BeltSpeedMetersPerSecond must be between 0.1 and 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BudgetBelowValveLatency_StopsWithCrossFieldMessage()
    {
        OptionsValidationException ex = await StartExpectingFailure(new()
        {
            ["SortLine:Line:LatencyBudgetMilliseconds"] = "2",
            ["SortLine:Line:ValveLatencyMilliseconds"] = "5",
            ["SortLine:Line:DecisionBudgetMilliseconds"] = "0.5",
        });

        Assert.Contains("SortLine:Line:LatencyBudgetMilliseconds (2 ms) must be greater than SortLine:Line:ValveLatencyMilliseconds (5 ms)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClassCountDisagreesWithLineClasses_StopsNamingBothSections()
    {
        OptionsValidationException ex = await StartExpectingFailure(new() { ["SortLine:Particles:ClassCount"] = "7", ["SortLine:Particles:RejectClass"] = "6" });

        Assert.Contains("SortLine:Particles:ClassCount (7) must be 6: background, the 4 minerals of SortLine:Line:Classes and the reject class", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MetricsPortOutOfRange_StopsWithKeyAndRange()
    {
        OptionsValidationException ex = await StartExpectingFailure(new() { ["SortLine:Metrics:Port"] = "70000" });

        Assert.Contains("The field SortLine:Metrics:Port must be between 0 and 65535", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvalidValue_ReturnsExConfigWithoutListening()
    {
        using var logs = new TempDirectory();

        int code = await SortLine.Service.Hosting.SortLineHost.RunAsync(
        [
            "--SortLine:Line:BeltSpeedMetersPerSecond=99",
            "--SortLine:Metrics:Port=0",
            "--Serilog:WriteTo:File:Args:path=" + Path.Combine(logs.Path, "sortline-.clef"),
        ]);

        // The key alone also appears in the effective-configuration dump logged before validation: assert on the
        // validation event and its message.
        JsonObject invalid = Assert.Single(ClefEvents(logs.Path), e => (string?)e["@mt"] == "Invalid configuration, not starting: {Problems}");
        Assert.Equal(SortLine.Service.Hosting.SortLineHost.ExitConfigurationError, code);
        Assert.Equal("Fatal", (string?)invalid["@l"]);
        Assert.Contains("The field SortLine:Line:BeltSpeedMetersPerSecond must be between 0.1 and 10", (string?)invalid["Problems"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConfiguredUser_LogsEffectiveConfigurationWithThePasswordHashRedacted()
    {
        using var logs = new TempDirectory();
        string hash = OpcUaPasswordHasher.Hash("plc-password");

        // An invalid belt speed ends the run right after the configuration is logged (nothing listens).
        int code = await SortLine.Service.Hosting.SortLineHost.RunAsync(
        [
            "--SortLine:OpcUa:Users:0:UserName=plc",
            "--SortLine:OpcUa:Users:0:PasswordHash=" + hash,
            "--SortLine:Line:BeltSpeedMetersPerSecond=99",
            "--SortLine:Metrics:Port=0",
            "--Serilog:WriteTo:File:Args:path=" + Path.Combine(logs.Path, "sortline-.clef"),
        ]);

        JsonObject[] events = ClefEvents(logs.Path);
        JsonObject effective = Assert.Single(events, e => (string?)e["@mt"] == "Effective configuration (secrets redacted): {Configuration}");
        JsonObject configuration = effective["Configuration"]!.AsObject();
        Assert.Equal(SortLine.Service.Hosting.SortLineHost.ExitConfigurationError, code);
        Assert.Equal(ConfigurationReport.Redacted, (string?)configuration["SortLine:OpcUa:Users:0:PasswordHash"]);
        Assert.Equal("plc", (string?)configuration["SortLine:OpcUa:Users:0:UserName"]);
        Assert.DoesNotContain(hash, string.Concat(Directory.GetFiles(logs.Path).Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    /// <summary>The CLEF events of every log file in <paramref name="directory"/>, in file order.</summary>
    private static JsonObject[] ClefEvents(string directory) =>
        [.. Directory.GetFiles(directory).Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0)
            .Select(l => JsonNode.Parse(l)!.AsObject())];

    [Fact]
    public async Task Start_RepositoryAppSettings_Starts()
    {
        using var logs = new TempDirectory();
        await using TestServiceHost host = await TestServiceHost.StartAsync(
            new Dictionary<string, string?> { ["Serilog:WriteTo:File:Args:path"] = Path.Combine(logs.Path, "sortline-.clef") },
            useRepositoryConfig: true);

        LineOptions line = host.Get<IOptions<LineOptions>>().Value;
        Assert.Equal(LineOptions.DefaultClasses, line.Classes);
        Assert.Equal("line-1", line.LineId);
    }
}

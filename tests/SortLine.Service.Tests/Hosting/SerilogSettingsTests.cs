using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using SortLine.Service.Hosting;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Hosting;

/// <summary>
/// The loggers the checked-in config/appsettings*.json files build: production writes compact JSON (CLEF) to the console
/// and to a rolling file, Development writes plain text to the console.
/// </summary>
/// <remarks>
/// The console is captured with <see cref="Console.SetOut(TextWriter)"/>: the console sink looks up
/// <see cref="Console.Out"/> per event, and this assembly runs its tests one at a time (TestParallelization.cs).
/// </remarks>
public sealed partial class SerilogSettingsTests
{
    [Fact]
    public void Production_Console_WritesCompactJson()
    {
        using var logs = new TempDirectory();
        string marker = Guid.NewGuid().ToString("N");

        string console = CaptureConsole(() => WriteEvent(logs.Path, marker, "appsettings.json"));

        using JsonDocument clef = JsonDocument.Parse(LineWith(console, marker));
        Assert.True(clef.RootElement.TryGetProperty("@t", out _), "CLEF timestamp @t");
        Assert.Equal("Serilog check {Marker} on {LineId}", clef.RootElement.GetProperty("@mt").GetString());
        Assert.Equal(marker, clef.RootElement.GetProperty("Marker").GetString());
    }

    [Fact]
    public void Production_RollingFile_WritesOneDailyClefFileWithTheEvent()
    {
        using var logs = new TempDirectory();
        string marker = Guid.NewGuid().ToString("N");

        _ = CaptureConsole(() => WriteEvent(logs.Path, marker, "appsettings.json"));

        string file = Assert.Single(Directory.GetFiles(logs.Path));
        Assert.Matches(DailyClefFile(), Path.GetFileName(file));
        using JsonDocument clef = JsonDocument.Parse(LineWith(File.ReadAllText(file), marker));
        Assert.Equal(marker, clef.RootElement.GetProperty("Marker").GetString());
    }

    [Fact]
    public void Development_Console_WritesPlainTextWithTheTemplate()
    {
        using var logs = new TempDirectory();
        string marker = Guid.NewGuid().ToString("N");

        string console = CaptureConsole(() => WriteEvent(logs.Path, marker, "appsettings.json", "appsettings.Development.json"));

        string line = LineWith(console, marker);
        Assert.Matches(PlainTextLine(), line);
        Assert.Contains($"Serilog check {marker} on line-9", line, StringComparison.Ordinal); // :lj renders strings unquoted
    }

    [Fact]
    public void Development_MinimumLevel_IsDebug()
    {
        using var logs = new TempDirectory();
        using Logger production = Create(logs.Path, "appsettings.json");
        using Logger development = Create(logs.Path, "appsettings.json", "appsettings.Development.json");

        Assert.False(production.IsEnabled(LogEventLevel.Debug));
        Assert.True(development.IsEnabled(LogEventLevel.Debug));
    }

    private static Logger Create(string logDirectory, params string[] files)
    {
        var builder = new ConfigurationBuilder();
        foreach (string file in files)
        {
            builder.AddJsonFile(RepoPaths.Combine("config", file), optional: false, reloadOnChange: false);
        }

        // Only the file sink's folder moves (to the test's temp folder); everything else is as checked in.
        builder.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:WriteTo:File:Args:path"] = Path.Combine(logDirectory, "sortline-.clef") });
        return SerilogSettings.Apply(new LoggerConfiguration(), builder.Build()).CreateLogger();
    }

    private static void WriteEvent(string logDirectory, string marker, params string[] files)
    {
        using Logger logger = Create(logDirectory, files);
        logger.Information("Serilog check {Marker} on {LineId}", marker, "line-9");
    }

    private static string CaptureConsole(Action write)
    {
        TextWriter original = Console.Out;
        using var captured = new StringWriter();
        Console.SetOut(captured);
        try
        {
            write();
        }
        finally
        {
            Console.SetOut(original);
        }

        return captured.ToString();
    }

    private static string LineWith(string text, string marker) =>
        Assert.Single(text.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal)).TrimEnd('\r');

    [GeneratedRegex(@"^sortline-\d{8}\.clef$")]
    private static partial Regex DailyClefFile();

    // appsettings.Development.json: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj}".
    [GeneratedRegex(@"^\[\d{2}:\d{2}:\d{2}\.\d{3} INF\] ")]
    private static partial Regex PlainTextLine();
}

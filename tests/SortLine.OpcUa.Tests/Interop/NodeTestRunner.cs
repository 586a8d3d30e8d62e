using System.Diagnostics;
using Xunit.Abstractions;

namespace SortLine.OpcUa.Tests.Interop;

/// <summary>Runs one tests/interop/*.test.mjs file with node's test runner and fails with its output.</summary>
internal static class NodeTestRunner
{
    public static async Task<int> RunAsync(string testFile, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output, TimeSpan timeout)
    {
        string interopDir = Path.Combine(FindRepositoryRoot(), "tests", "interop");
        string node = FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH: install Node.js 20+ (tests/install-deps.sh)");
        Assert.True(
            File.Exists(Path.Combine(interopDir, "node_modules", "node-opcua", "package.json")),
            "tests/interop/node_modules is missing: run tests/install-deps.sh (or cd tests/interop && npm ci)");
        var start = new ProcessStartInfo(node, ["--test", "--test-reporter=spec", testFile])
        {
            WorkingDirectory = interopDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            output.WriteLine(await stdout);
            output.WriteLine(await stderr);
        }

        return process.ExitCode;
    }

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SortLine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SortLine.sln not found above " + AppContext.BaseDirectory);
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

using System.Diagnostics;
using System.Text;

namespace SortLine.Service.Tests.Infrastructure;

/// <summary>Finds and runs command-line tools (promtool, systemd-analyze, docker) with a bounded time.</summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path of a tool the test cannot do without; fails the test with the install hint otherwise.</summary>
    public static string Require(string name, string debianPackage) =>
        Find(name) ?? throw new Xunit.Sdk.XunitException(
            $"'{name}' is not on PATH. Install the Debian package '{debianPackage}' (tests/install-deps.sh does: bash tests/install-deps.sh).");

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> args, string? workingDirectory = null, int timeoutSeconds = 60)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start " + file);
        var output = new StringBuilder();
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeoutSeconds} s.");
        }

        output.Append(await stdout).Append(await stderr);
        return (p.ExitCode, output.ToString());
    }
}

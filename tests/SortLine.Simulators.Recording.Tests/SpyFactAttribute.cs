using System.Diagnostics;

namespace SortLine.Simulators.Recording.Tests;

/// <summary>
/// A fact that needs Debian's <c>/usr/bin/python3</c> with SPy (python3-spectral) and NumPy. When they are absent the
/// test is skipped with that reason, and only then; tests/install-deps.sh installs them so CI always runs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SpyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(Probe);

    public SpyFactAttribute()
    {
        if (Missing.Value is string reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        const string Install = "install the Debian packages python3-spectral and python3-numpy (tests/install-deps.sh does).";
        if (!File.Exists(Python))
        {
            return $"SPy interop test skipped: {Python} does not exist; " + Install;
        }

        try
        {
            var psi = new ProcessStartInfo(Python, ["-c", "import spectral, numpy"]) { RedirectStandardError = true, RedirectStandardOutput = true };
            using Process p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"SPy interop test skipped: python3-spectral is not importable by {Python} ({err.Trim().Split('\n')[^1]}); " + Install;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"SPy interop test skipped: {Python} cannot be started ({ex.Message}); " + Install;
        }
    }
}

using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace SortLine.OpcUa.Tests.Interop;

/// <summary>
/// A tests/interop/*.peer.mjs script followed line by line: the script prints protocol lines starting with "@@ " on
/// stdout (everything else is node-opcua's own logging and only goes to the test output); the test acts on each.
/// Disposing kills the process tree if it is still running and writes everything it printed to the test output.
/// </summary>
internal sealed class NodePeerProcess : IAsyncDisposable
{
    private const string Prefix = "@@ ";
    private readonly Process _process;
    private readonly ITestOutputHelper _output;
    private readonly StringBuilder _log = new();
    private readonly Task<string> _stderr;

    private NodePeerProcess(Process process, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static NodePeerProcess Start(string script, IReadOnlyDictionary<string, string> environment, ITestOutputHelper output)
    {
        string interopDir = Path.Combine(NodeTestRunner.FindRepositoryRoot(), "tests", "interop");
        string node = NodeTestRunner.FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH: install Node.js 20+ (tests/install-deps.sh)");
        Assert.True(
            File.Exists(Path.Combine(interopDir, "node_modules", "node-opcua", "package.json")),
            "tests/interop/node_modules is missing: run tests/install-deps.sh (or cd tests/interop && npm ci)");
        var start = new ProcessStartInfo(node, [script])
        {
            WorkingDirectory = interopDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        return new NodePeerProcess(Process.Start(start)!, output);
    }

    /// <summary>Reads stdout until a protocol line starting with <paramref name="expected"/>; returns the rest of it.</summary>
    /// <exception cref="Xunit.Sdk.XunitException">The script failed ("@@ fail ...") or exited first.</exception>
    public async Task<string> ExpectAsync(string expected, CancellationToken cancellationToken)
    {
        while (true)
        {
            string? line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                Assert.Fail("the node script exited while the test waited for '" + expected + "'");
            }

            _log.AppendLine(line);
            if (!line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            string message = line[Prefix.Length..];
            Assert.False(message.StartsWith("fail", StringComparison.Ordinal), "node script: " + message);
            if (message.StartsWith(expected, StringComparison.Ordinal))
            {
                return message[expected.Length..].Trim();
            }
        }
    }

    /// <summary>Waits for the script to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        string rest = await _process.StandardOutput.ReadToEndAsync(cancellationToken);
        _log.Append(rest);
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _output.WriteLine(_log.ToString());
        _output.WriteLine(await _stderr);
        _process.Dispose();
    }
}

using System.Diagnostics;
using SortLine.OpcUa.Server;
using SortLine.OpcUa.Sessions;
using SortLine.OpcUa.Tests.Interop;
using Xunit.Abstractions;

namespace SortLine.OpcUa.Tests.InteropTests;

/// <summary>
/// Runs tests/interop/server.test.mjs (node's built-in test runner with node-opcua 2.186.4's OPCUAClient) against
/// two in-process servers on ephemeral ports: one with anonymous access and a user, one with anonymous access off
/// (discovery, browse, read, write, user tokens, token renewal, ModifySubscription/ModifyMonitoredItems/SetMonitoringMode).
/// Needs node on PATH and <c>npm ci</c> in tests/interop (tests/install-deps.sh does it); fails clearly otherwise.
/// </summary>
[Trait("Category", "Interop")]
public sealed class OpcUaInteropTests(ITestOutputHelper output)
{
    private const string User = "operator";
    private const string Password = "conveyor-42";

    [Fact]
    public async Task NodeOpcUaClient_ConnectBrowseReadWriteRenewModify_AllPass()
    {
        string interopDir = Path.Combine(FindRepositoryRoot(), "tests", "interop");
        string node = FindOnPath("node") ?? throw new InvalidOperationException("node is not on PATH: install Node.js 20+ (tests/install-deps.sh)");
        Assert.True(
            File.Exists(Path.Combine(interopDir, "node_modules", "node-opcua", "package.json")),
            "tests/interop/node_modules is missing: run tests/install-deps.sh (or cd tests/interop && npm ci)");
        string hash = OpcUaPasswordHasher.Hash(Password, 10_000);

        var open = new OpcUaServerOptions { Port = 0, MinTokenLifetime = TimeSpan.FromMilliseconds(500) };
        open.Users.Add(new OpcUaUserAccount(User, hash));
        var closed = new OpcUaServerOptions { Port = 0, AllowAnonymous = false };
        closed.Users.Add(new OpcUaUserAccount(User, hash));
        await using var server = new OpcUaServer(open);
        await using var noAnonymous = new OpcUaServer(closed);
        SampleNodeSet.AddTo(server);
        await server.StartAsync();
        await noAnonymous.StartAsync();

        var start = new ProcessStartInfo(node, ["--test", "--test-reporter=spec", "server.test.mjs"])
        {
            WorkingDirectory = interopDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["OPCUA_URL"] = server.EndpointUrl;
        start.Environment["OPCUA_URL_NOANON"] = noAnonymous.EndpointUrl;
        start.Environment["OPCUA_USER"] = User;
        start.Environment["OPCUA_PASSWORD"] = Password;
        start.Environment["OPCUA_NODE_COUNT"] = server.NodeStore.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["OPCUA_NS"] = SampleNodeSet.NamespaceUri;
        start.Environment["OPCUA_APPLICATION_URI"] = open.ApplicationUri;
        start.Environment["OPCUA_APPLICATION_NAME"] = open.ApplicationName;
        start.Environment["OPCUA_PRODUCT_URI"] = open.ProductUri;
        using var process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
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

        Assert.True(process.ExitCode == 0, "node --test server.test.mjs failed (exit " + process.ExitCode + "); see the test output");
    }

    private static string FindRepositoryRoot()
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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

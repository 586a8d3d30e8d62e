using SortLine.OpcUa.Server;

namespace SortLine.OpcUa.Tests.Robustness;

/// <summary>
/// Replays the committed fuzz corpus (tests/golden/opcua/fuzz/*.bin, one connection each) against a real server on an
/// ephemeral loopback port and compares the server's replies with the case's .expected file. The corpus is built by
/// <see cref="FuzzCorpus"/>; <see cref="Corpus_CommittedFiles_MatchBuilder"/> keeps files and builder in step
/// (SORTLINE_UPDATE_GOLDEN=1 rewrites the files in the source tree; review the diff).
/// </summary>
public sealed class FuzzCorpusTests : IAsyncLifetime
{
    private readonly CollectingLoggerFactory _logs = new();
    private OpcUaServer? _server;

    public async Task InitializeAsync()
    {
        _server = new OpcUaServer(new OpcUaServerOptions { Port = 0 }, _logs);
        Interop.SampleNodeSet.AddTo(_server);
        await _server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public static TheoryData<string> CaseNames() => new(CommittedCaseNames());

    private static string[] CommittedCaseNames() =>
        [.. System.IO.Directory.GetFiles(GoldenFile.PathOf(FuzzCorpus.Directory), "*.bin").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Replay_CorpusCase_ServerRepliesAsExpectedAndStaysUp(string name)
    {
        byte[] bytes = GoldenFile.ReadBin(Path.Combine(FuzzCorpus.Directory, name));
        string[] expected = File.ReadAllLines(GoldenFile.PathOf(Path.Combine(FuzzCorpus.Directory, name + ".expected")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        List<string> replies = await FuzzCorpus.ReplayAsync(_server!.LocalEndPoint!, bytes, timeout.Token);

        Assert.Equal(expected, replies);
        Assert.Empty(_logs.Errors);
        await using RawUaClient client = await RawUaClient.ConnectAsync(_server.LocalEndPoint!, timeout.Token);
        await client.CloseChannelAsync(timeout.Token);
    }

    [Fact]
    public void Corpus_CommittedFiles_MatchBuilder()
    {
        string? update = Environment.GetEnvironmentVariable("SORTLINE_UPDATE_GOLDEN");
        string sourceDir = Path.Combine(RepositoryRoot(), "tests", "golden", "opcua", FuzzCorpus.Directory);
        var built = FuzzCorpus.Cases().ToList();
        if (update == "1")
        {
            System.IO.Directory.CreateDirectory(sourceDir);
            foreach (CorpusCase c in built)
            {
                File.WriteAllBytes(Path.Combine(sourceDir, c.Name + ".bin"), c.Bytes);
                File.WriteAllText(Path.Combine(sourceDir, c.Name + ".txt"), FuzzCorpus.ToHex(c.Bytes));
                File.WriteAllText(Path.Combine(sourceDir, c.Name + ".expected"), string.Join('\n', c.Expected) + "\n");
            }

            return; // rebuild to copy the new files to the test output, then run again without the variable
        }

        Assert.Equal(built.Select(c => c.Name).Order(StringComparer.Ordinal), CommittedCaseNames());
        foreach (CorpusCase c in built)
        {
            string path = Path.Combine(FuzzCorpus.Directory, c.Name);
            Assert.True(c.Bytes.AsSpan().SequenceEqual(GoldenFile.ReadBin(path)), c.Name + ".bin differs from FuzzCorpus (SORTLINE_UPDATE_GOLDEN=1 rewrites it)");
            Assert.True(c.Bytes.AsSpan().SequenceEqual(GoldenFile.ReadHex(path)), c.Name + ".txt differs from its .bin");
            Assert.Equal(c.Expected, File.ReadAllLines(GoldenFile.PathOf(path + ".expected")));
        }
    }

    private static string RepositoryRoot()
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
}

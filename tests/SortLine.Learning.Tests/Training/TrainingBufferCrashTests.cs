using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using SortLine.Learning.CrashWriter;
using SortLine.Learning.Training;

namespace SortLine.Learning.Tests.Training;

/// <summary>
/// Kills a writer process (SIGKILL) at a random moment while it appends, then checks that every record it had
/// acknowledged is present and intact, and that nothing before it is damaged.
/// </summary>
public sealed class TrainingBufferCrashTests : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);
    private readonly string _directory = Directory.CreateTempSubdirectory("sortline-crash-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(TrainingBufferDurability.FlushToOperatingSystem, 11)]
    [InlineData(TrainingBufferDurability.FsyncEveryN, 22)]
    [InlineData(TrainingBufferDurability.FsyncEachRecord, 33)]
    [InlineData(TrainingBufferDurability.FlushToOperatingSystem, 44)]
    public async Task Append_WriterKilledAtRandomMoment_EveryAcknowledgedRecordSurvivesIntact(TrainingBufferDurability durability, int seed)
    {
        var random = new Random(seed);
        var acknowledged = new List<long>();

        // Two kills into the same folder: the second run reopens what the first one left.
        for (int run = 0; run < 2; run++)
        {
            int killAfter = 200 + random.Next(400);
            acknowledged.AddRange(await RunAndKillAsync(durability, killAfter));
            Assert.True(acknowledged.Count >= killAfter, $"run {run}: only {acknowledged.Count} acknowledgements before the writer stopped");
        }

        using TrainingBuffer buffer = TrainingBuffer.Open(new TrainingBufferOptions { Directory = _directory, MaxTotalBytes = 1L << 30 });
        IReadOnlyList<StoredTrainingPair> stored = buffer.ReadAll();

        Assert.DoesNotContain(buffer.Damage, d => d.Kind == TrainingBufferDamageKind.Corruption);
        for (int i = 0; i < stored.Count; i++)
        {
            Assert.Equal(i, stored[i].Sequence); // nothing earlier lost or corrupted
        }

        var present = stored.ToDictionary(s => s.Sequence);
        foreach (long sequence in acknowledged)
        {
            Assert.True(present.TryGetValue(sequence, out StoredTrainingPair record), $"acknowledged record {sequence} is missing (seed {seed})");
            TrainingBufferTests.AssertSamePair(CrashRecords.Create(sequence), record.Pair);
        }

        Assert.InRange(stored.Count, acknowledged.Count, acknowledged.Count + 2); // at most one unacknowledged record per run
    }

    private async Task<List<long>> RunAndKillAsync(TrainingBufferDurability durability, int killAfter)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CrashWriterPath());
        start.ArgumentList.Add(_directory);
        start.ArgumentList.Add(durability.ToString());
        start.ArgumentList.Add("65536");
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var acknowledged = new List<long>();
        try
        {
            while (acknowledged.Count < killAfter)
            {
                string? line = await process.StandardOutput.ReadLineAsync(timeout.Token);
                if (line is null)
                {
                    string error = await process.StandardError.ReadToEndAsync(timeout.Token);
                    Assert.Fail($"The crash writer exited early (code {process.ExitCode}) after {acknowledged.Count} acknowledgements: {error}");
                }

                if (line.StartsWith("ack ", StringComparison.Ordinal))
                {
                    acknowledged.Add(long.Parse(line.AsSpan(4), CultureInfo.InvariantCulture));
                }
            }
        }
        finally
        {
            process.Kill(); // SIGKILL on Unix: no finalizers, no flush, no Dispose
            await process.WaitForExitAsync(timeout.Token);
        }

        // Acknowledgements printed between our last read and the kill count too.
        // Only complete lines: a line cut by the kill is not an acknowledgement we can trust to be whole.
        string rest = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        string[] lines = rest.Split('\n');
        foreach (string line in lines[..^1])
        {
            if (line.StartsWith("ack ", StringComparison.Ordinal) && long.TryParse(line.AsSpan(4), CultureInfo.InvariantCulture, out long sequence))
            {
                acknowledged.Add(sequence);
            }
        }

        return acknowledged;
    }

    private static string CrashWriterPath()
    {
        string? path = typeof(TrainingBufferCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "CrashWriterPath")?.Value;
        Assert.True(path is not null && File.Exists(path),
            $"The crash writer was not found at '{path}'; build tests/SortLine.Learning.CrashWriter (the test project references it).");
        return path!;
    }
}

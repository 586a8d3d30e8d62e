using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Server;

namespace SortLine.Benchmarks.OpcUa;

/// <summary>
/// Decisions mode of the OPC UA benchmark host (<c>SortLine.Benchmarks opcua-host --decisions</c>), driven by
/// benchmarks/opcua-peer/decisions-throughput.mjs: hosts <see cref="SortLineNodeSet"/> (namespace urn:sortline) on
/// 127.0.0.1, prints <c>READY opc.tcp://127.0.0.1:&lt;port&gt;</c>, then for each stdin line
/// <c>publish &lt;rate&gt; &lt;seconds&gt;</c> calls <see cref="DecisionPublisher.TryPublish"/> on a fixed schedule
/// (decision k, 1-based, is due at start + (k - 1) / rate) and prints one line <c>PUBLISHED {json}</c> when done.
/// Stops when stdin closes or after the time limit.
/// </summary>
/// <remarks>
/// The JSON reports: count (commands offered), dropped (refused by the publisher queue), discarded (monitored item queue
/// overflows in the server), startUnixMs (wall-clock time decision 1 was due, ms since 1970 with sub-ms digits, for the
/// client's schedule-to-arrival latency), elapsedSeconds, maxLagMs (how far the publishing loop fell behind schedule)
/// and cpuSeconds (host process CPU during the run). Decision k carries SequenceNumber k.
/// </remarks>
internal static class OpcUaDecisionHost
{
    private const int MaxRate = 1_000_000;
    private const int MaxSeconds = 600;

    public static async Task RunAsync(int seconds)
    {
        var options = new OpcUaServerOptions { BindAddress = "127.0.0.1", Port = 0, MaxMonitoredItemQueueSize = 50_000 };
        await using var server = new OpcUaServer(options);
        await using SortLineNodeSet sorter = SortLineNodeSet.Create(
            server.AddressSpace,
            new SortLineNodeSetOptions { ClassNames = ["spodumene", "lepidolite", "quartz", "feldspar"] },
            new SortLineMethodHandlers());
        sorter.SetState(SortLineState.Running);
        await server.StartAsync();
        Console.WriteLine("READY opc.tcp://127.0.0.1:" + server.LocalEndPoint!.Port.ToString(CultureInfo.InvariantCulture));

        Task commands = Task.Run(async () =>
        {
            ulong next = 1;
            while (await Console.In.ReadLineAsync() is { } line)
            {
                string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 3 && parts[0] == "publish"
                    && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int rate) && rate is >= 1 and <= MaxRate
                    && double.TryParse(parts[2], CultureInfo.InvariantCulture, out double duration) && duration is > 0 and <= MaxSeconds)
                {
                    ulong first = next;
                    long total = (long)Math.Round(rate * duration);
                    next += (ulong)total;
                    string report = await Task.Factory.StartNew(
                        () => PublishOnSchedule(server, sorter, first, total, rate), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
                    Console.WriteLine("PUBLISHED " + report);
                }
                else
                {
                    Console.WriteLine("ERROR expected: publish <rate 1.." + MaxRate + "> <seconds 0.." + MaxSeconds + ">");
                }
            }
        });
        await Task.WhenAny(commands, Task.Delay(TimeSpan.FromSeconds(seconds)));
        await server.StopAsync();
    }

    /// <summary>Offers decisions first .. first + total - 1, each at its due time (rate per second).</summary>
    private static string PublishOnSchedule(OpcUaServer server, SortLineNodeSet sorter, ulong first, long total, int rate)
    {
        long droppedBefore = sorter.Decisions.DroppedCount;
        long discardedBefore = server.DiscardedNotificationCount;
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        double startUnixMs = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        var clock = Stopwatch.StartNew();
        double maxLagMs = 0;
        long offered = 0;
        while (offered < total)
        {
            double elapsed = clock.Elapsed.TotalSeconds;
            long due = Math.Min(total, (long)(elapsed * rate) + 1);
            if (offered >= due)
            {
                Thread.Sleep(1);
                continue;
            }

            maxLagMs = Math.Max(maxLagMs, (elapsed - (offered / (double)rate)) * 1000);
            for (; offered < due; offered++)
            {
                ulong k = first + (ulong)offered;
                ushort valve = (ushort)(k % 300);
                sorter.Decisions.TryPublish(new EjectionCommand(k, valve, (ushort)(valve + 2), 1000L * (long)k, (1000L * (long)k) + 500, (ushort)(k % 4), 0.9));
            }
        }

        double elapsedSeconds = clock.Elapsed.TotalSeconds;

        // let the pump hand the last commands to the monitored items before reading the counters
        while (sorter.Decisions.PendingCount > 0 && clock.Elapsed.TotalSeconds < elapsedSeconds + 5)
        {
            Thread.Sleep(1);
        }

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["first"] = first,
            ["count"] = total,
            ["dropped"] = sorter.Decisions.DroppedCount - droppedBefore,
            ["discarded"] = server.DiscardedNotificationCount - discardedBefore,
            ["startUnixMs"] = startUnixMs,
            ["rate"] = rate,
            ["elapsedSeconds"] = elapsedSeconds,
            ["maxLagMs"] = maxLagMs,
            ["cpuSeconds"] = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds,
        });
    }
}

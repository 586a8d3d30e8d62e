using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Operations;

/// <summary>A real <c>prometheus</c> server on a loopback port with a temporary config and storage; killed on dispose.</summary>
internal sealed class PrometheusProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _dir;
    private readonly System.Text.StringBuilder _log = new();

    private PrometheusProcess(Process process, TempDirectory dir, Uri baseAddress)
    {
        _process = process;
        _dir = dir;
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts Prometheus scraping <paramref name="target"/> every second and evaluating <paramref name="ruleFile"/>.</summary>
    public static PrometheusProcess Start(Uri target, string metricsPath, string ruleFile)
    {
        string binary = ExternalTool.Require("prometheus", "prometheus");
        var dir = new TempDirectory();
        int port = FreeLoopbackPort();
        string config = $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            rule_files:
              - "{ruleFile}"
            scrape_configs:
              - job_name: sortline
                metrics_path: {metricsPath}
                static_configs:
                  - targets: ["{target.Host}:{target.Port.ToString(CultureInfo.InvariantCulture)}"]
            """;
        string configPath = Path.Combine(dir.Path, "prometheus.yml");
        File.WriteAllText(configPath, config);
        var psi = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir.Path,
        };
        foreach (string a in new[]
        {
            "--config.file=" + configPath,
            "--storage.tsdb.path=" + Path.Combine(dir.Path, "data"),
            "--web.listen-address=127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            "--log.level=warn",
        })
        {
            psi.ArgumentList.Add(a);
        }

        Process p = Process.Start(psi) ?? throw new InvalidOperationException("Could not start prometheus.");
        var prom = new PrometheusProcess(p, dir, new Uri($"http://127.0.0.1:{port}/"));
        p.OutputDataReceived += (_, e) => prom.Append(e.Data);
        p.ErrorDataReceived += (_, e) => prom.Append(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return prom;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes (then fails with <paramref name="what"/>).</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var sw = Stopwatch.StartNew();
        Exception? last = null;
        while (sw.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"prometheus exited with {_process.ExitCode} while waiting for {what}. Log:\n{Log}");
            }

            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex; // not listening yet
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"Timed out after {timeout.TotalSeconds} s waiting for {what}. Last error: {last?.Message}. Prometheus log:\n{Log}");
    }

    /// <summary>Runs an instant query; returns the API's status, error text and result array.</summary>
    public async Task<(string Status, string? Error, JsonElement Result)> QueryAsync(string promql)
    {
        using HttpResponseMessage r = await Http.GetAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(promql), UriKind.Relative));
        using JsonDocument doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        JsonElement root = doc.RootElement.Clone();
        string status = root.GetProperty("status").GetString()!;
        string? error = root.TryGetProperty("error", out JsonElement e) ? e.GetString() : null;
        JsonElement result = status == "success" ? root.GetProperty("data").GetProperty("result") : default;
        return (status, error, result);
    }

    public async Task<JsonElement> GetJsonAsync(string relative)
    {
        using JsonDocument doc = JsonDocument.Parse(await Http.GetStringAsync(new Uri(relative, UriKind.Relative)));
        return doc.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(cts.Token);
        }

        _process.Dispose();
        _dir.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}

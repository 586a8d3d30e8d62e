using System.Net;
using SortLine.Service.Telemetry;
using SortLine.Service.Tests.Infrastructure;
using SortLine.Telemetry;

namespace SortLine.Service.Tests.Health;

public sealed class EndpointTests
{
    [Fact]
    public async Task Metrics_FreshHost_ServesTheCatalogue()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        string text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        HashSet<string> names = ExpositionText.SampleNames(text);
        foreach (MetricDescriptor m in MetricCatalogue.All.Where(m => m != MetricCatalogue.ModelInfo))
        {
            Assert.All(m.SeriesNames, s => Assert.Contains(s, names));
        }

        Assert.Contains("process_cpu_seconds_total", names);
    }

    [Fact]
    public async Task Healthz_FreshHost_Returns200()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using HttpResponseMessage r = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    [Fact]
    public async Task Readyz_UntilAllConditionsMet_Returns503WithReasonsThen200()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var readyz = new Uri("/readyz", UriKind.Relative);
        IReadinessReporter readiness = host.Get<IReadinessReporter>();

        using HttpResponseMessage fresh = await http.GetAsync(readyz);
        string freshBody = await fresh.Content.ReadAsStringAsync();
        readiness.SetCondition(ReadinessCondition.Calibrated, true);
        readiness.SetCondition(ReadinessCondition.SensorsUp, true);
        using HttpResponseMessage partial = await http.GetAsync(readyz);
        string partialBody = await partial.Content.ReadAsStringAsync();
        readiness.SetCondition(ReadinessCondition.ModelLoaded, true);
        using HttpResponseMessage ready = await http.GetAsync(readyz);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, fresh.StatusCode);
        Assert.Contains("not calibrated", freshBody, StringComparison.Ordinal);
        Assert.Contains("sensors_up", freshBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, partial.StatusCode);
        Assert.Contains("no model loaded", partialBody, StringComparison.Ordinal);
        Assert.DoesNotContain("not calibrated", partialBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Readyz_ConditionLostAgain_Returns503AndGaugeFollows()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync();
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        IReadinessReporter readiness = host.Get<IReadinessReporter>();
        foreach (ReadinessCondition c in Enum.GetValues<ReadinessCondition>())
        {
            readiness.SetCondition(c, true);
        }

        readiness.SetCondition(ReadinessCondition.SensorsUp, false);
        using HttpResponseMessage r = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        string metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode);
        Assert.Equal(0, ExpositionText.Value(metrics, "sortline_service_readiness_state{condition=\"sensors_up\"}"));
        Assert.Equal(1, ExpositionText.Value(metrics, "sortline_service_readiness_state{condition=\"calibrated\"}"));
    }

    [Fact]
    public async Task Endpoints_ConfiguredPaths_AreServedThere()
    {
        await using TestServiceHost host = await TestServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["SortLine:Metrics:MetricsPath"] = "/prom",
            ["SortLine:Metrics:LivenessPath"] = "/live",
        });
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using HttpResponseMessage prom = await http.GetAsync(new Uri("/prom", UriKind.Relative));
        using HttpResponseMessage live = await http.GetAsync(new Uri("/live", UriKind.Relative));
        using HttpResponseMessage old = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, prom.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }
}

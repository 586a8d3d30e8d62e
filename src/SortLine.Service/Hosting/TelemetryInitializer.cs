using Microsoft.Extensions.Hosting;
using SortLine.Service.Health;
using SortLine.Service.Telemetry;

namespace SortLine.Service.Hosting;

/// <summary>
/// Creates the metrics and the readiness state when the host starts (after options validation, before the
/// HTTP server accepts a scrape), so the first scrape already sees the whole catalogue.
/// </summary>
internal sealed partial class TelemetryInitializer(SortLineMetrics metrics, ReadinessState readiness, ILogger<TelemetryInitializer> logger) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogReady(logger, MetricCatalogue.All.Count, readiness.IsReady);
        GC.KeepAlive(metrics);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics registered: {MetricCount} SortLine families; ready {Ready}")]
    private static partial void LogReady(ILogger logger, int metricCount, bool ready);
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortLine.Telemetry;

namespace SortLine.Service.Health;

/// <summary>The readiness probe: healthy only when every <see cref="ReadinessCondition"/> holds.</summary>
internal sealed class ReadinessHealthCheck(ReadinessState state) : IHealthCheck
{
    /// <summary>The tag that selects this check for the readiness endpoint.</summary>
    public const string Tag = "ready";

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<ReadinessCondition> unmet = state.Unmet();
        if (unmet.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Calibrated, model loaded, sensors up."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["unmet"] = unmet.Select(TelemetryLabels.Of).ToArray(),
        };
        string reasons = string.Join("; ", unmet.Select(Describe));
        return Task.FromResult(HealthCheckResult.Unhealthy("Not ready: " + reasons + ".", data: data));
    }

    private static string Describe(ReadinessCondition condition) => condition switch
    {
        ReadinessCondition.Calibrated => "not calibrated",
        ReadinessCondition.ModelLoaded => "no model loaded",
        ReadinessCondition.SensorsUp => "sensors not up",
        _ => TelemetryLabels.Of(condition),
    };
}

using System.ComponentModel.DataAnnotations;

namespace SortLine.Service.Options;

/// <summary>The HTTP endpoint that serves Prometheus metrics and the health probes.</summary>
internal sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "SortLine:Metrics";

    /// <summary>Gets the IP address to listen on; loopback by default (Prometheus runs on the same host).</summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(BindAddress)} is required.")]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets the TCP port; 0 picks a free port (tests only).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 9180;

    /// <summary>Gets the path of the Prometheus scrape endpoint.</summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(MetricsPath)} is required.")]
    [RegularExpression("^/[A-Za-z0-9_/.-]*$", ErrorMessage = $"{SectionName}:{nameof(MetricsPath)} must start with '/' and contain only A-Z, a-z, 0-9, '_', '-', '.', '/'.")]
    public string MetricsPath { get; set; } = "/metrics";

    /// <summary>Gets the path of the liveness probe (200 while the process runs).</summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(LivenessPath)} is required.")]
    [RegularExpression("^/[A-Za-z0-9_/.-]*$", ErrorMessage = $"{SectionName}:{nameof(LivenessPath)} must start with '/' and contain only A-Z, a-z, 0-9, '_', '-', '.', '/'.")]
    public string LivenessPath { get; set; } = "/healthz";

    /// <summary>Gets the path of the readiness probe (200 when calibrated, a model is loaded and sensors are up; else 503).</summary>
    [Required(ErrorMessage = $"{SectionName}:{nameof(ReadinessPath)} is required.")]
    [RegularExpression("^/[A-Za-z0-9_/.-]*$", ErrorMessage = $"{SectionName}:{nameof(ReadinessPath)} must start with '/' and contain only A-Z, a-z, 0-9, '_', '-', '.', '/'.")]
    public string ReadinessPath { get; set; } = "/readyz";
}

using SortLine.Pipeline;
using SortLine.Telemetry;

namespace SortLine.Service.Workers;

/// <summary>Where a <see cref="SortingPipeline"/> reports: the pipeline's counters and the service telemetry.</summary>
/// <param name="Counters">Pipeline counters (drops forwarded to telemetry by the host's adapter).</param>
/// <param name="Telemetry">Service pipeline telemetry.</param>
internal sealed record PipelineCounterMetrics(IPipelineMetrics Counters, IPipelineTelemetry Telemetry);

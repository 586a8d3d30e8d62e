using SortLine.Service.Telemetry;
using SortLine.Telemetry;

namespace SortLine.Service.Health;

/// <summary>
/// Whether the line may sort: calibrated, a model loaded and sensors up. Workers set the conditions; the
/// readiness probe and the <c>sortline_service_readiness_state</c> gauge read them.
/// </summary>
/// <remarks>Thread-safe: one bit per condition, updated with compare-and-swap.</remarks>
internal sealed partial class ReadinessState : IReadinessReporter
{
    private static readonly ReadinessCondition[] Conditions = Enum.GetValues<ReadinessCondition>();
    private readonly SortLineMetrics _metrics;
    private readonly ILogger<ReadinessState> _logger;
    private int _met;

    /// <summary>Creates the state with every condition unmet.</summary>
    public ReadinessState(SortLineMetrics metrics, ILogger<ReadinessState> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        _metrics = metrics;
        _logger = logger;
        foreach (ReadinessCondition c in Conditions)
        {
            _metrics.SetReadiness(c, false);
        }
    }

    /// <summary>Gets whether every condition holds.</summary>
    public bool IsReady => Volatile.Read(ref _met) == (1 << Conditions.Length) - 1;

    /// <inheritdoc/>
    public void SetCondition(ReadinessCondition condition, bool isMet)
    {
        if (!Enum.IsDefined(condition))
        {
            throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown readiness condition.");
        }

        int bit = 1 << (int)condition;
        int seen, next;
        do
        {
            seen = Volatile.Read(ref _met);
            next = isMet ? seen | bit : seen & ~bit;
        }
        while (Interlocked.CompareExchange(ref _met, next, seen) != seen);
        _metrics.SetReadiness(condition, isMet);
        if (next != seen)
        {
            // Transitions only: the probe itself is polled and must not flood the log.
            LogChanged(_logger, condition, isMet, next == (1 << Conditions.Length) - 1);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness condition {Condition} met {IsMet}; service ready {Ready}")]
    private static partial void LogChanged(ILogger logger, ReadinessCondition condition, bool isMet, bool ready);

    /// <summary>Gets whether one condition holds.</summary>
    public bool IsMet(ReadinessCondition condition) => (Volatile.Read(ref _met) & (1 << (int)condition)) != 0;

    /// <summary>Returns the conditions that do not hold, in enum order.</summary>
    public IReadOnlyList<ReadinessCondition> Unmet()
    {
        int met = Volatile.Read(ref _met);
        return [.. Conditions.Where(c => (met & (1 << (int)c)) == 0)];
    }
}

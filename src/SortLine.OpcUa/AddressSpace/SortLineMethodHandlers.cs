using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// The host's implementations of the sorter methods. The node set checks the inputs first (types, counts and the
/// ranges documented per method: Bad_InvalidArgument with a per-argument Bad_OutOfRange or Bad_InvalidArgument), then
/// calls the handler and returns its status code to the client (e.g. Good, Bad_InvalidState when the line cannot do it
/// now, Bad_NotFound for an unknown model version). A null handler makes the method not executable
/// (Bad_NotExecutable). Handlers may await (e.g. capturing a reference); the token is cancelled when the client's
/// connection closes.
/// </summary>
public sealed class SortLineMethodHandlers
{
    /// <summary>StartLine(): start the belt and sorting.</summary>
    public Func<CancellationToken, ValueTask<StatusCode>>? StartLine { get; init; }

    /// <summary>StopLine(): stop sorting and the belt.</summary>
    public Func<CancellationToken, ValueTask<StatusCode>>? StopLine { get; init; }

    /// <summary>RequestRetrain(Reason: String, 1-1024 characters): queue a retraining of the student model.</summary>
    public Func<string, CancellationToken, ValueTask<StatusCode>>? RequestRetrain { get; init; }

    /// <summary>RollbackModel(ModelVersion: String, 1-256 characters): return to an earlier model version.</summary>
    public Func<string, CancellationToken, ValueTask<StatusCode>>? RollbackModel { get; init; }

    /// <summary>CaptureDarkReference(LineCount: UInt32, 1..MaxReferenceLines): average that many lines with the shutter closed.</summary>
    public Func<uint, CancellationToken, ValueTask<StatusCode>>? CaptureDarkReference { get; init; }

    /// <summary>CaptureWhiteReference(LineCount: UInt32, 1..MaxReferenceLines): average that many lines of the white target.</summary>
    public Func<uint, CancellationToken, ValueTask<StatusCode>>? CaptureWhiteReference { get; init; }

    /// <summary>ResetCounters(): zero the particle, ejection, dropped-line and late-decision counters.</summary>
    public Func<CancellationToken, ValueTask<StatusCode>>? ResetCounters { get; init; }
}

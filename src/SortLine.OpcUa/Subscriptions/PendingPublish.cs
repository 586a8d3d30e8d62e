using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>A queued Publish request: its acknowledgement results (computed on arrival), its deadline, and the task its response completes.</summary>
/// <remarks>
/// Continuations run synchronously on the completing thread (under the session lock): the dispatcher encodes the
/// response and the connection queues it for sending right there, so responses completed in order go out in order
/// (node-opcua processes NotificationMessages in arrival order). Nothing on that path takes a session lock or waits.
/// </remarks>
internal sealed class PendingPublish(StatusCode[] acknowledgementResults, DateTime? deadline)
{
    private readonly TaskCompletionSource<PublishResponse> _completion = new();

    /// <summary>One result per acknowledgement in the request.</summary>
    public StatusCode[] AcknowledgementResults { get; } = acknowledgementResults;

    /// <summary>When the client stops waiting (from TimeoutHint), or null.</summary>
    public DateTime? Deadline { get; } = deadline;

    /// <summary>Completes with the response.</summary>
    public Task<PublishResponse> Task => _completion.Task;

    /// <summary>The registration that removes the request when the connection closes.</summary>
    public CancellationTokenRegistration Cancellation { get; set; }

    /// <summary>Answers with a response.</summary>
    public void Complete(PublishResponse response)
    {
        _ = Cancellation.Unregister();
        _completion.TrySetResult(response);
    }

    /// <summary>Answers with a ServiceFault.</summary>
    public void Fail(StatusCode status)
    {
        _ = Cancellation.Unregister();
        _completion.TrySetException(new ServiceResultException(status));
    }

    /// <summary>Drops the request (its connection closed).</summary>
    public void Cancel() => _completion.TrySetCanceled();
}

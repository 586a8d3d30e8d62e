namespace SortLine.OpcUa.SecureChannel;

/// <summary>The outcome of one received chunk.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="RequestId">The request id of a complete request (echoed by the response).</param>
/// <param name="Message">The request body (encoding NodeId + fields) for <see cref="ChannelEventKind.Request"/>; the receiver disposes it.</param>
internal readonly record struct ChannelEvent(ChannelEventKind Kind, uint RequestId = 0, MessageBuffer? Message = null);

using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>An encoded response body (encoding NodeId + fields) ready for chunking. The sender disposes it.</summary>
/// <param name="Body">The encoded body.</param>
/// <param name="RequestHandle">The request's handle (to answer with a ServiceFault if the body is too large to send).</param>
internal sealed record ServiceReply(PooledByteBuffer Body, uint RequestHandle) : IDisposable
{
    /// <inheritdoc/>
    public void Dispose() => Body.Dispose();
}

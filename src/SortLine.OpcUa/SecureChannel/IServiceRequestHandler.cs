using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.SecureChannel;

/// <summary>Where complete requests go (the service dispatcher). The channel layer never looks inside a body.</summary>
internal interface IServiceRequestHandler
{
    /// <summary>
    /// Decodes and executes one request. The handler must decode <paramref name="message"/> before it first awaits: the
    /// connection returns the buffer to its pool as soon as this method returns, and a reply that completes later (a
    /// Publish waiting for notifications) is sent while later requests keep being read and answered.
    /// </summary>
    /// <param name="channel">The channel it arrived on.</param>
    /// <param name="message">The request body: encoding NodeId + fields.</param>
    /// <param name="cancellationToken">Cancelled when the connection closes.</param>
    /// <returns>The encoded response (a ServiceFault for service-level failures).</returns>
    /// <exception cref="SecureChannelException">The body could not be decoded far enough to answer it; send ERR and close.</exception>
    ValueTask<ServiceReply> HandleRequestAsync(ChannelContext channel, ReadOnlyMemory<byte> message, CancellationToken cancellationToken);

    /// <summary>Encodes a ServiceFault.</summary>
    ServiceReply CreateFault(uint requestHandle, StatusCode status);
}

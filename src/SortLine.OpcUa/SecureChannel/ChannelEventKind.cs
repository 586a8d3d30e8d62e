namespace SortLine.OpcUa.SecureChannel;

/// <summary>What a received chunk amounted to.</summary>
internal enum ChannelEventKind
{
    /// <summary>Nothing to do yet (an intermediate or aborted chunk).</summary>
    None,

    /// <summary>An OPN Issue or Renew was answered (the response was written to the output).</summary>
    Opened,

    /// <summary>A complete service request arrived (<see cref="ChannelEvent.Message"/>).</summary>
    Request,

    /// <summary>The client sent CLO: release the channel and close the socket, no response.</summary>
    Close,
}

// Wire layout (OPC 10000-4 §5.13.5.2):
//
//   SubscriptionId  UInt32
//   SequenceNumber  UInt32
namespace SortLine.OpcUa.Services;

/// <summary>Acknowledges one NotificationMessage of a subscription (it may then leave the retransmission queue).</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="SequenceNumber">The message's sequence number.</param>
internal readonly record struct SubscriptionAcknowledgement(uint SubscriptionId, uint SequenceNumber);

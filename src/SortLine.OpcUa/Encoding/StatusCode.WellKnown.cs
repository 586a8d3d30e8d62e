using System.Diagnostics.CodeAnalysis;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// The well-known status codes SortLine uses. Values are from the OPC Foundation's StatusCode.csv
/// (UA-Nodeset Schema); StatusCodeTests checks them against node-opcua 2.186.4.
/// </summary>
public readonly partial record struct StatusCode
{
    /// <summary>Good: The operation succeeded.</summary>
    public static readonly StatusCode Good = new(0x00000000);

    /// <summary>GoodSubscriptionTransferred: The subscription was transferred to another session.</summary>
    public static readonly StatusCode GoodSubscriptionTransferred = new(0x002D0000);

    /// <summary>GoodCompletesAsynchronously: The processing will complete asynchronously.</summary>
    public static readonly StatusCode GoodCompletesAsynchronously = new(0x002E0000);

    /// <summary>GoodClamped: The value written was accepted but was clamped.</summary>
    public static readonly StatusCode GoodClamped = new(0x00300000);

    /// <summary>GoodRetransmissionQueueNotSupported: The server does not support retransmission queue and acknowledgement of sequence numbers is not available.</summary>
    public static readonly StatusCode GoodRetransmissionQueueNotSupported = new(0x00DF0000);

    /// <summary>UncertainInitialValue: The value is an initial value for a variable that normally receives its value from another variable.</summary>
    public static readonly StatusCode UncertainInitialValue = new(0x40920000);

    /// <summary>BadUnexpectedError: An unexpected error occurred.</summary>
    public static readonly StatusCode BadUnexpectedError = new(0x80010000);

    /// <summary>BadInternalError: An internal error occurred as a result of a programming or configuration error.</summary>
    public static readonly StatusCode BadInternalError = new(0x80020000);

    /// <summary>BadCommunicationError: A low level communication error occurred.</summary>
    public static readonly StatusCode BadCommunicationError = new(0x80050000);

    /// <summary>BadEncodingError: Encoding halted because of invalid data in the objects being serialized.</summary>
    public static readonly StatusCode BadEncodingError = new(0x80060000);

    /// <summary>BadDecodingError: Decoding halted because of invalid data in the stream.</summary>
    public static readonly StatusCode BadDecodingError = new(0x80070000);

    /// <summary>BadEncodingLimitsExceeded: The message encoding/decoding limits imposed by the stack have been exceeded.</summary>
    public static readonly StatusCode BadEncodingLimitsExceeded = new(0x80080000);

    /// <summary>BadTimeout: The operation timed out.</summary>
    public static readonly StatusCode BadTimeout = new(0x800A0000);

    /// <summary>BadServiceUnsupported: The server does not support the requested service.</summary>
    public static readonly StatusCode BadServiceUnsupported = new(0x800B0000);

    /// <summary>BadNothingToDo: There was nothing to do because the client passed a list of operations with no elements.</summary>
    public static readonly StatusCode BadNothingToDo = new(0x800F0000);

    /// <summary>BadTooManyOperations: The request could not be processed because it specified too many operations.</summary>
    public static readonly StatusCode BadTooManyOperations = new(0x80100000);

    /// <summary>BadUserAccessDenied: User does not have permission to perform the requested operation.</summary>
    public static readonly StatusCode BadUserAccessDenied = new(0x801F0000);

    /// <summary>BadIdentityTokenInvalid: The user identity token is not valid.</summary>
    public static readonly StatusCode BadIdentityTokenInvalid = new(0x80200000);

    /// <summary>BadIdentityTokenRejected: The user identity token is valid but the server has rejected it.</summary>
    public static readonly StatusCode BadIdentityTokenRejected = new(0x80210000);

    /// <summary>BadSecureChannelIdInvalid: The specified secure channel is no longer valid.</summary>
    public static readonly StatusCode BadSecureChannelIdInvalid = new(0x80220000);

    /// <summary>BadSessionIdInvalid: The session id is not valid.</summary>
    public static readonly StatusCode BadSessionIdInvalid = new(0x80250000);

    /// <summary>BadSessionClosed: The session was closed by the client.</summary>
    public static readonly StatusCode BadSessionClosed = new(0x80260000);

    /// <summary>BadSessionNotActivated: The session cannot be used because ActivateSession has not been called.</summary>
    public static readonly StatusCode BadSessionNotActivated = new(0x80270000);

    /// <summary>BadSubscriptionIdInvalid: The subscription id is not valid.</summary>
    public static readonly StatusCode BadSubscriptionIdInvalid = new(0x80280000);

    /// <summary>BadNodeIdInvalid: The syntax of the node id is not valid.</summary>
    public static readonly StatusCode BadNodeIdInvalid = new(0x80330000);

    /// <summary>BadNodeIdUnknown: The node id refers to a node that does not exist in the server address space.</summary>
    public static readonly StatusCode BadNodeIdUnknown = new(0x80340000);

    /// <summary>BadAttributeIdInvalid: The attribute is not supported for the specified Node.</summary>
    public static readonly StatusCode BadAttributeIdInvalid = new(0x80350000);

    /// <summary>BadNotReadable: The access level does not allow reading or subscribing to the Node.</summary>
    public static readonly StatusCode BadNotReadable = new(0x803A0000);

    /// <summary>BadNotWritable: The access level does not allow writing to the Node.</summary>
    public static readonly StatusCode BadNotWritable = new(0x803B0000);

    /// <summary>BadOutOfRange: The value was out of range.</summary>
    public static readonly StatusCode BadOutOfRange = new(0x803C0000);

    /// <summary>BadMonitoredItemIdInvalid: The monitoring item id does not refer to a valid monitored item.</summary>
    public static readonly StatusCode BadMonitoredItemIdInvalid = new(0x80420000);

    /// <summary>BadTypeMismatch: The value supplied for the attribute is not of the same type as the attribute's value.</summary>
    public static readonly StatusCode BadTypeMismatch = new(0x80740000);

    /// <summary>BadMethodInvalid: The method id does not refer to a method for the specified object.</summary>
    public static readonly StatusCode BadMethodInvalid = new(0x80750000);

    /// <summary>BadArgumentsMissing: The client did not specify all of the input arguments for the method.</summary>
    public static readonly StatusCode BadArgumentsMissing = new(0x80760000);

    /// <summary>BadTooManyPublishRequests: The server has reached its maximum number of queued publish requests.</summary>
    public static readonly StatusCode BadTooManyPublishRequests = new(0x80780000);

    /// <summary>BadNoSubscription: There is no subscription available for this session.</summary>
    public static readonly StatusCode BadNoSubscription = new(0x80790000);

    /// <summary>BadSequenceNumberUnknown: The sequence number is unknown to the server.</summary>
    public static readonly StatusCode BadSequenceNumberUnknown = new(0x807A0000);

    /// <summary>BadMessageNotAvailable: The requested notification message is no longer available.</summary>
    public static readonly StatusCode BadMessageNotAvailable = new(0x807B0000);

    /// <summary>BadTcpMessageTypeInvalid: The type of the message specified in the header invalid.</summary>
    public static readonly StatusCode BadTcpMessageTypeInvalid = new(0x807E0000);

    /// <summary>BadTcpSecureChannelUnknown: The SecureChannelId and/or TokenId are not currently in use.</summary>
    public static readonly StatusCode BadTcpSecureChannelUnknown = new(0x807F0000);

    /// <summary>BadTcpMessageTooLarge: The size of the message chunk specified in the header is too large.</summary>
    public static readonly StatusCode BadTcpMessageTooLarge = new(0x80800000);

    /// <summary>BadTcpNotEnoughResources: There are not enough resources to process the request.</summary>
    public static readonly StatusCode BadTcpNotEnoughResources = new(0x80810000);

    /// <summary>BadTcpInternalError: An internal error occurred.</summary>
    public static readonly StatusCode BadTcpInternalError = new(0x80820000);

    /// <summary>BadTcpEndpointUrlInvalid: The server does not recognize the QueryString specified.</summary>
    public static readonly StatusCode BadTcpEndpointUrlInvalid = new(0x80830000);

    /// <summary>BadSequenceNumberInvalid: The sequence number is not valid.</summary>
    public static readonly StatusCode BadSequenceNumberInvalid = new(0x80880000);

    /// <summary>BadInvalidArgument: One or more arguments are invalid.</summary>
    public static readonly StatusCode BadInvalidArgument = new(0x80AB0000);

    /// <summary>BadRequestTooLarge: The request message size exceeds limits set by the server.</summary>
    public static readonly StatusCode BadRequestTooLarge = new(0x80B80000);

    /// <summary>BadResponseTooLarge: The response message size exceeds limits set by the client.</summary>
    public static readonly StatusCode BadResponseTooLarge = new(0x80B90000);

    /// <summary>BadProtocolVersionUnsupported: The applications do not have compatible protocol versions.</summary>
    public static readonly StatusCode BadProtocolVersionUnsupported = new(0x80BE0000);

    /// <summary>BadTooManySessions: The server has reached its maximum number of sessions.</summary>
    public static readonly StatusCode BadTooManySessions = new(0x80560000);

    /// <summary>BadNoContinuationPoints: The operation could not be processed because all continuation points have been allocated.</summary>
    public static readonly StatusCode BadNoContinuationPoints = new(0x804B0000);

    /// <summary>BadContinuationPointInvalid: The continuation point provide is longer valid.</summary>
    public static readonly StatusCode BadContinuationPointInvalid = new(0x804A0000);

    /// <summary>BadReferenceTypeIdInvalid: The reference type id does not refer to a valid reference type node.</summary>
    public static readonly StatusCode BadReferenceTypeIdInvalid = new(0x804C0000);

    /// <summary>BadBrowseDirectionInvalid: The browse direction is not valid.</summary>
    public static readonly StatusCode BadBrowseDirectionInvalid = new(0x804D0000);

    /// <summary>BadNoMatch: The requested operation has no match to return.</summary>
    public static readonly StatusCode BadNoMatch = new(0x806F0000);

    /// <summary>BadMaxAgeInvalid: The max age parameter is invalid.</summary>
    public static readonly StatusCode BadMaxAgeInvalid = new(0x80700000);

    /// <summary>BadTimestampsToReturnInvalid: The timestamps to return parameter is invalid.</summary>
    public static readonly StatusCode BadTimestampsToReturnInvalid = new(0x802B0000);

    /// <summary>BadSecureChannelClosed: The secure channel has been closed.</summary>
    public static readonly StatusCode BadSecureChannelClosed = new(0x80860000);

    /// <summary>BadSecureChannelTokenUnknown: The token has expired or is not recognized.</summary>
    public static readonly StatusCode BadSecureChannelTokenUnknown = new(0x80870000);

    /// <summary>BadIndexRangeInvalid: The syntax the index range parameter is invalid.</summary>
    public static readonly StatusCode BadIndexRangeInvalid = new(0x80360000);

    /// <summary>BadIndexRangeNoData: No data exists within the range of indexes specified.</summary>
    public static readonly StatusCode BadIndexRangeNoData = new(0x80370000);

    /// <summary>BadNotSupported: The requested operation is not supported.</summary>
    public static readonly StatusCode BadNotSupported = new(0x803D0000);

    /// <summary>BadNotFound: A requested item was not found or a search operation ended without success.</summary>
    public static readonly StatusCode BadNotFound = new(0x803E0000);

    /// <summary>BadSecurityPolicyRejected: The security policy does not meet the requirements set by the server.</summary>
    public static readonly StatusCode BadSecurityPolicyRejected = new(0x80550000);

    /// <summary>BadSecurityModeRejected: The security mode does not meet the requirements set by the server.</summary>
    public static readonly StatusCode BadSecurityModeRejected = new(0x80540000);

    /// <summary>BadRequestHeaderInvalid: The header for the request is missing or invalid.</summary>
    public static readonly StatusCode BadRequestHeaderInvalid = new(0x802A0000);

    /// <summary>BadWriteNotSupported: The server does not support writing the combination of value, status and timestamps provided.</summary>
    public static readonly StatusCode BadWriteNotSupported = new(0x80730000);

    /// <summary>BadNonceInvalid: The nonce does appear to be not a random value or it is not the correct length.</summary>
    public static readonly StatusCode BadNonceInvalid = new(0x80240000);

    /// <summary>BadSecurityChecksFailed: An error occurred verifying security.</summary>
    public static readonly StatusCode BadSecurityChecksFailed = new(0x80130000);

    /// <summary>BadTcpServerTooBusy: The server cannot process the request because it is too busy.</summary>
    public static readonly StatusCode BadTcpServerTooBusy = new(0x807D0000);

    /// <summary>BadBrowseNameInvalid: The browse name is invalid.</summary>
    public static readonly StatusCode BadBrowseNameInvalid = new(0x80600000);

    /// <summary>BadDataEncodingInvalid: The data encoding is invalid.</summary>
    public static readonly StatusCode BadDataEncodingInvalid = new(0x80380000);

    /// <summary>BadDataEncodingUnsupported: The server does not support the requested data encoding for the node.</summary>
    public static readonly StatusCode BadDataEncodingUnsupported = new(0x80390000);

    /// <summary>BadNodeClassInvalid: The node class is not valid.</summary>
    public static readonly StatusCode BadNodeClassInvalid = new(0x805F0000);

    /// <summary>BadServerHalted: The server has stopped and cannot process any requests.</summary>
    public static readonly StatusCode BadServerHalted = new(0x800E0000);

    /// <summary>BadShutdown: The operation was cancelled because the application is shutting down.</summary>
    public static readonly StatusCode BadShutdown = new(0x800C0000);

    /// <summary>BadViewIdUnknown: The view id does not refer to a valid view node.</summary>
    public static readonly StatusCode BadViewIdUnknown = new(0x806B0000);

    /// <summary>BadMonitoringModeInvalid: The monitoring mode is invalid.</summary>
    public static readonly StatusCode BadMonitoringModeInvalid = new(0x80410000);

    /// <summary>BadMonitoredItemFilterInvalid: The monitored item filter parameter is not valid.</summary>
    public static readonly StatusCode BadMonitoredItemFilterInvalid = new(0x80430000);

    /// <summary>BadMonitoredItemFilterUnsupported: The server does not support the requested monitored item filter.</summary>
    public static readonly StatusCode BadMonitoredItemFilterUnsupported = new(0x80440000);

    /// <summary>BadFilterNotAllowed: A monitoring filter cannot be used in combination with the attribute specified.</summary>
    public static readonly StatusCode BadFilterNotAllowed = new(0x80450000);

    /// <summary>BadDeadbandFilterInvalid: The deadband filter is not valid.</summary>
    public static readonly StatusCode BadDeadbandFilterInvalid = new(0x808E0000);

    /// <summary>BadTooManySubscriptions: The server has reached its maximum number of subscriptions.</summary>
    public static readonly StatusCode BadTooManySubscriptions = new(0x80770000);

    /// <summary>BadTooManyMonitoredItems: The request could not be processed because there are too many monitored items in the subscription.</summary>
    public static readonly StatusCode BadTooManyMonitoredItems = new(0x80DB0000);

    /// <summary>BadTooManyArguments: Too many arguments were provided.</summary>
    public static readonly StatusCode BadTooManyArguments = new(0x80E50000);

    /// <summary>BadNotExecutable: The executable attribute does not allow the execution of the method.</summary>
    public static readonly StatusCode BadNotExecutable = new(0x81110000);

    /// <summary>BadInvalidState: The operation cannot be completed because the object is closed, uninitialized or in some other invalid state.</summary>
    public static readonly StatusCode BadInvalidState = new(0x80AF0000);

    /// <summary>BadNotImplemented: Requested operation is not implemented.</summary>
    public static readonly StatusCode BadNotImplemented = new(0x80400000);

    private static readonly Dictionary<uint, string> Names = new()
    {
        [0x00000000] = nameof(Good),
        [0x002D0000] = nameof(GoodSubscriptionTransferred),
        [0x002E0000] = nameof(GoodCompletesAsynchronously),
        [0x00300000] = nameof(GoodClamped),
        [0x00DF0000] = nameof(GoodRetransmissionQueueNotSupported),
        [0x40920000] = nameof(UncertainInitialValue),
        [0x80010000] = nameof(BadUnexpectedError),
        [0x80020000] = nameof(BadInternalError),
        [0x80050000] = nameof(BadCommunicationError),
        [0x80060000] = nameof(BadEncodingError),
        [0x80070000] = nameof(BadDecodingError),
        [0x80080000] = nameof(BadEncodingLimitsExceeded),
        [0x800A0000] = nameof(BadTimeout),
        [0x800B0000] = nameof(BadServiceUnsupported),
        [0x800F0000] = nameof(BadNothingToDo),
        [0x80100000] = nameof(BadTooManyOperations),
        [0x801F0000] = nameof(BadUserAccessDenied),
        [0x80200000] = nameof(BadIdentityTokenInvalid),
        [0x80210000] = nameof(BadIdentityTokenRejected),
        [0x80220000] = nameof(BadSecureChannelIdInvalid),
        [0x80250000] = nameof(BadSessionIdInvalid),
        [0x80260000] = nameof(BadSessionClosed),
        [0x80270000] = nameof(BadSessionNotActivated),
        [0x80280000] = nameof(BadSubscriptionIdInvalid),
        [0x80330000] = nameof(BadNodeIdInvalid),
        [0x80340000] = nameof(BadNodeIdUnknown),
        [0x80350000] = nameof(BadAttributeIdInvalid),
        [0x803A0000] = nameof(BadNotReadable),
        [0x803B0000] = nameof(BadNotWritable),
        [0x803C0000] = nameof(BadOutOfRange),
        [0x80420000] = nameof(BadMonitoredItemIdInvalid),
        [0x80740000] = nameof(BadTypeMismatch),
        [0x80750000] = nameof(BadMethodInvalid),
        [0x80760000] = nameof(BadArgumentsMissing),
        [0x80780000] = nameof(BadTooManyPublishRequests),
        [0x80790000] = nameof(BadNoSubscription),
        [0x807A0000] = nameof(BadSequenceNumberUnknown),
        [0x807B0000] = nameof(BadMessageNotAvailable),
        [0x807E0000] = nameof(BadTcpMessageTypeInvalid),
        [0x807F0000] = nameof(BadTcpSecureChannelUnknown),
        [0x80800000] = nameof(BadTcpMessageTooLarge),
        [0x80810000] = nameof(BadTcpNotEnoughResources),
        [0x80820000] = nameof(BadTcpInternalError),
        [0x80830000] = nameof(BadTcpEndpointUrlInvalid),
        [0x80880000] = nameof(BadSequenceNumberInvalid),
        [0x80AB0000] = nameof(BadInvalidArgument),
        [0x80B80000] = nameof(BadRequestTooLarge),
        [0x80B90000] = nameof(BadResponseTooLarge),
        [0x80BE0000] = nameof(BadProtocolVersionUnsupported),
        [0x806B0000] = nameof(BadViewIdUnknown),
        [0x80560000] = nameof(BadTooManySessions),
        [0x804B0000] = nameof(BadNoContinuationPoints),
        [0x804A0000] = nameof(BadContinuationPointInvalid),
        [0x804C0000] = nameof(BadReferenceTypeIdInvalid),
        [0x804D0000] = nameof(BadBrowseDirectionInvalid),
        [0x806F0000] = nameof(BadNoMatch),
        [0x80700000] = nameof(BadMaxAgeInvalid),
        [0x802B0000] = nameof(BadTimestampsToReturnInvalid),
        [0x80860000] = nameof(BadSecureChannelClosed),
        [0x80870000] = nameof(BadSecureChannelTokenUnknown),
        [0x80360000] = nameof(BadIndexRangeInvalid),
        [0x80370000] = nameof(BadIndexRangeNoData),
        [0x803D0000] = nameof(BadNotSupported),
        [0x803E0000] = nameof(BadNotFound),
        [0x80550000] = nameof(BadSecurityPolicyRejected),
        [0x80540000] = nameof(BadSecurityModeRejected),
        [0x802A0000] = nameof(BadRequestHeaderInvalid),
        [0x80730000] = nameof(BadWriteNotSupported),
        [0x80240000] = nameof(BadNonceInvalid),
        [0x80130000] = nameof(BadSecurityChecksFailed),
        [0x807D0000] = nameof(BadTcpServerTooBusy),
        [0x80600000] = nameof(BadBrowseNameInvalid),
        [0x80380000] = nameof(BadDataEncodingInvalid),
        [0x80390000] = nameof(BadDataEncodingUnsupported),
        [0x805F0000] = nameof(BadNodeClassInvalid),
        [0x800E0000] = nameof(BadServerHalted),
        [0x800C0000] = nameof(BadShutdown),
        [0x80410000] = nameof(BadMonitoringModeInvalid),
        [0x80430000] = nameof(BadMonitoredItemFilterInvalid),
        [0x80440000] = nameof(BadMonitoredItemFilterUnsupported),
        [0x80450000] = nameof(BadFilterNotAllowed),
        [0x808E0000] = nameof(BadDeadbandFilterInvalid),
        [0x80770000] = nameof(BadTooManySubscriptions),
        [0x80DB0000] = nameof(BadTooManyMonitoredItems),
        [0x80E50000] = nameof(BadTooManyArguments),
        [0x81110000] = nameof(BadNotExecutable),
        [0x80AF0000] = nameof(BadInvalidState),
        [0x80400000] = nameof(BadNotImplemented),
    };

    /// <summary>Looks up the symbolic name of a well-known code (info bits ignored).</summary>
    public static bool TryGetName(StatusCode code, [NotNullWhen(true)] out string? name) =>
        Names.TryGetValue(code.Code & 0xFFFF_0000, out name);
}

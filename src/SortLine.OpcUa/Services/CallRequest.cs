// Wire layout (OPC 10000-4 §5.11.2) after the encoding NodeId 712:
//
//   RequestHeader  RequestHeader
//   MethodsToCall  CallMethodRequest[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Call request.</summary>
internal sealed record CallRequest : IServiceRequest
{
    /// <summary>Binary encoding id (CallRequest_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 712;

    /// <inheritdoc/>
    public required RequestHeader RequestHeader { get; init; }

    /// <summary>The calls.</summary>
    public CallMethodRequest[]? MethodsToCall { get; init; }

    /// <summary>Decodes the fields after the encoding id.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CallRequest Decode(ref UaBinaryReader reader) => new()
    {
        RequestHeader = RequestHeader.Decode(ref reader),
        MethodsToCall = reader.ReadArray(static (ref UaBinaryReader r) => CallMethodRequest.Decode(ref r), 6),
    };
}

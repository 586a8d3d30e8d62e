// Wire layout (OPC 10000-4 §5.11.2.2):
//
//   ObjectId  NodeId
//   MethodId  NodeId
//   InputArguments  Variant[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>CallMethodRequest.</summary>
internal sealed record CallMethodRequest
{
    /// <summary>The object the method is called on.</summary>
    public NodeId ObjectId { get; init; }

    /// <summary>The method.</summary>
    public NodeId MethodId { get; init; }

    /// <summary>The input values.</summary>
    public Variant[]? InputArguments { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static CallMethodRequest Decode(ref UaBinaryReader reader) => new()
    {
        ObjectId = reader.ReadNodeId(),
        MethodId = reader.ReadNodeId(),
        InputArguments = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadVariant(), 1),
    };
}

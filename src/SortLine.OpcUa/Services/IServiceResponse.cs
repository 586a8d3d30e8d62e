using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>A service response; the dispatcher writes the encoding id and the ResponseHeader, the response its own fields.</summary>
internal interface IServiceResponse
{
    /// <summary>The response's binary encoding id.</summary>
    uint BinaryEncodingId { get; }

    /// <summary>Encodes the fields after the ResponseHeader.</summary>
    void EncodeBody(ref UaBinaryWriter writer);
}

using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>Decodes one request type (the fields after the encoding NodeId).</summary>
internal delegate T RequestDecoder<out T>(ref UaBinaryReader reader);

namespace SortLine.OpcUa.Encoding;

/// <summary>Reads one array element; used with <see cref="UaBinaryReader.ReadArray{T}"/> (pass a static lambda).</summary>
internal delegate T UaElementDecoder<T>(ref UaBinaryReader reader);

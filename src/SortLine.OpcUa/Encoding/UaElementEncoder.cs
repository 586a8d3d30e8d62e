namespace SortLine.OpcUa.Encoding;

/// <summary>Writes one array element; used with <c>UaBinaryWriter.WriteArray</c> (pass a static lambda).</summary>
internal delegate void UaElementEncoder<T>(ref UaBinaryWriter writer, T value);

namespace SortLine.OpcUa.Encoding;

/// <summary>A name qualified by a namespace index (OPC 10000-6 §5.2.2.13): UInt16 index then String; no mask.</summary>
/// <param name="NamespaceIndex">Index into the server's NamespaceArray.</param>
/// <param name="Name">The name; null and empty are distinct on the wire.</param>
public readonly record struct QualifiedName(ushort NamespaceIndex, string? Name)
{
    /// <inheritdoc/>
    public override string ToString() => NamespaceIndex == 0 ? Name ?? string.Empty : NamespaceIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + Name;
}

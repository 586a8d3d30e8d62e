namespace SortLine.OpcUa.Encoding;

/// <summary>
/// An XML fragment (built-in type 16, OPC 10000-6 §5.2.2.8), kept as text; encoded as a UTF-8 String.
/// A distinct type so a Variant can tell it apart from a String.
/// </summary>
/// <param name="Value">The XML text, or null.</param>
public readonly record struct XmlElement(string? Value)
{
    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}

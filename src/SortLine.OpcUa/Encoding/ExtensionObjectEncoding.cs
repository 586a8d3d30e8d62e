namespace SortLine.OpcUa.Encoding;

/// <summary>The ExtensionObject encoding byte (OPC 10000-6 §5.2.2.15, Table 14).</summary>
public enum ExtensionObjectEncoding : byte
{
    /// <summary>No body follows.</summary>
    None = 0,

    /// <summary>The body is a ByteString holding the UA Binary encoding of the structure.</summary>
    Binary = 1,

    /// <summary>The body is an XmlElement.</summary>
    Xml = 2,
}

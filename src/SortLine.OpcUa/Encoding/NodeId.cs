using System.Globalization;
using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// An OPC UA NodeId (OPC 10000-3 §8.2, encoding OPC 10000-6 §5.2.2.9): a namespace index plus a numeric,
/// string, Guid or opaque identifier. <c>default</c> is the null NodeId (ns=0;i=0).
/// </summary>
/// <remarks>
/// The opaque identifier array is shared, not copied: callers must not mutate it after construction.
/// String identifiers compare ordinally (OPC UA identifiers are case-sensitive).
/// </remarks>
public readonly struct NodeId : IEquatable<NodeId>
{
    private readonly uint _numeric;
    private readonly Guid _guid;
    private readonly object? _reference; // string or byte[]

    private NodeId(ushort namespaceIndex, NodeIdType idType, uint numeric, Guid guid, object? reference)
    {
        NamespaceIndex = namespaceIndex;
        IdType = idType;
        _numeric = numeric;
        _guid = guid;
        _reference = reference;
    }

    /// <summary>Creates a numeric NodeId.</summary>
    public NodeId(uint identifier, ushort namespaceIndex = 0)
        : this(namespaceIndex, NodeIdType.Numeric, identifier, Guid.Empty, null)
    {
    }

    /// <summary>The null NodeId (ns=0;i=0).</summary>
    public static NodeId Null => default;

    /// <summary>The namespace index.</summary>
    public ushort NamespaceIndex { get; }

    /// <summary>Which identifier the NodeId carries.</summary>
    public NodeIdType IdType { get; }

    /// <summary>The numeric identifier (0 unless <see cref="IdType"/> is Numeric).</summary>
    public uint NumericIdentifier => _numeric;

    /// <summary>The string identifier (null unless <see cref="IdType"/> is String; may be null on the wire too).</summary>
    public string? StringIdentifier => IdType == NodeIdType.String ? (string?)_reference : null;

    /// <summary>The Guid identifier (empty unless <see cref="IdType"/> is Guid).</summary>
    public Guid GuidIdentifier => _guid;

    /// <summary>The opaque identifier (null unless <see cref="IdType"/> is Opaque; may be null on the wire too).</summary>
    public ReadOnlyMemory<byte> OpaqueIdentifier => IdType == NodeIdType.Opaque ? (byte[]?)_reference : null;

    /// <summary>True when the opaque or string identifier was null (length -1) rather than empty.</summary>
    public bool HasNullIdentifierReference => IdType is NodeIdType.String or NodeIdType.Opaque && _reference is null;

    /// <summary>True for the null NodeId of any identifier type (OPC 10000-3 §8.2.4: ns 0 and a null/zero/empty identifier).</summary>
    public bool IsNull => NamespaceIndex == 0 && IdType switch
    {
        NodeIdType.Numeric => _numeric == 0,
        NodeIdType.String => string.IsNullOrEmpty((string?)_reference),
        NodeIdType.Guid => _guid == Guid.Empty,
        _ => _reference is not byte[] { Length: > 0 },
    };

    /// <summary>Creates a string NodeId.</summary>
    public static NodeId FromString(ushort namespaceIndex, string? identifier) =>
        new(namespaceIndex, NodeIdType.String, 0, Guid.Empty, identifier);

    /// <summary>Creates a Guid NodeId.</summary>
    public static NodeId FromGuid(ushort namespaceIndex, Guid identifier) =>
        new(namespaceIndex, NodeIdType.Guid, 0, identifier, null);

    /// <summary>Creates an opaque (ByteString) NodeId. The array is not copied.</summary>
    public static NodeId FromOpaque(ushort namespaceIndex, byte[]? identifier) =>
        new(namespaceIndex, NodeIdType.Opaque, 0, Guid.Empty, identifier);

    /// <summary>Equality.</summary>
    public static bool operator ==(NodeId left, NodeId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(NodeId left, NodeId right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(NodeId other)
    {
        if (NamespaceIndex != other.NamespaceIndex || IdType != other.IdType)
        {
            return false;
        }

        return IdType switch
        {
            NodeIdType.Numeric => _numeric == other._numeric,
            NodeIdType.String => string.Equals((string?)_reference, (string?)other._reference, StringComparison.Ordinal),
            NodeIdType.Guid => _guid == other._guid,
            _ => ValueEquality.BytesEqual((byte[]?)_reference, (byte[]?)other._reference),
        };
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NodeId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int identifierHash = IdType switch
        {
            NodeIdType.Numeric => (int)_numeric,
            NodeIdType.String => ((string?)_reference)?.GetHashCode(StringComparison.Ordinal) ?? 0,
            NodeIdType.Guid => _guid.GetHashCode(),
            _ => _reference is byte[] bytes ? HashBytes(bytes) : 0,
        };
        return HashCode.Combine(NamespaceIndex, IdType, identifierHash);
    }

    /// <summary>The standard text form: <c>ns=2;s=Line1</c>, <c>i=85</c>, <c>g=...</c>, <c>b=base64</c>.</summary>
    public override string ToString()
    {
        string prefix = NamespaceIndex == 0 ? string.Empty : "ns=" + NamespaceIndex.ToString(CultureInfo.InvariantCulture) + ";";
        return IdType switch
        {
            NodeIdType.Numeric => prefix + "i=" + _numeric.ToString(CultureInfo.InvariantCulture),
            NodeIdType.String => prefix + "s=" + (string?)_reference,
            NodeIdType.Guid => prefix + "g=" + _guid.ToString("D", CultureInfo.InvariantCulture),
            _ => prefix + "b=" + (_reference is byte[] bytes ? Convert.ToBase64String(bytes) : string.Empty),
        };
    }

    /// <summary>The raw reference for the codec (string or byte[]).</summary>
    internal object? Reference => _reference;

    private static int HashBytes(byte[] bytes)
    {
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}

using SortLine.OpcUa.Internal;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// A structure carried as its encoding NodeId plus an undecoded body (OPC 10000-6 §5.2.2.15). The TypeId is
/// the <c>&lt;Type&gt;_Encoding_DefaultBinary</c> node, not the DataType node. Decoding of known body types
/// is layered on top (the codec keeps the bytes so unknown types can be skipped and passed on).
/// <c>default</c> is the null ExtensionObject (null TypeId, no body).
/// </summary>
/// <remarks>The body array is shared, not copied: callers must not mutate it after construction.</remarks>
public readonly struct ExtensionObject : IEquatable<ExtensionObject>
{
    /// <summary>Creates an ExtensionObject.</summary>
    /// <param name="typeId">The encoding NodeId of the body.</param>
    /// <param name="encoding">How the body is encoded.</param>
    /// <param name="body">The body bytes (UA Binary, or UTF-8 XML); must be null when <paramref name="encoding"/> is None.</param>
    /// <exception cref="ArgumentException">A body was given with <see cref="ExtensionObjectEncoding.None"/>, or the encoding is undefined.</exception>
    public ExtensionObject(NodeId typeId, ExtensionObjectEncoding encoding, byte[]? body)
    {
        if (encoding > ExtensionObjectEncoding.Xml)
        {
            ThrowHelper.ThrowArgument("Undefined ExtensionObject encoding " + ((byte)encoding).ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(encoding));
        }

        if (encoding == ExtensionObjectEncoding.None && body is not null)
        {
            ThrowHelper.ThrowArgument("An ExtensionObject without encoding cannot carry a body", nameof(body));
        }

        TypeId = typeId;
        Encoding = encoding;
        Body = body;
    }

    /// <summary>The encoding NodeId of the body.</summary>
    public NodeId TypeId { get; }

    /// <summary>How the body is encoded.</summary>
    public ExtensionObjectEncoding Encoding { get; }

    /// <summary>The body bytes; null when there is no body (or a body of length -1 was received).</summary>
    public byte[]? Body { get; }

    /// <summary>True for the null ExtensionObject (null TypeId and no body).</summary>
    public bool IsNull => TypeId.IsNull && Encoding == ExtensionObjectEncoding.None;

    /// <summary>Creates a binary-encoded ExtensionObject.</summary>
    public static ExtensionObject FromBinary(NodeId typeId, byte[] body) => new(typeId, ExtensionObjectEncoding.Binary, body);

    /// <summary>Equality.</summary>
    public static bool operator ==(ExtensionObject left, ExtensionObject right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ExtensionObject left, ExtensionObject right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ExtensionObject other) =>
        TypeId == other.TypeId && Encoding == other.Encoding && ValueEquality.BytesEqual(Body, other.Body);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ExtensionObject other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(TypeId, Encoding, Body?.Length ?? -1);

    /// <inheritdoc/>
    public override string ToString() =>
        "ExtensionObject(" + TypeId.ToString() + ", " + Encoding.ToString() + ", " +
        (Body is null ? "null" : Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes") + ")";
}

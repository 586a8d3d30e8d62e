// Wire layout (OPC 10000-4 §7.31):
//
//   ReferenceTypeId  NodeId
//   IsInverse  Boolean
//   IncludeSubtypes  Boolean
//   TargetName  QualifiedName
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>RelativePathElement (OPC 10000-4 §7.31).</summary>
internal sealed record RelativePathElement
{
    /// <summary>Reference type to follow.</summary>
    public NodeId ReferenceTypeId { get; init; }

    /// <summary>Follow inverse references.</summary>
    public bool IsInverse { get; init; }

    /// <summary>Include subtypes.</summary>
    public bool IncludeSubtypes { get; init; }

    /// <summary>Browse name of the target.</summary>
    public QualifiedName TargetName { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static RelativePathElement Decode(ref UaBinaryReader reader)
    {
        return new RelativePathElement
        {
            ReferenceTypeId = reader.ReadNodeId(),
            IsInverse = reader.ReadBoolean(),
            IncludeSubtypes = reader.ReadBoolean(),
            TargetName = reader.ReadQualifiedName(),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteNodeId(ReferenceTypeId);
        writer.WriteBoolean(IsInverse);
        writer.WriteBoolean(IncludeSubtypes);
        writer.WriteQualifiedName(TargetName);
    }
}

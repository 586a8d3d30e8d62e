using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Questions about the type tree answered by following inverse HasSubtype references.</summary>
internal static class TypeHierarchy
{
    private const int MaxDepth = 64; // guards against a HasSubtype cycle in host-built types

    /// <summary>True when <paramref name="type"/> is <paramref name="superType"/> or one of its subtypes.</summary>
    public static bool IsSubtypeOrSelf(INodeStore store, NodeId type, NodeId superType)
    {
        NodeId current = type;
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (current == superType)
            {
                return true;
            }

            if (!TryGetSuperType(store, current, out current))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The supertype (the source of the inverse HasSubtype reference), if any.</summary>
    public static bool TryGetSuperType(INodeStore store, NodeId type, out NodeId superType)
    {
        if (store.TryGetNode(type, out Node? node))
        {
            foreach (NodeReference reference in node.References)
            {
                if (reference.IsInverse && reference.ReferenceTypeId == ReferenceTypeIds.HasSubtype)
                {
                    superType = reference.TargetId;
                    return true;
                }
            }
        }

        superType = NodeId.Null;
        return false;
    }

    /// <summary>
    /// The built-in type a value of <paramref name="dataType"/> is encoded as: the first namespace-0 built-in id
    /// (1-25) up the HasSubtype chain, Int32 for enumerations, ExtensionObject for structures, and
    /// <see cref="BuiltInType.Variant"/> ("any") for BaseDataType, Number, Integer, UInteger or an unknown chain.
    /// </summary>
    public static BuiltInType GetBuiltInType(INodeStore store, NodeId dataType)
    {
        NodeId current = dataType;
        for (int depth = 0; depth < MaxDepth; depth++)
        {
            if (current.NamespaceIndex == 0 && current.IdType == NodeIdType.Numeric)
            {
                uint id = current.NumericIdentifier;
                if (id == 29)
                {
                    return BuiltInType.Int32; // Enumeration
                }

                if (id is >= 1 and <= 25 && id != 24)
                {
                    return (BuiltInType)id;
                }

                if (id is 24 or 26 or 27 or 28)
                {
                    return BuiltInType.Variant;
                }
            }

            if (!TryGetSuperType(store, current, out current))
            {
                break;
            }
        }

        return BuiltInType.Variant;
    }
}

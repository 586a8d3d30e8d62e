namespace SortLine.OpcUa.AddressSpace;

/// <summary>The class of a node (OPC 10000-3 §8.29); the values are the wire values of the NodeClass attribute (a bit mask in Browse filters).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are the OPC UA node class names (OPC 10000-3 §8.29).")]
public enum NodeClass
{
    /// <summary>No class (only used as "any" in filters).</summary>
    Unspecified = 0,

    /// <summary>An object.</summary>
    Object = 1,

    /// <summary>A variable.</summary>
    Variable = 2,

    /// <summary>A method.</summary>
    Method = 4,

    /// <summary>An object type.</summary>
    ObjectType = 8,

    /// <summary>A variable type.</summary>
    VariableType = 16,

    /// <summary>A reference type.</summary>
    ReferenceType = 32,

    /// <summary>A data type.</summary>
    DataType = 64,

    /// <summary>A view.</summary>
    View = 128,
}

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// The namespace 0 subset SortLine serves (opcua.md §6): the standard folders, the reference type tree, the type
/// nodes referenced by instances, the built-in and derived data types with their HasSubtype chains, and the Server
/// object with ServerStatus, NamespaceArray, ServerArray, ServerCapabilities and OperationLimits. The node table is
/// generated from the OPC Foundation nodeset (<c>Namespace0.Nodes.cs</c>); values are bound by the server.
/// </summary>
internal static partial class Namespace0
{
    /// <summary>Adds the namespace 0 nodes to an empty store.</summary>
    public static void AddTo(INodeStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = new Namespace0Builder(store);
        AddGeneratedNodes(builder);
        builder.Complete();

        // The ModellingRules folder holds the modelling rules the server supports (OPC 10000-5 §6.3.2); the nodeset
        // leaves it empty, which would leave Mandatory and Optional unreachable by browsing.
        store.AddReference(new Encoding.NodeId(2996), ReferenceTypeIds.Organizes, ObjectIds.ModellingRuleMandatory);
        store.AddReference(new Encoding.NodeId(2996), ReferenceTypeIds.Organizes, ObjectIds.ModellingRuleOptional);
    }
}

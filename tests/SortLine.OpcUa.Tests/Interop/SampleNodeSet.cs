using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Server;

namespace SortLine.OpcUa.Tests.Interop;

/// <summary>A small sorter-like namespace for end-to-end tests.</summary>
internal static class SampleNodeSet
{
    public const string NamespaceUri = "urn:sortline";

    public const double MaxBeltSpeed = 5.0;

    public static void AddTo(OpcUaServer server)
    {
        AddressSpaceBuilder builder = server.AddressSpace;
        ushort ns = builder.RegisterNamespace(NamespaceUri);
        ObjectNode line = builder.AddFolder(ObjectIds.ObjectsFolder, NodeId.FromString(ns, "Line1"), "Line1");
        VariableNode speed = builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.BeltSpeed"), "BeltSpeed", DataTypeIds.Double, new Variant(1.0),
            accessLevel: AccessLevels.CurrentReadOrWrite, description: "Belt speed in m/s");
        speed.WriteValidator = static (_, value) => value.Value is double v && v is >= 0 and <= MaxBeltSpeed ? StatusCode.Good : StatusCode.BadOutOfRange;
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.Throughput"), "Throughput", DataTypeIds.Double, new Variant(12.5));
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.Mode"), "Mode", DataTypeIds.String, new Variant("Auto"), accessLevel: AccessLevels.CurrentReadOrWrite);
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.Enabled"), "Enabled", DataTypeIds.Boolean, new Variant(true), accessLevel: AccessLevels.CurrentReadOrWrite);
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.EjectedCount"), "EjectedCount", DataTypeIds.UInt32, new Variant(42u));
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.Interval"), "Interval", DataTypeIds.Duration, new Variant(250.0), accessLevel: AccessLevels.CurrentReadOrWrite);
        builder.AddVariable(line.NodeId, NodeId.FromString(ns, "Line1.Spectrum"), "Spectrum", DataTypeIds.Float, Variant.FromArray(new float[] { 0.1f, 0.2f, 0.3f }), ValueRanks.OneDimension);
    }
}

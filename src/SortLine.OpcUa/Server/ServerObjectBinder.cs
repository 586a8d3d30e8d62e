using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Server;

/// <summary>
/// Gives the namespace 0 Server object its values: NamespaceArray (live), ServerArray, ServerStatus and its children
/// (CurrentTime and State are live), BuildInfo, ServerCapabilities and OperationLimits with the limits the services
/// enforce.
/// </summary>
internal sealed class ServerObjectBinder(INodeStore store, OpcUaServerOptions options, TimeProvider time)
{
    /// <summary>Micro Embedded Device 2017 Server profile URI.</summary>
    public const string MicroEmbeddedDeviceProfile = "http://opcfoundation.org/UA-Profile/Server/MicroEmbeddedDevice2017";

    private const int ServerStateRunning = 0;
    private const int ServerStateShutdown = 4;

    private static readonly string[] Profiles = [MicroEmbeddedDeviceProfile];
    private static readonly string[] Locales = ["en"];

    private readonly DateTime _startTime = time.GetUtcNow().UtcDateTime;
    private readonly DateTime _buildDate = File.GetLastWriteTimeUtc(typeof(ServerObjectBinder).Assembly.Location);
    private volatile int _state = ServerStateRunning;

    /// <summary>Marks the server as shutting down (State = Shutdown).</summary>
    public void MarkShutdown() => _state = ServerStateShutdown;

    /// <summary>Binds every value.</summary>
    public void Bind()
    {
        Source(VariableIds.NamespaceArray, () => Variant.FromArray(store.NamespaceUris.ToArray()));
        Set(VariableIds.ServerArray, Variant.FromArray(new[] { options.ApplicationUri }));
        Source(VariableIds.ServerStatus, () => new Variant(ExtensionObject.FromBinary(ObjectIds.ServerStatusDataTypeEncodingDefaultBinary, EncodeServerStatus())));
        Set(VariableIds.ServerStatusStartTime, new Variant(_startTime));
        Source(VariableIds.ServerStatusCurrentTime, () => new Variant(time.GetUtcNow().UtcDateTime));
        Source(VariableIds.ServerStatusState, () => new Variant(_state));
        Set(VariableIds.ServerStatusBuildInfo, new Variant(ExtensionObject.FromBinary(ObjectIds.BuildInfoEncodingDefaultBinary, Encode(WriteBuildInfo))));
        Set(VariableIds.BuildInfoProductUri, new Variant(options.ProductUri));
        Set(VariableIds.BuildInfoManufacturerName, new Variant(options.ManufacturerName));
        Set(VariableIds.BuildInfoProductName, new Variant(options.ApplicationName));
        Set(VariableIds.BuildInfoSoftwareVersion, new Variant(options.SoftwareVersion));
        Set(VariableIds.BuildInfoBuildNumber, new Variant(options.BuildNumber));
        Set(VariableIds.BuildInfoBuildDate, new Variant(_buildDate));
        Set(VariableIds.ServerStatusSecondsTillShutdown, new Variant(0u));
        Set(VariableIds.ServerStatusShutdownReason, new Variant(default(LocalizedText)));
        Set(VariableIds.ServiceLevel, new Variant((byte)255));
        Set(VariableIds.Auditing, new Variant(false));
        Set(VariableIds.ServerDiagnosticsEnabledFlag, new Variant(false));
        Set(VariableIds.RedundancySupport, new Variant(0));
        Set(VariableIds.ServerProfileArray, Variant.FromArray(Profiles));
        Set(VariableIds.LocaleIdArray, Variant.FromArray(Locales));
        Set(VariableIds.MinSupportedSampleRate, new Variant(0.0));
        Set(VariableIds.MaxBrowseContinuationPoints, new Variant((ushort)options.MaxBrowseContinuationPoints));
        Set(VariableIds.MaxQueryContinuationPoints, new Variant((ushort)0));
        Set(VariableIds.MaxHistoryContinuationPoints, new Variant((ushort)0));
        Set(VariableIds.SoftwareCertificates, Variant.FromArray(Array.Empty<ExtensionObject>()));
        Set(VariableIds.MaxArrayLength, new Variant((uint)options.MaxArrayLength));
        Set(VariableIds.MaxStringLength, new Variant((uint)options.MaxStringLength));
        Set(VariableIds.MaxByteStringLength, new Variant((uint)options.MaxStringLength));
        Set(VariableIds.MaxNodesPerRead, new Variant((uint)options.MaxNodesPerRead));
        Set(VariableIds.MaxNodesPerWrite, new Variant((uint)options.MaxNodesPerWrite));
        Set(VariableIds.MaxNodesPerBrowse, new Variant((uint)options.MaxNodesPerBrowse));
        Set(VariableIds.MaxNodesPerTranslateBrowsePathsToNodeIds, new Variant((uint)options.MaxNodesPerTranslateBrowsePathsToNodeIds));

        Set(VariableIds.MaxNodesPerMethodCall, new Variant((uint)options.MaxNodesPerMethodCall));
        Set(VariableIds.MaxMonitoredItemsPerCall, new Variant((uint)options.MaxMonitoredItemsPerCall));
        Set(VariableIds.MaxSessions, new Variant((uint)options.MaxSessions));
        Set(VariableIds.MaxSubscriptions, new Variant((uint)options.MaxSubscriptions));
        Set(VariableIds.MaxMonitoredItems, new Variant((uint)options.MaxMonitoredItems));
        Set(VariableIds.MaxSubscriptionsPerSession, new Variant((uint)options.MaxSubscriptionsPerSession));
        Set(VariableIds.MaxMonitoredItemsPerSubscription, new Variant((uint)options.MaxMonitoredItemsPerSubscription));
        Set(VariableIds.MaxMonitoredItemsQueueSize, new Variant((uint)options.MaxMonitoredItemQueueSize));

        // Services SortLine does not offer (RegisterNodes, NodeManagement): 0, and the services answer Bad_ServiceUnsupported.
        Set(VariableIds.MaxNodesPerRegisterNodes, new Variant(0u));
        Set(VariableIds.MaxNodesPerNodeManagement, new Variant(0u));
    }

    private byte[] EncodeServerStatus() => Encode((ref UaBinaryWriter writer) =>
    {
        writer.WriteDateTime(_startTime);
        writer.WriteDateTime(time.GetUtcNow().UtcDateTime);
        writer.WriteInt32(_state);
        WriteBuildInfo(ref writer);
        writer.WriteUInt32(0);
        writer.WriteLocalizedText(default);
    });

    // BuildInfo fields in Opc.Ua.NodeSet2 order: ProductUri, ManufacturerName, ProductName, SoftwareVersion, BuildNumber, BuildDate.
    private void WriteBuildInfo(ref UaBinaryWriter writer)
    {
        writer.WriteString(options.ProductUri);
        writer.WriteString(options.ManufacturerName);
        writer.WriteString(options.ApplicationName);
        writer.WriteString(options.SoftwareVersion);
        writer.WriteString(options.BuildNumber);
        writer.WriteDateTime(_buildDate);
    }

    private static byte[] Encode(BodyWriter write)
    {
        using var buffer = new PooledByteBuffer(256, 1 << 16);
        var writer = new UaBinaryWriter(buffer);
        write(ref writer);
        writer.Commit();
        return buffer.WrittenSpan.ToArray();
    }

    private VariableNode Variable(NodeId id) =>
        store.TryGetNode(id, out Node? node) && node is VariableNode variable ? variable : throw new InvalidOperationException("Namespace 0 lacks " + id.ToString());

    private void Set(NodeId id, Variant value) => Variable(id).SetValue(value, sourceTimestamp: _startTime);

    private void Source(NodeId id, Func<Variant> value)
    {
        DateTime start = _startTime;
        Variable(id).ValueSource = () => new DataValue { Value = value(), SourceTimestamp = id == VariableIds.ServerStatusCurrentTime ? time.GetUtcNow().UtcDateTime : start };
    }

    private delegate void BodyWriter(ref UaBinaryWriter writer);
}

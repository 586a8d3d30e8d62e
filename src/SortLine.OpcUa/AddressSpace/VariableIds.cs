using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>Namespace 0 variable NodeIds used by SortLine (numeric ids from the OPC Foundation NodeIds.csv, checked against node-opcua-constants 2.186.4).</summary>
public static class VariableIds
{
    /// <summary>ServerArray (i=2254).</summary>
    public static readonly NodeId ServerArray = new(2254);

    /// <summary>NamespaceArray (i=2255).</summary>
    public static readonly NodeId NamespaceArray = new(2255);

    /// <summary>ServerStatus (i=2256).</summary>
    public static readonly NodeId ServerStatus = new(2256);

    /// <summary>ServerStatusStartTime (i=2257).</summary>
    public static readonly NodeId ServerStatusStartTime = new(2257);

    /// <summary>ServerStatusCurrentTime (i=2258).</summary>
    public static readonly NodeId ServerStatusCurrentTime = new(2258);

    /// <summary>ServerStatusState (i=2259).</summary>
    public static readonly NodeId ServerStatusState = new(2259);

    /// <summary>ServerStatusBuildInfo (i=2260).</summary>
    public static readonly NodeId ServerStatusBuildInfo = new(2260);

    /// <summary>BuildInfoProductName (i=2261).</summary>
    public static readonly NodeId BuildInfoProductName = new(2261);

    /// <summary>BuildInfoProductUri (i=2262).</summary>
    public static readonly NodeId BuildInfoProductUri = new(2262);

    /// <summary>BuildInfoManufacturerName (i=2263).</summary>
    public static readonly NodeId BuildInfoManufacturerName = new(2263);

    /// <summary>BuildInfoSoftwareVersion (i=2264).</summary>
    public static readonly NodeId BuildInfoSoftwareVersion = new(2264);

    /// <summary>BuildInfoBuildNumber (i=2265).</summary>
    public static readonly NodeId BuildInfoBuildNumber = new(2265);

    /// <summary>BuildInfoBuildDate (i=2266).</summary>
    public static readonly NodeId BuildInfoBuildDate = new(2266);

    /// <summary>ServerStatusSecondsTillShutdown (i=2992).</summary>
    public static readonly NodeId ServerStatusSecondsTillShutdown = new(2992);

    /// <summary>ServerStatusShutdownReason (i=2993).</summary>
    public static readonly NodeId ServerStatusShutdownReason = new(2993);

    /// <summary>ServiceLevel (i=2267).</summary>
    public static readonly NodeId ServiceLevel = new(2267);

    /// <summary>Auditing (i=2994).</summary>
    public static readonly NodeId Auditing = new(2994);

    /// <summary>ServerDiagnosticsEnabledFlag (i=2294).</summary>
    public static readonly NodeId ServerDiagnosticsEnabledFlag = new(2294);

    /// <summary>RedundancySupport (i=3709).</summary>
    public static readonly NodeId RedundancySupport = new(3709);

    /// <summary>ServerProfileArray (i=2269).</summary>
    public static readonly NodeId ServerProfileArray = new(2269);

    /// <summary>LocaleIdArray (i=2271).</summary>
    public static readonly NodeId LocaleIdArray = new(2271);

    /// <summary>MinSupportedSampleRate (i=2272).</summary>
    public static readonly NodeId MinSupportedSampleRate = new(2272);

    /// <summary>MaxBrowseContinuationPoints (i=2735).</summary>
    public static readonly NodeId MaxBrowseContinuationPoints = new(2735);

    /// <summary>MaxQueryContinuationPoints (i=2736).</summary>
    public static readonly NodeId MaxQueryContinuationPoints = new(2736);

    /// <summary>MaxHistoryContinuationPoints (i=2737).</summary>
    public static readonly NodeId MaxHistoryContinuationPoints = new(2737);

    /// <summary>SoftwareCertificates (i=3704).</summary>
    public static readonly NodeId SoftwareCertificates = new(3704);

    /// <summary>MaxArrayLength (i=11702).</summary>
    public static readonly NodeId MaxArrayLength = new(11702);

    /// <summary>MaxStringLength (i=11703).</summary>
    public static readonly NodeId MaxStringLength = new(11703);

    /// <summary>MaxByteStringLength (i=12911).</summary>
    public static readonly NodeId MaxByteStringLength = new(12911);

    /// <summary>MaxNodesPerRead (i=11705).</summary>
    public static readonly NodeId MaxNodesPerRead = new(11705);

    /// <summary>MaxNodesPerWrite (i=11707).</summary>
    public static readonly NodeId MaxNodesPerWrite = new(11707);

    /// <summary>MaxNodesPerMethodCall (i=11709).</summary>
    public static readonly NodeId MaxNodesPerMethodCall = new(11709);

    /// <summary>MaxNodesPerBrowse (i=11710).</summary>
    public static readonly NodeId MaxNodesPerBrowse = new(11710);

    /// <summary>MaxNodesPerRegisterNodes (i=11711).</summary>
    public static readonly NodeId MaxNodesPerRegisterNodes = new(11711);

    /// <summary>MaxNodesPerTranslateBrowsePathsToNodeIds (i=11712).</summary>
    public static readonly NodeId MaxNodesPerTranslateBrowsePathsToNodeIds = new(11712);

    /// <summary>MaxNodesPerNodeManagement (i=11713).</summary>
    public static readonly NodeId MaxNodesPerNodeManagement = new(11713);

    /// <summary>MaxMonitoredItemsPerCall (i=11714).</summary>
    public static readonly NodeId MaxMonitoredItemsPerCall = new(11714);

    /// <summary>MaxSessions (i=24095).</summary>
    public static readonly NodeId MaxSessions = new(24095);

    /// <summary>MaxSubscriptions (i=24096).</summary>
    public static readonly NodeId MaxSubscriptions = new(24096);

    /// <summary>MaxMonitoredItems (i=24097).</summary>
    public static readonly NodeId MaxMonitoredItems = new(24097);

    /// <summary>MaxSubscriptionsPerSession (i=24098).</summary>
    public static readonly NodeId MaxSubscriptionsPerSession = new(24098);

    /// <summary>MaxMonitoredItemsPerSubscription (i=24104).</summary>
    public static readonly NodeId MaxMonitoredItemsPerSubscription = new(24104);

    /// <summary>MaxMonitoredItemsQueueSize (i=31916).</summary>
    public static readonly NodeId MaxMonitoredItemsQueueSize = new(31916);
}

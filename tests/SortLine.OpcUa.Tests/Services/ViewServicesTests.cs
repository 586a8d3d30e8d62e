using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Services;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Services;

public sealed class ViewServicesTests
{
    private const uint AllFields = 0x3F;
    private readonly ServiceTestHost _host = new(maxContinuationPoints: 2);

    private static BrowseRequest Browse(uint maxReferences, params BrowseDescription[] nodes) =>
        new() { RequestHeader = new RequestHeader(), RequestedMaxReferencesPerNode = maxReferences, NodesToBrowse = nodes };

    private static BrowseDescription Forward(NodeId nodeId, NodeId? referenceType = null, bool subtypes = true, uint nodeClassMask = 0, uint resultMask = AllFields, BrowseDirection direction = BrowseDirection.Forward) =>
        new() { NodeId = nodeId, BrowseDirection = direction, ReferenceTypeId = referenceType ?? NodeId.Null, IncludeSubtypes = subtypes, NodeClassMask = nodeClassMask, ResultMask = resultMask };

    private BrowseResult BrowseOne(Session session, uint maxReferences, BrowseDescription description) =>
        _host.View.Browse(_host.Context(session), Browse(maxReferences, description)).Results![0];

    [Fact]
    public void Browse_MoreReferencesThanMax_ContinuationPointsReturnTheRestInOrder()
    {
        Session session = _host.ActivatedSession();
        BrowseResult all = BrowseOne(session, 0, Forward(ObjectIds.Server));

        var paged = new List<ReferenceDescription>();
        BrowseResult page = BrowseOne(session, 2, Forward(ObjectIds.Server));
        paged.AddRange(page.References!);
        while (page.ContinuationPoint is { Length: > 0 } point)
        {
            Assert.Equal(2, page.References!.Length);
            page = _host.View.BrowseNext(_host.Context(session), new BrowseNextRequest { RequestHeader = new RequestHeader(), ContinuationPoints = [point] }).Results![0];
            Assert.Equal(StatusCode.Good, page.StatusCode);
            paged.AddRange(page.References!);
        }

        Assert.True(all.References!.Length > 4);
        Assert.Equal(all.References.Select(r => r.NodeId), paged.Select(r => r.NodeId));
        Assert.Equal(0, session.ContinuationCount);
    }

    [Fact]
    public void BrowseNext_ReleasedContinuationPoint_IsInvalidAfterwards()
    {
        Session session = _host.ActivatedSession();
        byte[] point = BrowseOne(session, 1, Forward(ObjectIds.Server)).ContinuationPoint!;

        BrowseResult released = _host.View.BrowseNext(_host.Context(session), new BrowseNextRequest { RequestHeader = new RequestHeader(), ReleaseContinuationPoints = true, ContinuationPoints = [point] }).Results![0];
        BrowseResult again = _host.View.BrowseNext(_host.Context(session), new BrowseNextRequest { RequestHeader = new RequestHeader(), ContinuationPoints = [point] }).Results![0];

        Assert.Equal(StatusCode.Good, released.StatusCode);
        Assert.Empty(released.References!);
        Assert.Equal(StatusCode.BadContinuationPointInvalid, again.StatusCode);
    }

    [Fact]
    public void Browse_ContinuationPointsExhausted_BadNoContinuationPoints()
    {
        Session session = _host.ActivatedSession();

        BrowseResponse response = _host.View.Browse(_host.Context(session), Browse(1, Forward(ObjectIds.Server), Forward(ObjectIds.RootFolder), Forward(ObjectIds.TypesFolder)));

        Assert.Equal([StatusCode.Good, StatusCode.Good, StatusCode.BadNoContinuationPoints], response.Results!.Select(r => r.StatusCode));
    }

    [Fact]
    public void Browse_ContinuationPointOfAnotherSession_Invalid()
    {
        byte[] point = BrowseOne(_host.ActivatedSession(), 1, Forward(ObjectIds.Server)).ContinuationPoint!;

        BrowseResult other = _host.View.BrowseNext(_host.Context(_host.ActivatedSession()), new BrowseNextRequest { RequestHeader = new RequestHeader(), ContinuationPoints = [point] }).Results![0];

        Assert.Equal(StatusCode.BadContinuationPointInvalid, other.StatusCode);
    }

    [Fact]
    public void Browse_InverseDirection_FindsParentThroughOrganizes()
    {
        BrowseResult result = BrowseOne(_host.ActivatedSession(), 0, Forward(ObjectIds.Server, ReferenceTypeIds.HierarchicalReferences, direction: BrowseDirection.Inverse));

        ReferenceDescription parent = Assert.Single(result.References!);
        Assert.Equal((ObjectIds.ObjectsFolder, ReferenceTypeIds.Organizes, false), (parent.NodeId.NodeId, parent.ReferenceTypeId, parent.IsForward));
    }

    [Fact]
    public void Browse_AbstractTypeWithoutSubtypes_MatchesNothing_WithSubtypesMatchesAll()
    {
        Session session = _host.ActivatedSession();

        BrowseResult exact = BrowseOne(session, 0, Forward(ObjectIds.ObjectsFolder, ReferenceTypeIds.HierarchicalReferences, subtypes: false));
        BrowseResult withSubtypes = BrowseOne(session, 0, Forward(ObjectIds.ObjectsFolder, ReferenceTypeIds.HierarchicalReferences, subtypes: true));

        Assert.Empty(exact.References!);
        Assert.Equal([ObjectIds.Server, _host.Folder.NodeId], withSubtypes.References!.Select(r => r.NodeId.NodeId).Order(NodeIdComparer.Instance));
    }

    [Fact]
    public void Browse_NodeClassMaskVariable_ReturnsOnlyVariables()
    {
        BrowseResult result = BrowseOne(_host.ActivatedSession(), 0, Forward(ObjectIds.Server, nodeClassMask: (uint)NodeClass.Variable));

        Assert.NotEmpty(result.References!);
        Assert.All(result.References!, r => Assert.Equal(NodeClass.Variable, r.NodeClass));
    }

    [Fact]
    public void Browse_ResultMaskZero_OnlyNodeIdFilled()
    {
        BrowseResult result = BrowseOne(_host.ActivatedSession(), 0, Forward(ObjectIds.ObjectsFolder, ReferenceTypeIds.Organizes, resultMask: 0));

        Assert.All(result.References!, r =>
        {
            Assert.False(r.NodeId.IsNull);
            Assert.Equal((NodeId.Null, false, NodeClass.Unspecified, default(QualifiedName), default(LocalizedText)), (r.ReferenceTypeId, r.IsForward, r.NodeClass, r.BrowseName, r.DisplayName));
            Assert.True(r.TypeDefinition.IsNull);
        });
    }

    [Fact]
    public void Browse_TypeDefinitionRequested_FolderTypeForFolders()
    {
        BrowseResult result = BrowseOne(_host.ActivatedSession(), 0, Forward(ObjectIds.RootFolder, ReferenceTypeIds.Organizes));

        Assert.All(result.References!, r => Assert.Equal(ObjectTypeIds.FolderType, r.TypeDefinition.NodeId));
    }

    [Theory]
    [InlineData(99999u, 0u, 0x80340000u)] // unknown node
    [InlineData(85u, 47u, 0x00000000u)] // HasComponent filter, no match but valid
    [InlineData(85u, 85u, 0x804C0000u)] // not a reference type
    public void Browse_PerNodeErrors_InResults(uint nodeId, uint referenceTypeId, uint status)
    {
        BrowseResult result = BrowseOne(_host.ActivatedSession(), 0, Forward(new NodeId(nodeId), referenceTypeId == 0 ? null : new NodeId(referenceTypeId), subtypes: false));

        Assert.Equal(new StatusCode(status), result.StatusCode);
    }

    [Fact]
    public void Browse_InvalidDirection_BadBrowseDirectionInvalid()
    {
        Assert.Equal(StatusCode.BadBrowseDirectionInvalid, BrowseOne(_host.ActivatedSession(), 0, Forward(ObjectIds.RootFolder, direction: (BrowseDirection)7)).StatusCode);
    }

    [Fact]
    public void Browse_NoNodes_ServiceResultBadNothingToDo()
    {
        var ex = Assert.Throws<ServiceResultException>(() => _host.View.Browse(_host.Context(), Browse(0)));

        Assert.Equal(StatusCode.BadNothingToDo, ex.StatusCode);
    }

    [Theory]
    [InlineData(new[] { "Objects", "Server", "ServerStatus", "State" }, 2259u)]
    [InlineData(new[] { "Types", "DataTypes", "BaseDataType", "Enumeration", "ServerState" }, 852u)]
    public void TranslateBrowsePaths_Path_ResolvesTarget(string[] names, uint expected)
    {
        BrowsePathResult result = Translate(ObjectIds.RootFolder, names);

        Assert.Equal(StatusCode.Good, result.StatusCode);
        BrowsePathTarget target = Assert.Single(result.Targets!);
        Assert.Equal((new NodeId(expected), uint.MaxValue), (target.TargetId.NodeId, target.RemainingPathIndex));
    }

    [Fact]
    public void TranslateBrowsePaths_NoSuchName_BadNoMatch()
    {
        Assert.Equal(StatusCode.BadNoMatch, Translate(ObjectIds.RootFolder, ["Objects", "Nope"]).StatusCode);
    }

    [Fact]
    public void TranslateBrowsePaths_EmptyName_BadBrowseNameInvalid()
    {
        Assert.Equal(StatusCode.BadBrowseNameInvalid, Translate(ObjectIds.RootFolder, [""]).StatusCode);
    }

    private BrowsePathResult Translate(NodeId start, string[] names)
    {
        var path = new BrowsePath
        {
            StartingNode = start,
            RelativePath = new RelativePath
            {
                Elements = [.. names.Select(n => new RelativePathElement { ReferenceTypeId = ReferenceTypeIds.HierarchicalReferences, IncludeSubtypes = true, TargetName = new QualifiedName(0, n) })],
            },
        };
        return _host.View.TranslateBrowsePaths(_host.Context(), new TranslateBrowsePathsToNodeIdsRequest { RequestHeader = new RequestHeader(), BrowsePaths = [path] }).Results![0];
    }

    private sealed class NodeIdComparer : IComparer<NodeId>
    {
        public static NodeIdComparer Instance { get; } = new();

        public int Compare(NodeId x, NodeId y) => string.CompareOrdinal(x.ToString(), y.ToString());
    }
}

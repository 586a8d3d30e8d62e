using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// Browse, BrowseNext and TranslateBrowsePathsToNodeIds (OPC 10000-4 §5.8) over an <see cref="INodeStore"/>: direction,
/// reference type (with subtypes), node class mask and result mask filters; results longer than the per-node maximum
/// continue through the session's continuation points.
/// </summary>
internal sealed class ViewServices(INodeStore store, ServiceLimits limits)
{
    private const uint ResultMaskReferenceType = 0x01;
    private const uint ResultMaskIsForward = 0x02;
    private const uint ResultMaskNodeClass = 0x04;
    private const uint ResultMaskBrowseName = 0x08;
    private const uint ResultMaskDisplayName = 0x10;
    private const uint ResultMaskTypeDefinition = 0x20;

    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<BrowseRequest>(BrowseRequest.EncodingId, SessionRequirement.ActivatedSession, BrowseRequest.Decode, Browse);
        yield return ServiceDescription.Create<BrowseNextRequest>(BrowseNextRequest.EncodingId, SessionRequirement.ActivatedSession, BrowseNextRequest.Decode, BrowseNext);
        yield return ServiceDescription.Create<TranslateBrowsePathsToNodeIdsRequest>(
            TranslateBrowsePathsToNodeIdsRequest.EncodingId, SessionRequirement.ActivatedSession, TranslateBrowsePathsToNodeIdsRequest.Decode, TranslateBrowsePaths);
    }

    /// <summary>Browses each node.</summary>
    public BrowseResponse Browse(ServiceContext context, BrowseRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        BrowseDescription[] nodes = CheckCount(request.NodesToBrowse, limits.MaxNodesPerBrowse);
        if (!request.View.ViewId.IsNull)
        {
            throw new ServiceResultException(StatusCode.BadViewIdUnknown);
        }

        int maxReferences = request.RequestedMaxReferencesPerNode == 0
            ? limits.MaxReferencesPerNode
            : (int)Math.Min(request.RequestedMaxReferencesPerNode, (uint)limits.MaxReferencesPerNode);
        var results = new BrowseResult[nodes.Length];
        for (int i = 0; i < nodes.Length; i++)
        {
            results[i] = BrowseNode(context.RequiredSession, nodes[i], maxReferences);
        }

        return new BrowseResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Continues or releases continuation points.</summary>
    public BrowseNextResponse BrowseNext(ServiceContext context, BrowseNextRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        byte[]?[] points = CheckCount(request.ContinuationPoints, limits.MaxNodesPerBrowse);
        Session session = context.RequiredSession;
        var results = new BrowseResult[points.Length];
        for (int i = 0; i < points.Length; i++)
        {
            if (!session.TryTakeContinuation(points[i] ?? [], out BrowseContinuation? continuation))
            {
                results[i] = new BrowseResult { StatusCode = StatusCode.BadContinuationPointInvalid, References = [] };
            }
            else if (request.ReleaseContinuationPoints)
            {
                results[i] = new BrowseResult { StatusCode = StatusCode.Good, References = [] };
            }
            else
            {
                results[i] = Page(session, continuation.Remaining, continuation.MaxReferencesPerNode);
            }
        }

        return new BrowseNextResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Follows each relative path from its starting node.</summary>
    public TranslateBrowsePathsToNodeIdsResponse TranslateBrowsePaths(ServiceContext context, TranslateBrowsePathsToNodeIdsRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        BrowsePath[] paths = CheckCount(request.BrowsePaths, limits.MaxNodesPerTranslateBrowsePathsToNodeIds);
        var results = new BrowsePathResult[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            results[i] = Translate(paths[i]);
        }

        return new TranslateBrowsePathsToNodeIdsResponse { Results = results, DiagnosticInfos = [] };
    }

    private static T[] CheckCount<T>(T[]? items, int max)
    {
        if (items is null || items.Length == 0)
        {
            throw new ServiceResultException(StatusCode.BadNothingToDo);
        }

        if (items.Length > max)
        {
            throw new ServiceResultException(StatusCode.BadTooManyOperations);
        }

        return items;
    }

    private BrowseResult BrowseNode(Session session, BrowseDescription description, int maxReferences)
    {
        if (!store.TryGetNode(description.NodeId, out Node? node))
        {
            return new BrowseResult { StatusCode = StatusCode.BadNodeIdUnknown, References = [] };
        }

        if (description.BrowseDirection is < BrowseDirection.Forward or > BrowseDirection.Both)
        {
            return new BrowseResult { StatusCode = StatusCode.BadBrowseDirectionInvalid, References = [] };
        }

        bool filterType = !description.ReferenceTypeId.IsNull;
        if (filterType && (!store.TryGetNode(description.ReferenceTypeId, out Node? referenceType) || referenceType is not ReferenceTypeNode))
        {
            return new BrowseResult { StatusCode = StatusCode.BadReferenceTypeIdInvalid, References = [] };
        }

        var found = new List<ReferenceDescription>();
        foreach (NodeReference reference in node.References)
        {
            if ((description.BrowseDirection == BrowseDirection.Forward && reference.IsInverse) ||
                (description.BrowseDirection == BrowseDirection.Inverse && !reference.IsInverse))
            {
                continue;
            }

            if (filterType && reference.ReferenceTypeId != description.ReferenceTypeId &&
                !(description.IncludeSubtypes && TypeHierarchy.IsSubtypeOrSelf(store, reference.ReferenceTypeId, description.ReferenceTypeId)))
            {
                continue;
            }

            if (!store.TryGetNode(reference.TargetId, out Node? target) ||
                (description.NodeClassMask != 0 && (description.NodeClassMask & (uint)target.NodeClass) == 0))
            {
                continue;
            }

            found.Add(Describe(reference, target, description.ResultMask));
        }

        return Page(session, [.. found], maxReferences);
    }

    /// <summary>Returns the first <paramref name="maxReferences"/> references and parks the rest behind a continuation point.</summary>
    private static BrowseResult Page(Session session, ReferenceDescription[] references, int maxReferences)
    {
        if (references.Length <= maxReferences)
        {
            return new BrowseResult { StatusCode = StatusCode.Good, References = references };
        }

        byte[]? point = session.AddContinuation(new BrowseContinuation(references[maxReferences..], maxReferences));
        return point is null
            ? new BrowseResult { StatusCode = StatusCode.BadNoContinuationPoints, References = [] }
            : new BrowseResult { StatusCode = StatusCode.Good, ContinuationPoint = point, References = references[..maxReferences] };
    }

    private static ReferenceDescription Describe(NodeReference reference, Node target, uint resultMask)
    {
        NodeId typeDefinition = NodeId.Null;
        if ((resultMask & ResultMaskTypeDefinition) != 0 && target.NodeClass is NodeClass.Object or NodeClass.Variable)
        {
            foreach (NodeReference targetReference in target.References)
            {
                if (!targetReference.IsInverse && targetReference.ReferenceTypeId == ReferenceTypeIds.HasTypeDefinition)
                {
                    typeDefinition = targetReference.TargetId;
                    break;
                }
            }
        }

        return new ReferenceDescription
        {
            ReferenceTypeId = (resultMask & ResultMaskReferenceType) != 0 ? reference.ReferenceTypeId : NodeId.Null,
            IsForward = (resultMask & ResultMaskIsForward) != 0 && !reference.IsInverse,
            NodeId = target.NodeId,
            NodeClass = (resultMask & ResultMaskNodeClass) != 0 ? target.NodeClass : NodeClass.Unspecified,
            BrowseName = (resultMask & ResultMaskBrowseName) != 0 ? target.BrowseName : default,
            DisplayName = (resultMask & ResultMaskDisplayName) != 0 ? target.DisplayName : default,
            TypeDefinition = typeDefinition,
        };
    }

    private BrowsePathResult Translate(BrowsePath path)
    {
        if (!store.TryGetNode(path.StartingNode, out _))
        {
            return new BrowsePathResult { StatusCode = StatusCode.BadNodeIdUnknown, Targets = [] };
        }

        RelativePathElement[] elements = path.RelativePath.Elements ?? [];
        if (elements.Length == 0)
        {
            return new BrowsePathResult { StatusCode = StatusCode.BadNothingToDo, Targets = [] };
        }

        var current = new List<NodeId> { path.StartingNode };
        foreach (RelativePathElement element in elements)
        {
            if (string.IsNullOrEmpty(element.TargetName.Name))
            {
                return new BrowsePathResult { StatusCode = StatusCode.BadBrowseNameInvalid, Targets = [] };
            }

            var next = new List<NodeId>();
            foreach (NodeId nodeId in current)
            {
                if (!store.TryGetNode(nodeId, out Node? node))
                {
                    continue;
                }

                foreach (NodeReference reference in node.References)
                {
                    if (reference.IsInverse != element.IsInverse ||
                        (!element.ReferenceTypeId.IsNull && reference.ReferenceTypeId != element.ReferenceTypeId &&
                         !(element.IncludeSubtypes && TypeHierarchy.IsSubtypeOrSelf(store, reference.ReferenceTypeId, element.ReferenceTypeId))))
                    {
                        continue;
                    }

                    if (store.TryGetNode(reference.TargetId, out Node? target) && target.BrowseName == element.TargetName && !next.Contains(target.NodeId))
                    {
                        next.Add(target.NodeId);
                    }
                }
            }

            if (next.Count == 0)
            {
                return new BrowsePathResult { StatusCode = StatusCode.BadNoMatch, Targets = [] };
            }

            current = next;
        }

        return new BrowsePathResult
        {
            StatusCode = StatusCode.Good,
            Targets = [.. current.Select(id => new BrowsePathTarget { TargetId = id, RemainingPathIndex = uint.MaxValue })],
        };
    }
}

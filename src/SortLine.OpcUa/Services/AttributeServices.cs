using System.Globalization;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// Read and Write (OPC 10000-4 §5.10). Read returns every attribute the node's class has (Bad_AttributeIdInvalid for
/// the others) with the requested timestamps on Value. Write accepts only the Value attribute of a variable whose
/// access level allows it, checks the value's type and rank against the variable, asks the variable's validator,
/// and only then stores it.
/// </summary>
internal sealed class AttributeServices(INodeStore store, ServiceLimits limits, UserAccessPolicy? access = null)
{
    private readonly UserAccessPolicy _access = access ?? UserAccessPolicy.AllowAll;

    /// <summary>The browse name of the only data encoding SortLine serves.</summary>
    public const string DefaultBinaryEncoding = "Default Binary";

    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.Create<ReadRequest>(ReadRequest.EncodingId, SessionRequirement.ActivatedSession, ReadRequest.Decode, Read);
        yield return ServiceDescription.Create<WriteRequest>(WriteRequest.EncodingId, SessionRequirement.ActivatedSession, WriteRequest.Decode, Write);
    }

    /// <summary>Reads attributes.</summary>
    public ReadResponse Read(ServiceContext context, ReadRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxAge < 0 || double.IsNaN(request.MaxAge))
        {
            throw new ServiceResultException(StatusCode.BadMaxAgeInvalid);
        }

        if (request.TimestampsToReturn is < TimestampsToReturn.Source or > TimestampsToReturn.Neither)
        {
            throw new ServiceResultException(StatusCode.BadTimestampsToReturnInvalid);
        }

        ReadValueId[] nodes = request.NodesToRead is { Length: > 0 } n ? n : throw new ServiceResultException(StatusCode.BadNothingToDo);
        if (nodes.Length > limits.MaxNodesPerRead)
        {
            throw new ServiceResultException(StatusCode.BadTooManyOperations);
        }

        var results = new DataValue[nodes.Length];
        UserRights rights = _access.RightsOf(context.Session);
        for (int i = 0; i < nodes.Length; i++)
        {
            results[i] = ReadAttribute(nodes[i], request.TimestampsToReturn, context.Now, rights);
        }

        return new ReadResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Writes values.</summary>
    public WriteResponse Write(ServiceContext context, WriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        WriteValue[] nodes = request.NodesToWrite is { Length: > 0 } n ? n : throw new ServiceResultException(StatusCode.BadNothingToDo);
        if (nodes.Length > limits.MaxNodesPerWrite)
        {
            throw new ServiceResultException(StatusCode.BadTooManyOperations);
        }

        var results = new StatusCode[nodes.Length];
        bool mayWrite = (_access.RightsOf(context.Session) & UserRights.Write) != 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            results[i] = WriteAttribute(nodes[i], context.Now, mayWrite, context.Session?.UserName);
        }

        return new WriteResponse { Results = results, DiagnosticInfos = [] };
    }

    /// <summary>Reads one attribute.</summary>
    internal DataValue ReadAttribute(ReadValueId item, TimestampsToReturn timestamps, DateTime now, UserRights rights = UserRights.All)
    {
        if (!store.TryGetNode(item.NodeId, out Node? node))
        {
            return Bad(StatusCode.BadNodeIdUnknown);
        }

        var attribute = (AttributeId)item.AttributeId;
        if (!string.IsNullOrEmpty(item.DataEncoding.Name))
        {
            if (attribute != AttributeId.Value)
            {
                return Bad(StatusCode.BadDataEncodingInvalid);
            }

            if (item.DataEncoding.NamespaceIndex != 0 || item.DataEncoding.Name != DefaultBinaryEncoding)
            {
                return Bad(StatusCode.BadDataEncodingUnsupported);
            }
        }

        bool hasRange = !string.IsNullOrEmpty(item.IndexRange);
        if (hasRange && attribute != AttributeId.Value)
        {
            return Bad(StatusCode.BadIndexRangeInvalid);
        }

        if (attribute == AttributeId.Value && node is VariableNode variable)
        {
            return ReadValue(variable, hasRange ? item.IndexRange : null, timestamps, now);
        }

        Variant? value = ReadNonValueAttribute(node, attribute, rights);
        return value is { } v ? new DataValue { Value = v } : Bad(StatusCode.BadAttributeIdInvalid);
    }

    private static Variant? ReadNonValueAttribute(Node node, AttributeId attribute, UserRights rights) => attribute switch
    {
        AttributeId.NodeId => new Variant(node.NodeId),
        AttributeId.NodeClass => new Variant((int)node.NodeClass),
        AttributeId.BrowseName => new Variant(node.BrowseName),
        AttributeId.DisplayName => new Variant(node.DisplayName),
        AttributeId.Description => new Variant(node.Description),
        AttributeId.WriteMask or AttributeId.UserWriteMask => new Variant(node.WriteMask),
        AttributeId.IsAbstract => node switch
        {
            ObjectTypeNode t => new Variant(t.IsAbstract),
            VariableTypeNode t => new Variant(t.IsAbstract),
            ReferenceTypeNode t => new Variant(t.IsAbstract),
            DataTypeNode t => new Variant(t.IsAbstract),
            _ => null,
        },
        AttributeId.Symmetric => node is ReferenceTypeNode r ? new Variant(r.Symmetric) : null,
        AttributeId.InverseName => node is ReferenceTypeNode { InverseName: { } inverse } ? new Variant(inverse) : null,
        AttributeId.ContainsNoLoops => node is ViewNode view ? new Variant(view.ContainsNoLoops) : null,
        AttributeId.EventNotifier => node switch
        {
            ObjectNode o => new Variant(o.EventNotifier),
            ViewNode v => new Variant(v.EventNotifier),
            _ => null,
        },
        AttributeId.Value => node is VariableTypeNode ? Variant.Null : null,
        AttributeId.DataType => node switch
        {
            VariableNode v => new Variant(v.DataType),
            VariableTypeNode t => new Variant(t.DataType),
            _ => null,
        },
        AttributeId.ValueRank => node switch
        {
            VariableNode v => new Variant(v.ValueRank),
            VariableTypeNode t => new Variant(t.ValueRank),
            _ => null,
        },
        AttributeId.ArrayDimensions => node switch
        {
            VariableNode { ArrayDimensions: { } dimensions } => Variant.FromArray(dimensions.ToArray()),
            VariableNode or VariableTypeNode => Variant.Null,
            _ => null,
        },
        AttributeId.AccessLevel => node is VariableNode a ? new Variant(a.AccessLevel) : null,
        AttributeId.UserAccessLevel => node is VariableNode u
            ? new Variant((rights & UserRights.Write) != 0 ? u.UserAccessLevel : (byte)(u.UserAccessLevel & ~AccessLevels.CurrentWrite))
            : null,
        AttributeId.MinimumSamplingInterval => node is VariableNode s ? new Variant(s.MinimumSamplingInterval) : null,
        AttributeId.Historizing => node is VariableNode h ? new Variant(h.Historizing) : null,
        AttributeId.Executable => node is MethodNode m ? new Variant(m.Executable) : null,
        AttributeId.UserExecutable => node is MethodNode um ? new Variant(um.UserExecutable && (rights & UserRights.Call) != 0) : null,
        AttributeId.DataTypeDefinition => node is DataTypeNode { DataTypeDefinition: { } definition } ? new Variant(definition) : null,
        _ => null,
    };

    private static DataValue ReadValue(VariableNode variable, string? indexRange, TimestampsToReturn timestamps, DateTime now)
    {
        if ((variable.UserAccessLevel & AccessLevels.CurrentRead) == 0)
        {
            return Bad(StatusCode.BadNotReadable);
        }

        DataValue stored = variable.Value;
        Variant value = stored.Value;
        StatusCode status = stored.Status;
        if (indexRange is not null)
        {
            StatusCode rangeStatus = ApplyIndexRange(ref value, indexRange);
            if (rangeStatus.IsBad)
            {
                return Bad(rangeStatus);
            }
        }

        bool source = timestamps is TimestampsToReturn.Source or TimestampsToReturn.Both;
        bool server = timestamps is TimestampsToReturn.Server or TimestampsToReturn.Both;
        return new DataValue
        {
            Value = value,
            Status = status,
            SourceTimestamp = source ? stored.SourceTimestamp : null,
            SourcePicoseconds = source ? stored.SourcePicoseconds : (ushort)0,
            ServerTimestamp = server ? now : null,
        };
    }

    /// <summary>Applies a one-dimensional index range ("i" or "i:j", OPC 10000-4 §7.27) to an array value.</summary>
    internal static StatusCode ApplyIndexRange(ref Variant value, string indexRange)
    {
        string[] parts = indexRange.Split(':');
        if (parts.Length > 2 || !uint.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out uint first))
        {
            return StatusCode.BadIndexRangeInvalid;
        }

        uint last = first;
        if (parts.Length == 2 && (!uint.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out last) || last <= first))
        {
            return StatusCode.BadIndexRangeInvalid;
        }

        if (!value.IsArray || value.HasArrayDimensions || value.Value is not Array array || first >= (uint)array.Length)
        {
            return StatusCode.BadIndexRangeNoData;
        }

        int count = (int)Math.Min(last, (uint)array.Length - 1) - (int)first + 1;
        var slice = Array.CreateInstance(array.GetType().GetElementType()!, count);
        Array.Copy(array, (int)first, slice, 0, count);
        value = Variant.FromArray(value.Type, slice);
        return StatusCode.Good;
    }

    private StatusCode WriteAttribute(WriteValue item, DateTime now, bool mayWrite, string? userName)
    {
        if (!store.TryGetNode(item.NodeId, out Node? node))
        {
            return StatusCode.BadNodeIdUnknown;
        }

        var attribute = (AttributeId)item.AttributeId;
        if (attribute != AttributeId.Value || node is not VariableNode variable)
        {
            // Attributes other than a variable's Value exist but are not writable (WriteMask 0).
            return ReadNonValueAttribute(node, attribute, UserRights.All) is null && !(attribute == AttributeId.Value && node is VariableNode)
                ? StatusCode.BadAttributeIdInvalid
                : StatusCode.BadNotWritable;
        }

        if ((variable.AccessLevel & AccessLevels.CurrentWrite) == 0)
        {
            return StatusCode.BadNotWritable;
        }

        if ((variable.UserAccessLevel & AccessLevels.CurrentWrite) == 0 || !mayWrite)
        {
            return StatusCode.BadUserAccessDenied;
        }

        if (!string.IsNullOrEmpty(item.IndexRange) || !item.Value.Status.IsGood || item.Value.ServerTimestamp is not null)
        {
            return StatusCode.BadWriteNotSupported;
        }

        Variant value = item.Value.Value;
        if (value.IsNull || !variable.Accepts(value))
        {
            return StatusCode.BadTypeMismatch;
        }

        StatusCode verdict = variable.WriteValidator?.Invoke(variable, value) ?? StatusCode.Good;
        if (!verdict.IsGood)
        {
            return verdict;
        }

        variable.SetWrittenValue(value, StatusCode.Good, item.Value.SourceTimestamp ?? now, new VariableWriter(userName));
        return StatusCode.Good;
    }

    private static DataValue Bad(StatusCode status) => new() { Status = status };
}

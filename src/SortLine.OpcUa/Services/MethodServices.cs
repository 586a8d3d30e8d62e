using Microsoft.Extensions.Logging;
using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Services;

/// <summary>
/// Call (OPC 10000-4 §5.11.2). Each method call is checked in order: the object exists (Bad_NodeIdUnknown), the
/// method exists and is a component of the object (Bad_MethodInvalid), it is executable (Bad_NotExecutable), the
/// session's user may call (Bad_UserAccessDenied), the inputs match the declared InputArguments in count
/// (Bad_ArgumentsMissing, Bad_TooManyArguments) and in built-in type and rank (Bad_InvalidArgument with
/// Bad_TypeMismatch for each wrong input). Only then the host's handler runs; its status, outputs or per-argument
/// verdicts are returned. Calls of one request run one after the other; the request completes asynchronously when a
/// handler awaits, so other requests on the connection keep flowing.
/// </summary>
internal sealed partial class MethodServices(INodeStore store, UserAccessPolicy access, int maxNodesPerMethodCall, ILogger logger)
{
    /// <summary>The table entries of this service set.</summary>
    public IEnumerable<ServiceDescription> Describe()
    {
        yield return ServiceDescription.CreateAsync<CallRequest>(CallRequest.EncodingId, SessionRequirement.ActivatedSession, CallRequest.Decode, CallAsync);
    }

    /// <summary>Calls methods.</summary>
    public async ValueTask<IServiceResponse> CallAsync(ServiceContext context, CallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        CallMethodRequest[] calls = request.MethodsToCall is { Length: > 0 } c ? c : throw new ServiceResultException(StatusCode.BadNothingToDo);
        if (calls.Length > maxNodesPerMethodCall)
        {
            throw new ServiceResultException(StatusCode.BadTooManyOperations);
        }

        bool mayCall = (access.RightsOf(context.Session) & UserRights.Call) != 0;
        var results = new CallMethodResult[calls.Length];
        for (int i = 0; i < calls.Length; i++)
        {
            results[i] = await CallOneAsync(calls[i], mayCall, context.Session?.UserName, cancellationToken).ConfigureAwait(false);
        }

        return new CallResponse { Results = results, DiagnosticInfos = [] };
    }

    private async ValueTask<CallMethodResult> CallOneAsync(CallMethodRequest call, bool mayCall, string? userName, CancellationToken cancellationToken)
    {
        if (!store.TryGetNode(call.ObjectId, out Node? target) || target is not (ObjectNode or ObjectTypeNode))
        {
            return Fail(target is null ? StatusCode.BadNodeIdUnknown : StatusCode.BadNodeIdInvalid);
        }

        if (!store.TryGetNode(call.MethodId, out Node? node) || node is not MethodNode method || !IsComponentOf(target, method.NodeId))
        {
            return Fail(StatusCode.BadMethodInvalid);
        }

        if (!method.Executable || method.Handler is null)
        {
            return Fail(StatusCode.BadNotExecutable);
        }

        if (!mayCall)
        {
            return Fail(StatusCode.BadUserAccessDenied);
        }

        Variant[] inputs = call.InputArguments ?? [];
        IReadOnlyList<MethodArgument> declared = method.InputArguments;
        if (inputs.Length < declared.Count)
        {
            return Fail(StatusCode.BadArgumentsMissing);
        }

        if (inputs.Length > declared.Count)
        {
            return Fail(StatusCode.BadTooManyArguments);
        }

        var verdicts = new StatusCode[inputs.Length];
        bool allGood = true;
        for (int i = 0; i < inputs.Length; i++)
        {
            verdicts[i] = Accepts(declared[i], inputs[i]) ? StatusCode.Good : StatusCode.BadTypeMismatch;
            allGood &= verdicts[i].IsGood;
        }

        if (!allGood)
        {
            return new CallMethodResult { StatusCode = StatusCode.BadInvalidArgument, InputArgumentResults = verdicts };
        }

        MethodCallResult result;
        try
        {
            result = await method.Handler(new MethodCallContext(call.ObjectId, call.MethodId, inputs, userName), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, method.NodeId);
            return Fail(StatusCode.BadInternalError);
        }

        if (result.InputArgumentResults is { } argumentResults)
        {
            return argumentResults.Count == inputs.Length
                ? new CallMethodResult { StatusCode = result.Status, InputArgumentResults = [.. argumentResults] }
                : Fail(StatusCode.BadInternalError);
        }

        if (!result.Status.IsGood)
        {
            return Fail(result.Status);
        }

        IReadOnlyList<MethodArgument> outputsDeclared = method.OutputArguments;
        if (result.OutputArguments.Count != outputsDeclared.Count || result.OutputArguments.Where((v, i) => !Accepts(outputsDeclared[i], v)).Any())
        {
            LogBadOutputs(logger, method.NodeId);
            return Fail(StatusCode.BadInternalError);
        }

        return new CallMethodResult { StatusCode = result.Status, InputArgumentResults = [], OutputArguments = [.. result.OutputArguments] };
    }

    private bool Accepts(MethodArgument argument, Variant value)
    {
        BuiltInType type = TypeHierarchy.GetBuiltInType(store, argument.DataType);
        if (value.IsNull)
        {
            return false;
        }

        bool typeOk = type == BuiltInType.Variant || value.Type == type;
        int rank = !value.IsArray ? -1 : value.HasArrayDimensions ? value.ArrayDimensions.Length : 1;
        bool rankOk = argument.ValueRank switch
        {
            ValueRanks.Any => true,
            ValueRanks.Scalar => rank == -1,
            ValueRanks.ScalarOrOneDimension => rank is -1 or 1,
            ValueRanks.OneOrMoreDimensions => rank >= 1,
            _ => rank == argument.ValueRank,
        };
        return typeOk && rankOk;
    }

    private static bool IsComponentOf(Node target, NodeId methodId)
    {
        foreach (NodeReference reference in target.References)
        {
            if (!reference.IsInverse && reference.TargetId == methodId &&
                (reference.ReferenceTypeId == ReferenceTypeIds.HasComponent || reference.ReferenceTypeId == ReferenceTypeIds.HasOrderedComponent))
            {
                return true;
            }
        }

        return false;
    }

    private static CallMethodResult Fail(StatusCode status) => new() { StatusCode = status, InputArgumentResults = [], OutputArguments = [] };

    [LoggerMessage(Level = LogLevel.Error, Message = "Method {MethodId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, NodeId methodId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Method {MethodId} returned outputs that do not match its OutputArguments")]
    private static partial void LogBadOutputs(ILogger logger, NodeId methodId);
}

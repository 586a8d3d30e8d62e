using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>A decoded service request.</summary>
internal interface IServiceRequest
{
    /// <summary>The request header.</summary>
    RequestHeader RequestHeader { get; }
}

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// Executes a method for the Call service. Runs on the request's thread until its first await; a long operation
/// (e.g. capturing a reference) should await and honour <paramref name="cancellationToken"/>, which is cancelled
/// when the client's connection closes. Other requests on the connection keep flowing while it runs. An exception
/// is answered with Bad_InternalError and logged.
/// </summary>
/// <param name="call">The checked input values and the caller.</param>
/// <param name="cancellationToken">Cancelled when the connection closes.</param>
/// <returns>The result: status, output values (one per declared output argument) or per-argument verdicts.</returns>
public delegate ValueTask<MethodCallResult> MethodCallHandler(MethodCallContext call, CancellationToken cancellationToken);

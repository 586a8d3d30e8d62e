using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.AddressSpace;

/// <summary>
/// Decides whether a client may store <paramref name="value"/> in <paramref name="variable"/>. Return Good to accept;
/// any other code (e.g. <see cref="StatusCode.BadOutOfRange"/>) refuses the write, is returned to the client, and the
/// variable keeps its value. Called on the request thread: keep it quick and do not block.
/// </summary>
/// <param name="variable">The variable being written.</param>
/// <param name="value">The value, already checked against the variable's data type and value rank.</param>
/// <returns>Good, or the status returned to the client.</returns>
public delegate StatusCode VariableWriteValidator(VariableNode variable, Variant value);

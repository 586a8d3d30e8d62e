namespace SortLine.OpcUa.SecureChannel;

/// <summary>The server's own sequence numbers: start at 1, +1 per chunk sent, wrap to 1 after UInt32.MaxValue − 1024 (legacy rule).</summary>
internal struct SequenceNumberGenerator
{
    private uint _next;

    /// <summary>Creates a generator whose first number is <paramref name="first"/>.</summary>
    public SequenceNumberGenerator(uint first) => _next = first;

    /// <summary>Returns the next number.</summary>
    public uint Next()
    {
        uint value = _next == 0 ? 1 : _next;
        _next = value > SequenceNumberValidator.WrapThreshold ? 1 : value + 1;
        return value;
    }
}

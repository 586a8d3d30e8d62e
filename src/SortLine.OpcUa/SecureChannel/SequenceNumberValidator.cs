namespace SortLine.OpcUa.SecureChannel;

/// <summary>
/// Checks the peer's sequence numbers (OPC 10000-6 §6.7.2.4, legacy rule for None and RSA policies): the first value
/// is accepted as is, then each chunk of any type must carry the previous value + 1; once the previous value exceeds
/// UInt32.MaxValue − 1024 the peer may instead wrap to a value below 1024.
/// </summary>
internal struct SequenceNumberValidator
{
    /// <summary>Values above this may wrap.</summary>
    public const uint WrapThreshold = uint.MaxValue - 1024;

    private uint _last;
    private bool _hasLast;

    /// <summary>The last accepted number (valid once one was accepted).</summary>
    public readonly uint Last => _last;

    /// <summary>Accepts <paramref name="sequenceNumber"/> if it follows the last one.</summary>
    public bool TryAccept(uint sequenceNumber)
    {
        bool ok = !_hasLast ||
            (_last != uint.MaxValue && sequenceNumber == _last + 1) ||
            (_last > WrapThreshold && sequenceNumber < 1024);
        if (ok)
        {
            _last = sequenceNumber;
            _hasLast = true;
        }

        return ok;
    }
}

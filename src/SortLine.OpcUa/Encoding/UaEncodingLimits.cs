namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Hard limits the UA Binary codec enforces on untrusted input (and on its own output), style guide B4.
/// Immutable once built; every setter validates. Defaults follow common stack defaults
/// (open62541 / OPC Foundation .NET): 16 MiB messages, 1 MiB strings and byte strings, 64 Ki array elements
/// and a nesting depth of 100.
/// </summary>
/// <remarks>String and byte-string lengths are in bytes; array lengths in elements.</remarks>
internal sealed class UaEncodingLimits
{
    /// <summary>The limits used when none are configured.</summary>
    public static UaEncodingLimits Default { get; } = new();

    /// <summary>Maximum length of a String or XmlElement, in UTF-8 bytes. Default 1 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxStringLength
    {
        get;
        init => field = Positive(value);
    } = 1 << 20;

    /// <summary>Maximum length of a ByteString (also ExtensionObject bodies), in bytes. Default 1 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxByteStringLength
    {
        get;
        init => field = Positive(value);
    } = 1 << 20;

    /// <summary>Maximum number of elements in any array (including Variant arrays and ArrayDimensions). Default 65 536.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxArrayLength
    {
        get;
        init => field = Positive(value);
    } = 1 << 16;

    /// <summary>
    /// Maximum nesting depth of Variant, DataValue, ExtensionObject and DiagnosticInfo values inside each other.
    /// Default 100 (open62541's UA_ENCODING_MAX_RECURSION).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not in [1, 1000].</exception>
    public int MaxNestingDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 1000);
            field = value;
        }
    } = 100;

    /// <summary>Maximum size of one reassembled message body, in bytes. Default 16 MiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public int MaxMessageSize
    {
        get;
        init => field = Positive(value);
    } = 16 << 20;

    private static int Positive(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, name);
        return value;
    }
}

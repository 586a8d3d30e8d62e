namespace SortLine.OpcUa.AddressSpace;

/// <summary>Values of the ValueRank attribute (OPC 10000-3 §5.6.2).</summary>
public static class ValueRanks
{
    /// <summary>Scalar or array of any rank.</summary>
    public const int Any = -2;

    /// <summary>A scalar.</summary>
    public const int Scalar = -1;

    /// <summary>A scalar or a one-dimensional array.</summary>
    public const int ScalarOrOneDimension = -3;

    /// <summary>An array of one or more dimensions.</summary>
    public const int OneOrMoreDimensions = 0;

    /// <summary>A one-dimensional array.</summary>
    public const int OneDimension = 1;
}

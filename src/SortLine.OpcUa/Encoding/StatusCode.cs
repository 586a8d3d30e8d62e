using System.Globalization;

namespace SortLine.OpcUa.Encoding;

/// <summary>
/// An OPC UA StatusCode (OPC 10000-4 §7.39, encoded as a UInt32 per OPC 10000-6 §5.2.2.11).
/// The top two bits give the severity (00 Good, 01 Uncertain, 10 Bad), bits 16-27 the code and the low
/// 16 bits are info bits. The well-known codes are in <c>StatusCode.WellKnown.cs</c>.
/// </summary>
/// <param name="Code">The raw 32-bit value as it appears on the wire.</param>
public readonly partial record struct StatusCode(uint Code)
{
    private const uint SeverityMask = 0xC000_0000;
    private const uint SeverityUncertain = 0x4000_0000;
    private const uint SeverityBad = 0x8000_0000;

    /// <summary>True when the severity bits are 00 (Good).</summary>
    public bool IsGood => (Code & SeverityMask) == 0;

    /// <summary>True when the severity bits are 01 (Uncertain).</summary>
    public bool IsUncertain => (Code & SeverityMask) == SeverityUncertain;

    /// <summary>True when the top bit is set (Bad; 11 is reserved and also treated as Bad).</summary>
    public bool IsBad => (Code & SeverityBad) != 0;

    /// <summary>The code without its info bits (the value the CSV table lists).</summary>
    public StatusCode WithoutInfoBits => new(Code & 0xFFFF_0000);

    /// <summary>Returns the symbolic name if the code is well known, then the hex value.</summary>
    public override string ToString()
    {
        string hex = "0x" + Code.ToString("X8", CultureInfo.InvariantCulture);
        return TryGetName(this, out string? name) ? name + " (" + hex + ")" : hex;
    }
}

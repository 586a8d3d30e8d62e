using System.Diagnostics.CodeAnalysis;

namespace SortLine.Simulators.Recording.Envi;

/// <summary>The ENVI <c>data type</c> codes this library reads; the numeric value is the header code.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members are named after the ENVI data types they stand for.")]
public enum EnviDataType
{
    /// <summary>Signed 16-bit integer (code 2).</summary>
    Int16 = 2,

    /// <summary>IEEE 754 single-precision float (code 4).</summary>
    Float32 = 4,

    /// <summary>Unsigned 16-bit integer (code 12); what SWIR recordings use.</summary>
    UInt16 = 12,
}

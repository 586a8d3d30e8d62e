using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ServiceFault (OPC 10000-4 §7.35): a ResponseHeader alone, carrying a Bad service result.</summary>
internal sealed class ServiceFault : IServiceResponse
{
    /// <summary>Binary encoding id (ServiceFault_Encoding_DefaultBinary).</summary>
    public const uint EncodingId = 397;

    private ServiceFault()
    {
    }

    /// <summary>The single instance (it has no fields of its own).</summary>
    public static ServiceFault Instance { get; } = new();

    /// <inheritdoc/>
    public uint BinaryEncodingId => EncodingId;

    /// <inheritdoc/>
    public void EncodeBody(ref UaBinaryWriter writer)
    {
    }
}

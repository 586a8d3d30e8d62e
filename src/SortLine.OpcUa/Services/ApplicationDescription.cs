// Wire layout (OPC 10000-4 §7.2):
//
//   ApplicationUri  String
//   ProductUri  String
//   ApplicationName  LocalizedText
//   ApplicationType  enum:ApplicationType
//   GatewayServerUri  String
//   DiscoveryProfileUri  String
//   DiscoveryUrls  String[]
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Services;

/// <summary>ApplicationDescription (OPC 10000-4 §7.2).</summary>
internal sealed record ApplicationDescription
{
    /// <summary>Globally unique application URI.</summary>
    public string? ApplicationUri { get; init; }

    /// <summary>Product URI.</summary>
    public string? ProductUri { get; init; }

    /// <summary>Application name.</summary>
    public LocalizedText ApplicationName { get; init; }

    /// <summary>Server, Client, ClientAndServer or DiscoveryServer.</summary>
    public ApplicationType ApplicationType { get; init; }

    /// <summary>Gateway server URI (null).</summary>
    public string? GatewayServerUri { get; init; }

    /// <summary>Discovery profile URI (null).</summary>
    public string? DiscoveryProfileUri { get; init; }

    /// <summary>Discovery URLs.</summary>
    public string?[]? DiscoveryUrls { get; init; }

    /// <summary>Decodes the fields.</summary>
    /// <exception cref="UaDecodingException">Malformed input.</exception>
    public static ApplicationDescription Decode(ref UaBinaryReader reader)
    {
        return new ApplicationDescription
        {
            ApplicationUri = reader.ReadString(),
            ProductUri = reader.ReadString(),
            ApplicationName = reader.ReadLocalizedText(),
            ApplicationType = (ApplicationType)reader.ReadInt32(),
            GatewayServerUri = reader.ReadString(),
            DiscoveryProfileUri = reader.ReadString(),
            DiscoveryUrls = reader.ReadArray(static (ref UaBinaryReader r) => r.ReadString(), 4),
        };
    }

    /// <summary>Encodes the fields.</summary>
    public void Encode(ref UaBinaryWriter writer)
    {
        writer.WriteString(ApplicationUri);
        writer.WriteString(ProductUri);
        writer.WriteLocalizedText(ApplicationName);
        writer.WriteInt32((int)ApplicationType);
        writer.WriteString(GatewayServerUri);
        writer.WriteString(DiscoveryProfileUri);
        writer.WriteArray(DiscoveryUrls, static (ref UaBinaryWriter w, string? v) => w.WriteString(v));
    }
}

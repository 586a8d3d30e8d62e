namespace SortLine.OpcUa.SecureChannel;

/// <summary>
/// A SecurityPolicy (OPC 10000-7): its URI, nonce length, certificates and the chunk security for OPN (asymmetric)
/// and for each token's MSG/CLO chunks (symmetric keys derived from the two nonces). Only None is implemented;
/// Basic256Sha256 plugs in here (opcua.md §8).
/// </summary>
internal interface ISecurityPolicy
{
    /// <summary>The policy URI as sent in the asymmetric security header.</summary>
    string Uri { get; }

    /// <summary>Length of the nonces exchanged in OPN (0 for None).</summary>
    int NonceLength { get; }

    /// <summary>The server's DER certificate (null for None).</summary>
    byte[]? LocalCertificate { get; }

    /// <summary>Security of OPN chunks.</summary>
    IChunkSecurity Asymmetric { get; }

    /// <summary>Derives the symmetric security of one token from the client and server nonces (Part 6 §6.7.5).</summary>
    IChunkSecurity CreateSymmetric(ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce);
}

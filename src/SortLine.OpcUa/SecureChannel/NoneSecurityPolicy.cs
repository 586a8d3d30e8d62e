namespace SortLine.OpcUa.SecureChannel;

/// <summary>SecurityPolicy None: no nonces, no certificate, chunks neither signed nor encrypted.</summary>
internal sealed class NoneSecurityPolicy : ISecurityPolicy, IChunkSecurity
{
    /// <summary>The policy URI.</summary>
    public const string PolicyUri = "http://opcfoundation.org/UA/SecurityPolicy#None";

    private NoneSecurityPolicy()
    {
    }

    /// <summary>The single instance.</summary>
    public static NoneSecurityPolicy Instance { get; } = new();

    /// <inheritdoc/>
    public string Uri => PolicyUri;

    /// <inheritdoc/>
    public int NonceLength => 0;

    /// <inheritdoc/>
    public byte[]? LocalCertificate => null;

    /// <inheritdoc/>
    public IChunkSecurity Asymmetric => this;

    /// <inheritdoc/>
    public int SignatureSize => 0;

    /// <inheritdoc/>
    public int PlainTextBlockSize => 1;

    /// <inheritdoc/>
    public int CipherTextBlockSize => 1;

    /// <inheritdoc/>
    public IChunkSecurity CreateSymmetric(ReadOnlySpan<byte> clientNonce, ReadOnlySpan<byte> serverNonce) => this;

    /// <inheritdoc/>
    public int GetPaddingSize(int bytesToEncrypt) => 0;

    /// <inheritdoc/>
    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
    }

    /// <inheritdoc/>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) => signature.IsEmpty;

    /// <inheritdoc/>
    public int Encrypt(Span<byte> data) => data.Length;

    /// <inheritdoc/>
    public int Decrypt(Span<byte> data) => data.Length;
}

namespace SortLine.OpcUa.SecureChannel;

/// <summary>
/// Per-chunk security with one set of keys (asymmetric for OPN, symmetric per token for MSG/CLO): the sizes the
/// chunker needs to size bodies, and sign/verify/encrypt/decrypt. SecurityPolicy None implements it with zero
/// sizes and no-ops (<see cref="NoneSecurityPolicy"/>).
/// </summary>
/// <remarks>
/// Layout per OPC 10000-6 §6.7.2: encryption covers sequence header through signature, the signature covers
/// everything from byte 0 through the padding.
/// </remarks>
internal interface IChunkSecurity
{
    /// <summary>Signature bytes appended to each chunk (0 = unsigned).</summary>
    int SignatureSize { get; }

    /// <summary>Plain-text block size for encryption (1 = not encrypted).</summary>
    int PlainTextBlockSize { get; }

    /// <summary>Cipher-text block size (1 = not encrypted).</summary>
    int CipherTextBlockSize { get; }

    /// <summary>
    /// Padding bytes (including the PaddingSize byte(s)) to append after <paramref name="bytesToEncrypt"/> bytes
    /// (sequence header + body) so that, with the signature, they fill whole plain-text blocks; 0 when not encrypted.
    /// </summary>
    int GetPaddingSize(int bytesToEncrypt);

    /// <summary>Signs <paramref name="data"/> into <paramref name="signature"/> (<see cref="SignatureSize"/> bytes).</summary>
    void Sign(ReadOnlySpan<byte> data, Span<byte> signature);

    /// <summary>Checks the signature of <paramref name="data"/>.</summary>
    bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature);

    /// <summary>Encrypts in place (the length is a whole number of plain-text blocks); returns the cipher-text length.</summary>
    int Encrypt(Span<byte> data);

    /// <summary>Decrypts in place; returns the plain-text length.</summary>
    int Decrypt(Span<byte> data);
}

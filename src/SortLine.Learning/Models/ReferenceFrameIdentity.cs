namespace SortLine.Learning.Models;

/// <summary>
/// Identifies an averaged dark or white reference frame used for reflectance: a SHA-256 of the averaged frame
/// and the time it was captured. A model is only comparable with spectra calibrated against the same references
/// (or references the operator has re-validated).
/// </summary>
/// <param name="Sha256Hex">SHA-256 of the averaged frame's bytes, 64 lower-case hexadecimal digits.</param>
/// <param name="CapturedUtc">When the frame was captured (UTC).</param>
public sealed record ReferenceFrameIdentity(string Sha256Hex, DateTimeOffset CapturedUtc)
{
    /// <summary>Identifies an averaged frame by hashing its samples.</summary>
    /// <param name="averagedFrame">The averaged reference frame, row-major, as stored (float32 little-endian bytes are hashed).</param>
    /// <param name="capturedUtc">When it was captured.</param>
    /// <returns>The identity.</returns>
    public static ReferenceFrameIdentity FromFrame(ReadOnlySpan<float> averagedFrame, DateTimeOffset capturedUtc)
    {
        byte[] bytes = new byte[averagedFrame.Length * sizeof(float)];
        for (int i = 0; i < averagedFrame.Length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), averagedFrame[i]);
        }

        return new ReferenceFrameIdentity(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), capturedUtc.ToUniversalTime());
    }
}

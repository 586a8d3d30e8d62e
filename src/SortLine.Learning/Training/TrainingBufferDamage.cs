namespace SortLine.Learning.Training;

/// <summary>One problem found when the training buffer opened.</summary>
/// <param name="Kind">Torn tail (repaired) or corruption (reported).</param>
/// <param name="FilePath">The segment file.</param>
/// <param name="Offset">Byte offset in the file where the bad record (or header) starts.</param>
/// <param name="BytesAffected">Bytes cut off (torn tail) or not read (corruption).</param>
/// <param name="Detail">What was wrong (CRC mismatch, length past the end, sequence gap, ...).</param>
public sealed record TrainingBufferDamage(TrainingBufferDamageKind Kind, string FilePath, long Offset, long BytesAffected, string Detail)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Kind} in '{FilePath}' at offset {Offset} ({BytesAffected} bytes): {Detail}";
}

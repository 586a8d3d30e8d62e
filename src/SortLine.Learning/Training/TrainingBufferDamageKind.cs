namespace SortLine.Learning.Training;

/// <summary>What the training buffer found wrong when it opened.</summary>
public enum TrainingBufferDamageKind
{
    /// <summary>An incomplete or unchecked record at the very end of the newest segment (a crash mid-write):
    /// it was cut off, everything before it is kept. Never an acknowledged record under the configured policy.</summary>
    TornTail = 1,

    /// <summary>A damaged record with valid data after it, or a damaged segment header: records before it are kept,
    /// the rest of that segment is not read (the file is left in place for inspection).</summary>
    Corruption = 2,
}

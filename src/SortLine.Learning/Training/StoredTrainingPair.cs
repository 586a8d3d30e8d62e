namespace SortLine.Learning.Training;

/// <summary>A training pair as stored, with the sequence number the buffer gave it.</summary>
/// <param name="Sequence">The buffer's sequence number: increasing by one per append, never reused.</param>
/// <param name="Pair">The pair.</param>
public readonly record struct StoredTrainingPair(long Sequence, TrainingPair Pair);

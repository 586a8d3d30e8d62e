namespace SortLine.Learning.Models;

/// <summary>The span of belt and time the training pairs of a model came from (both ends inclusive).</summary>
/// <param name="EncoderStart">First encoder count of the training data.</param>
/// <param name="EncoderEnd">Last encoder count (≥ start).</param>
/// <param name="StartUtc">Time of the first training pair (UTC).</param>
/// <param name="EndUtc">Time of the last training pair (UTC, ≥ start).</param>
public sealed record TrainingWindow(long EncoderStart, long EncoderEnd, DateTimeOffset StartUtc, DateTimeOffset EndUtc);

using SortLine.Pipeline.Particles;

namespace SortLine.Pipeline.Tests.Particles;

/// <summary>A copy of a closed particle (the tracker reuses its records).</summary>
public sealed record ParticleSnapshot(
    long Id,
    long FirstSequence,
    long LastSequence,
    long FirstEncoder,
    long LastEncoder,
    int FirstColumn,
    int LastColumn,
    int PixelCount,
    int[] ClassCounts,
    double? MeanConfidence,
    double CentroidColumn,
    double CentroidEncoder,
    ParticleCloseReason Reason,
    long ClosedAtSequence)
{
    public static ParticleSnapshot Of(Particle p, long closedAt) => new(p.Id, p.FirstSequence, p.LastSequence, p.FirstEncoder.Counts,
        p.LastEncoder.Counts, p.FirstColumn, p.LastColumn, p.PixelCount, p.ClassPixelCounts.ToArray(), p.MeanConfidence, p.CentroidColumn,
        p.CentroidEncoder, p.CloseReason, closedAt);
}

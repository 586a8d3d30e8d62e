namespace SortLine.Service.Workers;

/// <summary>Where a restarted pipeline continues: the next particle id and the next command sequence number.</summary>
/// <param name="NextParticleId">The id the first particle gets.</param>
/// <param name="NextCommandSequence">The sequence number the first command gets.</param>
internal readonly record struct PipelineSeed(long NextParticleId, long NextCommandSequence);

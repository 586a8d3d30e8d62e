namespace SortLine.Pipeline.Particles;

/// <summary>Why <see cref="ParticleTracker"/> closed a particle.</summary>
public enum ParticleCloseReason
{
    /// <summary>A line passed with no foreground pixel connected to the particle: it ended normally.</summary>
    Ended = 0,

    /// <summary>The particle reached <see cref="ParticleOptions.MaxParticleLines"/> and was force-closed (something stuck in view).</summary>
    MaxLength = 1,

    /// <summary>More than <see cref="ParticleOptions.MaxGapLines"/> lines were missing (or the sequence restarted), so the particle could not be continued.</summary>
    Gap = 2,

    /// <summary>The stream stopped (<see cref="ParticleTracker.Flush"/>) while the particle was open.</summary>
    Flush = 3,
}

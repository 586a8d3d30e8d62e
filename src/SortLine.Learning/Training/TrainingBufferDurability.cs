namespace SortLine.Learning.Training;

/// <summary>What <see cref="TrainingBuffer.Append"/> has done with a record before it returns ("acknowledged").</summary>
public enum TrainingBufferDurability
{
    /// <summary>The record is written to the operating system (one write call): it survives a crash or kill of the
    /// process, not a power loss or kernel crash.</summary>
    FlushToOperatingSystem = 0,

    /// <summary>The record is written and fsynced: it survives a power loss. Slowest.</summary>
    FsyncEachRecord = 1,

    /// <summary>The record is written to the operating system, and every <see cref="TrainingBufferOptions.FsyncInterval"/>-th
    /// append also fsyncs: a process crash loses nothing, a power loss at most the last N − 1 records.</summary>
    FsyncEveryN = 2,
}

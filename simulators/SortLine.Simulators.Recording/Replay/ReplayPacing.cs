namespace SortLine.Simulators.Recording.Replay;

/// <summary>How fast a replayer delivers samples.</summary>
public enum ReplayPacing
{
    /// <summary>At the recorded pace: sample k is delivered (t_k − t_0) after the first, from the recorded timestamps
    /// (or at the nominal rate when the recording has none).</summary>
    RecordedPace = 0,

    /// <summary>The recorded pace sped up by <see cref="ReplayOptions.SpeedFactor"/> (2 = twice as fast).</summary>
    Accelerated = 1,

    /// <summary>No waiting: the next sample as soon as the consumer asks.</summary>
    AsFastAsPossible = 2,
}

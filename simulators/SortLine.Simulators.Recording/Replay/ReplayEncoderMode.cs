namespace SortLine.Simulators.Recording.Replay;

/// <summary>Which encoder position a replayed sample carries.</summary>
public enum ReplayEncoderMode
{
    /// <summary>The recorded encoder counts (on each loop shifted forward so positions keep increasing). A recording
    /// without stamps falls back to <see cref="Synthetic"/>.</summary>
    Recorded = 0,

    /// <summary><see cref="ReplayOptions.EncoderOrigin"/> + n × <see cref="ReplayOptions.CountsPerSample"/> for the n-th
    /// sample (n counts delivered and dropped samples from 0).</summary>
    Synthetic = 1,
}

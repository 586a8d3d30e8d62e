namespace SortLine.Simulators.Recording.Envi;

/// <summary>The custom header fields of a SortLine SWIR recording (see docs/recording-formats.md).</summary>
internal static class SortLineEnviFields
{
    /// <summary>Format version of the recording (1).</summary>
    public const string Version = "sortline recording version";

    /// <summary><c>open</c> while recording, <c>closed</c> after a clean close.</summary>
    public const string State = "sortline state";

    /// <summary>File name (same folder) of the per-line stamps sidecar.</summary>
    public const string StampsFile = "sortline stamps file";

    /// <summary>Ticks per second of the recorded timestamps.</summary>
    public const string TimestampFrequency = "sortline timestamp frequency";

    /// <summary>The camera's nominal line rate, lines per second.</summary>
    public const string LineRate = "sortline line rate";

    /// <summary>The detector bit depth.</summary>
    public const string BitDepth = "sortline bit depth";

    /// <summary>Value of <see cref="State"/> while the recorder is writing.</summary>
    public const string StateOpen = "open";

    /// <summary>Value of <see cref="State"/> after a clean close.</summary>
    public const string StateClosed = "closed";

    /// <summary>Bytes per record of the stamps sidecar: sequence, encoder counts, timestamp, each int64 LE.</summary>
    public const int StampRecordBytes = 24;
}

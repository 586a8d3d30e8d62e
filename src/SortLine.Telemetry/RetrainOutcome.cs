namespace SortLine.Telemetry;

/// <summary>How a retraining run of the student ended (label <c>outcome</c>).</summary>
public enum RetrainOutcome
{
    /// <summary>A new model was trained, validated and activated (label <c>succeeded</c>).</summary>
    Succeeded = 0,

    /// <summary>A model was trained but not activated because it did not beat the active one (label <c>rejected</c>).</summary>
    Rejected = 1,

    /// <summary>The run failed (exception, too few labelled samples, timeout) (label <c>failed</c>).</summary>
    Failed = 2,
}

namespace SortLine.Learning.Retraining;

/// <summary>What one retrain did.</summary>
public enum RetrainingOutcome
{
    /// <summary>The challenger was registered and promoted to champion (it beat the champion by the margin, or there was none).</summary>
    Promoted = 0,

    /// <summary>The challenger was registered and rejected: it did not beat the champion by the margin.</summary>
    Rejected = 1,

    /// <summary>Nothing was trained: no teacher yet, or too few pairs in the window.</summary>
    Skipped = 2,

    /// <summary>The retrain failed (the reason names the exception); the champion is unchanged.</summary>
    Failed = 3,

    /// <summary>The session shut down during the retrain; the champion is unchanged.</summary>
    Canceled = 4,

    /// <summary>
    /// The challenger was registered but not promoted: an operator changed the champion (rollback) while it was being
    /// trained, and the operator's choice stands. It stays a candidate that an operator may promote later.
    /// </summary>
    Superseded = 5,
}

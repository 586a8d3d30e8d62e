namespace SortLine.Learning.Registry;

/// <summary>Where a model version stands in the registry.</summary>
public enum ModelStatus
{
    /// <summary>Registered, not (yet) promoted.</summary>
    Candidate = 0,

    /// <summary>The model the line runs. At most one version is champion.</summary>
    Champion = 1,

    /// <summary>A former champion, displaced by a promotion or rolled back; may be promoted again.</summary>
    Retired = 2,

    /// <summary>A candidate that failed its check against the champion (or was refused by an operator).</summary>
    Rejected = 3,
}

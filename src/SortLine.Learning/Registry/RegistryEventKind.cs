namespace SortLine.Learning.Registry;

/// <summary>What happened in a registry history entry.</summary>
public enum RegistryEventKind
{
    /// <summary>A candidate was registered.</summary>
    Registered = 0,

    /// <summary>A version became champion (after a retrain, or by an operator).</summary>
    Promoted = 1,

    /// <summary>A candidate was rejected.</summary>
    Rejected = 2,

    /// <summary>The champion was rolled back to the previous champion.</summary>
    RolledBack = 3,

    /// <summary>The index was rebuilt from the model files.</summary>
    Rebuilt = 4,
}

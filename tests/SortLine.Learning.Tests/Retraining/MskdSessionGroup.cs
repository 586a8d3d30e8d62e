namespace SortLine.Learning.Tests.Retraining;

/// <summary>
/// The session tests retrain on background threads and allocate heavily; they run alone (not in parallel with other
/// classes) so that they do not disturb the allocation-free assertions of other tests (GC activity on other threads).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MskdSessionGroup
{
    public const string Name = "MSKD session";
}

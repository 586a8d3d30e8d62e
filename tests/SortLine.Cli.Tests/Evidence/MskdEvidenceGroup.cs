namespace SortLine.Cli.Tests.Evidence;

/// <summary>The evidence run is shared by every test class of the collection (it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class MskdEvidenceGroup : ICollectionFixture<MskdEvidenceFixture>
{
    public const string Name = "MSKD evidence";
}

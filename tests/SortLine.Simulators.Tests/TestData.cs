using SortLine.Simulators.Library;

namespace SortLine.Simulators.Tests;

/// <summary>The repository's real data, loaded once per test run.</summary>
public static class TestData
{
    private static readonly Lazy<MineralLibrary> LazyLibrary = new(() => MineralLibrary.Load(DataDirectory.Locate()));

    public static MineralLibrary Library => LazyLibrary.Value;
}

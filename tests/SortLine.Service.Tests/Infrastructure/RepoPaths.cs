namespace SortLine.Service.Tests.Infrastructure;

/// <summary>Finds files of the repository (config/, deploy/) from the test output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "SortLine.sln")))
            {
                return d.FullName;
            }
        }

        throw new InvalidOperationException("SortLine.sln not found above " + AppContext.BaseDirectory);
    }
}

namespace SortLine.Simulators.Library;

/// <summary>Finds the repository's <c>data/</c> folder (USGS reflectance spectra, NIST line lists).</summary>
public static class DataDirectory
{
    /// <summary>
    /// Returns <paramref name="explicitPath"/> when given, else walks up from <see cref="AppContext.BaseDirectory"/>
    /// to the first folder that holds <c>SortLine.sln</c> and returns its <c>data</c> subfolder.
    /// </summary>
    /// <param name="explicitPath">A data folder chosen by the caller (configuration), or null to search.</param>
    /// <returns>The full path of the data folder.</returns>
    /// <exception cref="DirectoryNotFoundException">The explicit folder does not exist, or no repository root was found
    /// above the application's folder (the message names the folders searched).</exception>
    public static string Locate(string? explicitPath = null)
    {
        if (explicitPath is not null)
        {
            string full = Path.GetFullPath(explicitPath);
            if (!Directory.Exists(full))
            {
                throw new DirectoryNotFoundException($"The simulator data folder '{full}' does not exist.");
            }

            return full;
        }

        string start = AppContext.BaseDirectory;
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SortLine.sln")))
            {
                string data = Path.Combine(dir.FullName, "data");
                if (!Directory.Exists(data))
                {
                    throw new DirectoryNotFoundException($"The repository root '{dir.FullName}' has no 'data' folder.");
                }

                return data;
            }
        }

        throw new DirectoryNotFoundException(
            $"No folder holding SortLine.sln was found above '{start}'; pass the data folder explicitly (e.g. <repo>/data).");
    }
}

using System.Text.RegularExpressions;

namespace SortLine.Learning.Internal;

/// <summary>Model version ids double as file names in the registry, so they are restricted to a safe alphabet.</summary>
internal static partial class ModelVersionId
{
    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="version"/> is a valid version id.</summary>
    public static void Validate(string? version, string paramName)
    {
        ArgumentNullException.ThrowIfNull(version, paramName);
        if (!Pattern().IsMatch(version))
        {
            throw new ArgumentException(
                $"'{version}' is not a valid model version id (1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit).", paramName);
        }
    }

    /// <summary>Whether <paramref name="version"/> is a valid version id.</summary>
    public static bool IsValid(string? version) => version is not null && Pattern().IsMatch(version);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Operations;

/// <summary>tests/install-deps.sh installs every Debian package a test requires through <see cref="ExternalTool.Require"/>.</summary>
public sealed partial class InstallDepsTests
{
    [Fact]
    public void InstallDeps_ListsEveryPackageATestRequires()
    {
        string script = File.ReadAllText(RepoPaths.Combine("tests", "install-deps.sh"));
        int start = script.IndexOf("apt_packages=(", StringComparison.Ordinal);
        string array = script[start..script.IndexOf("\n)", start, StringComparison.Ordinal)];
        HashSet<string> listed = [.. AptPackageLine().Matches(array).Select(m => m.Groups[1].Value)];
        (string Tool, string Package)[] required =
        [
            .. Directory.EnumerateFiles(RepoPaths.Combine("tests"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(f => RequireCall().Matches(File.ReadAllText(f)))
                .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
                .Distinct(),
        ];

        Assert.Contains(("systemd-analyze", "systemd"), required);
        Assert.All(required, r => Assert.True(listed.Contains(r.Package), $"'{r.Tool}' needs the Debian package '{r.Package}', which tests/install-deps.sh does not install"));
    }

    // `  name   # comment` lines inside the apt_packages=( ... ) array.
    [GeneratedRegex(@"(?m)^\s{2}([a-z0-9][a-z0-9.+-]*)\s+#")]
    private static partial Regex AptPackageLine();

    [GeneratedRegex(@"ExternalTool\.Require\(""([^""]+)"",\s*""([^""]+)""\)")]
    private static partial Regex RequireCall();
}

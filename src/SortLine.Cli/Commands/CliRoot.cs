using System.CommandLine;
using Spectre.Console;

namespace SortLine.Cli.Commands;

/// <summary>The <c>sortline</c> command tree, built over a console so that the same tree runs in the process and in tests.</summary>
internal static class CliRoot
{
    /// <summary>Builds the root command with every subcommand.</summary>
    /// <param name="console">Where the commands write their tables.</param>
    /// <returns>The root command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="console"/> is null.</exception>
    public static RootCommand Create(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("SortLine command-line tools.");
        root.Subcommands.Add(MskdEvidenceCommand.Create(console));
        return root;
    }
}

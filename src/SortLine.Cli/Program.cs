using System.CommandLine;
using SortLine.Cli.Commands;

var root = new RootCommand("SortLine command-line tools.");
root.Subcommands.Add(MskdEvidenceCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);

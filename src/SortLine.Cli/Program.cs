using SortLine.Cli.Commands;
using Spectre.Console;

return await CliRoot.Create(AnsiConsole.Console).Parse(args).InvokeAsync().ConfigureAwait(false);

using System.CommandLine;
using System.Globalization;
using SortLine.Cli.Evidence;
using Spectre.Console;

namespace SortLine.Cli.Commands;

/// <summary><c>sortline mskd-evidence --seed 42 --lines 4000</c>: runs the MSKD chain on the simulated belt and prints the
/// teacher, student and PCA + k-means baseline accuracies against the simulator's ground truth, with confusion matrices.</summary>
internal static class MskdEvidenceCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="console">Where the tables are written (the process's console in <c>sortline</c>; a recording console in tests).</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="console"/> is null.</exception>
    public static Command Create(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var defaults = new MskdEvidenceOptions();
        var seed = new Option<long>("--seed") { Description = "Simulator master seed.", DefaultValueFactory = _ => defaults.Seed };
        var lines = new Option<int>("--lines") { Description = "Belt lines after calibration (670 lines/s).", DefaultValueFactory = _ => defaults.Lines };
        var rate = new Option<double>("--libs-rate") { Description = "LIBS shots per second.", DefaultValueFactory = _ => defaults.LibsPointRateHz };
        var training = new Option<double>("--training-fraction")
        {
            Description = "Share of the lines whose LIBS points train teacher and student; the rest are scored.",
            DefaultValueFactory = _ => defaults.TrainingFraction,
        };
        var command = new Command("mskd-evidence", "MSKD on the simulated belt: teacher vs student vs PCA + k-means, against ground truth.")
        {
            seed, lines, rate, training,
        };
        command.SetAction(async (parse, ct) =>
        {
            var options = new MskdEvidenceOptions
            {
                Seed = parse.GetValue(seed),
                Lines = parse.GetValue(lines),
                LibsPointRateHz = parse.GetValue(rate),
                TrainingFraction = parse.GetValue(training),
            };
            MskdEvidenceReport report = await console.Status().StartAsync("Running the simulated line…",
                _ => MskdEvidence.RunAsync(options, ct)).ConfigureAwait(false);
            Render(console, report, MskdEvidenceTable.From(report));
            return 0;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, MskdEvidenceReport report, MskdEvidenceTable table)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        console.MarkupLine(string.Create(c,
            $"[bold]MSKD evidence[/], seed {report.Options.Seed}, {report.Options.Lines} lines, LIBS {report.Options.LibsPointRateHz} Hz: {report.LibsPoints} shots, {report.LibsAccepted} accepted, {report.Pairs} pairs ({report.EdgePairs} edge), registration RMS {report.RegistrationRmsMm:F3} mm"));
        var summary = new Table().AddColumns("method", "samples", "accuracy", "balanced accuracy");
        foreach (MskdEvidenceRow row in table.Rows)
        {
            summary.AddRow(Markup.Escape(row.Method), row.Count.ToString(c), row.Accuracy.ToString("P2", c), row.BalancedAccuracy.ToString("P2", c));
        }

        console.Write(summary);
        console.MarkupLine(string.Create(c,
            $"Student {report.Champion.Version}: {table.StudentComponents} PLS components (CV over 1-{report.Champion.Provenance.CrossValidation.Count}); baseline: {table.BaselineComponents} principal components"));
        console.MarkupLine(string.Create(c,
            $"Held-out pixels: {report.Student.Count} pure ({report.GrainPixels} inside grains), {report.MixedPixelsExcluded} mixed excluded. Live teacher agreement {report.Agreement.Agreement:P2} over {report.Agreement.Count} pairs."));
        foreach (MskdEvidenceRow row in table.Rows)
        {
            var matrix = new Table { Title = new TableTitle(Markup.Escape(row.Method) + " — rows: truth, columns: predicted") };
            matrix.AddColumn("truth \\ predicted");
            foreach (string name in table.ClassNames)
            {
                matrix.AddColumn(name);
            }

            matrix.AddColumn("recall");
            for (int t = 0; t < table.ClassNames.Count; t++)
            {
                var cells = new List<string> { table.ClassNames[t] };
                for (int p = 0; p < table.ClassNames.Count; p++)
                {
                    cells.Add(row.Confusion[t, p].ToString(c));
                }

                cells.Add(double.IsNaN(row.Recall[t]) ? "-" : row.Recall[t].ToString("P1", c));
                matrix.AddRow(cells.ToArray());
            }

            console.Write(matrix);
        }
    }
}

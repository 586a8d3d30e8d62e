using System.CommandLine;
using System.Globalization;
using SortLine.Cli.Commands;
using SortLine.Cli.Evidence;
using Spectre.Console;
using Xunit.Abstractions;

namespace SortLine.Cli.Tests.Commands;

/// <summary>
/// <c>sortline mskd-evidence</c> run in process through the same command tree as the executable (System.CommandLine parses
/// the arguments, Spectre.Console renders into a recording console): a short run (600 lines, LIBS at 1 kHz so the teacher's
/// 300-point bootstrap and the student's pairs fit in the 450 training lines), then the printed tables are parsed back and
/// checked against each other: every printed accuracy, balanced accuracy and recall must be what the printed confusion
/// matrix gives, with the same rounding.
/// </summary>
public sealed class MskdEvidenceCommandTests(ITestOutputHelper output)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    [Fact]
    public async Task Invoke_ShortRun_PrintsConsistentTablesForTheThreeMethods()
    {
        using var writer = new StringWriter(C);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240; // no cell wraps, so one table row is one text line
        using var errors = new StringWriter(C);

        int exit = await CliRoot.Create(console)
            .Parse(["mskd-evidence", "--seed", "42", "--lines", "600", "--libs-rate", "1000", "--training-fraction", "0.75"])
            .InvokeAsync(new InvocationConfiguration { Error = errors });

        string text = writer.ToString();
        output.WriteLine(text);
        Assert.True(exit == 0, $"exit code {exit}: {errors}");
        Assert.Contains("seed 42, 600 lines, LIBS 1000 Hz", text, StringComparison.Ordinal);
        List<string[]> rows = TableRows(text);

        string[] header = rows[0];
        Assert.Equal(["method", "samples", "accuracy", "balanced accuracy"], header);
        string[][] summary = [.. rows.Skip(1).Take(3)];
        Assert.Equal([MskdEvidenceTable.TeacherMethod, MskdEvidenceTable.StudentMethod, MskdEvidenceTable.BaselineMethod], summary.Select(r => r[0]));

        // Then one confusion matrix per method: a header (truth \ predicted, the classes, recall) and one row per class.
        List<int> matrixHeaders = [.. Enumerable.Range(0, rows.Count).Where(i => rows[i][0] == "truth \\ predicted")];
        Assert.Equal(3, matrixHeaders.Count);
        string[] classes = rows[matrixHeaders[0]][1..^1];
        Assert.Equal(["lepidolite", "albite", "quartz", "muscovite", "background"], classes);
        for (int m = 0; m < 3; m++)
        {
            string[][] matrix = [.. rows.Skip(matrixHeaders[m] + 1).Take(classes.Length)];
            Assert.Equal(classes, matrix.Select(r => r[0]));
            long total = 0, correct = 0, present = 0;
            double recallSum = 0;
            for (int t = 0; t < classes.Length; t++)
            {
                long[] counts = [.. matrix[t][1..^1].Select(v => long.Parse(v, C))];
                long rowTotal = counts.Sum();
                total += rowTotal;
                correct += counts[t];
                string recall = rowTotal == 0 ? "-" : ((double)counts[t] / rowTotal).ToString("P1", C);
                Assert.Equal(recall, matrix[t][^1]);
                if (rowTotal > 0)
                {
                    recallSum += (double)counts[t] / rowTotal;
                    present++;
                }
            }

            Assert.Equal(total, long.Parse(summary[m][1], C));
            Assert.Equal(((double)correct / total).ToString("P2", C), summary[m][2]);
            Assert.Equal((recallSum / present).ToString("P2", C), summary[m][3]);
        }

        Assert.Equal(summary[1][1], summary[2][1]); // student and baseline are scored on the same held-out pixels
        Assert.True(Percent(summary[1][2]) >= 95, $"student accuracy {summary[1][2]}");
    }

    /// <summary>The cells of every table row in the text (border lines and text lines dropped), trimmed.</summary>
    private static List<string[]> TableRows(string text)
    {
        var rows = new List<string[]>();
        foreach (string line in text.Split('\n'))
        {
            string[] cells = line.TrimEnd('\r').Split('│', '|');
            if (cells.Length >= 3)
            {
                rows.Add([.. cells[1..^1].Select(c => c.Trim())]);
            }
        }

        return rows;
    }

    private static double Percent(string cell) => double.Parse(cell.Replace("%", string.Empty, StringComparison.Ordinal).Trim(), C);
}

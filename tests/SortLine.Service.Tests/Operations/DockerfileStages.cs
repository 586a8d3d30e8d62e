namespace SortLine.Service.Tests.Operations;

/// <summary>
/// A Dockerfile read as its build stages, each a list of instructions (continuation lines joined, comments dropped),
/// enough to check what a stage copies, sets and exposes without a Docker engine.
/// </summary>
internal sealed class DockerfileStages
{
    private DockerfileStages(IReadOnlyList<IReadOnlyList<(string Keyword, string Arguments)>> stages) => Stages = stages;

    /// <summary>Gets the stages in file order; each instruction is (upper-case keyword, arguments).</summary>
    public IReadOnlyList<IReadOnlyList<(string Keyword, string Arguments)>> Stages { get; }

    public IReadOnlyList<(string Keyword, string Arguments)> First => Stages[0];

    public IReadOnlyList<(string Keyword, string Arguments)> Last => Stages[^1];

    public static DockerfileStages Parse(string text)
    {
        var stages = new List<List<(string, string)>>();
        foreach (string instruction in LogicalLines(text))
        {
            int space = instruction.IndexOf(' ', StringComparison.Ordinal);
            string keyword = (space < 0 ? instruction : instruction[..space]).ToUpperInvariant();
            string arguments = space < 0 ? string.Empty : instruction[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                stages.Add([]);
            }

            if (stages.Count == 0)
            {
                continue; // ARG before the first FROM
            }

            stages[^1].Add((keyword, arguments));
        }

        return new DockerfileStages([.. stages]);
    }

    /// <summary>The source paths of a stage's COPY/ADD instructions from the build context (not <c>--from=</c>), normalised to <c>dir/sub</c>.</summary>
    public static IEnumerable<string> ContextSources(IEnumerable<(string Keyword, string Arguments)> stage)
    {
        foreach ((string keyword, string arguments) in stage.Where(i => i.Keyword is "COPY" or "ADD"))
        {
            string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            {
                continue;
            }

            string[] paths = [.. words.Where(w => !w.StartsWith("--", StringComparison.Ordinal))];
            foreach (string source in paths[..^1])
            {
                yield return Normalise(source);
            }
        }
    }

    /// <summary>
    /// A stage's COPY/ADD instructions from the build context as (normalised sources, absolute destination); a relative
    /// destination is resolved against the WORKDIR in force at that instruction.
    /// </summary>
    public static IEnumerable<(string[] Sources, string Destination)> ContextCopies(IEnumerable<(string Keyword, string Arguments)> stage)
    {
        string workdir = "/";
        foreach ((string keyword, string arguments) in stage)
        {
            if (keyword == "WORKDIR")
            {
                workdir = arguments.StartsWith('/') ? arguments : workdir.TrimEnd('/') + "/" + arguments;
                continue;
            }

            if (keyword is not ("COPY" or "ADD"))
            {
                continue;
            }

            string[] words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Any(w => w.StartsWith("--from=", StringComparison.Ordinal)))
            {
                continue;
            }

            string[] paths = [.. words.Where(w => !w.StartsWith("--", StringComparison.Ordinal))];
            string destination = paths[^1].StartsWith('/') ? paths[^1] : workdir.TrimEnd('/') + "/" + paths[^1];
            yield return ([.. paths[..^1].Select(Normalise)], Normalise(destination) is { Length: > 0 } d ? d : "/");
        }
    }

    /// <summary>The variables a stage's ENV instructions set (<c>KEY=value</c> form), last one winning.</summary>
    public static Dictionary<string, string> Environment(IEnumerable<(string Keyword, string Arguments)> stage)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((_, string arguments) in stage.Where(i => i.Keyword == "ENV"))
        {
            foreach (string pair in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    env[pair[..eq]] = pair[(eq + 1)..].Trim('"');
                }
            }
        }

        return env;
    }

    /// <summary>A path as the repository-relative form <c>dir/sub</c> (no leading <c>./</c>, no trailing slash).</summary>
    public static string Normalise(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p[2..];
        }

        return p.TrimEnd('/');
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new System.Text.StringBuilder();
        foreach (string raw in text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith('#'))
            {
                continue; // comments may sit inside a continued instruction, too
            }

            bool continues = line.EndsWith('\\');
            current.Append(continues ? line[..^1] : line).Append(' ');
            if (!continues)
            {
                string instruction = current.ToString().Trim();
                current.Clear();
                if (instruction.Length > 0)
                {
                    yield return instruction;
                }
            }
        }
    }
}

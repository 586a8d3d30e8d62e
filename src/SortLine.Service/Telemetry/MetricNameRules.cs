using System.Text.RegularExpressions;

namespace SortLine.Service.Telemetry;

/// <summary>The naming rules of style guide B8, checked for the whole catalogue when the service starts.</summary>
internal static partial class MetricNameRules
{
    /// <summary>Gets the subsystems a name may start with (after <c>sortline_</c>).</summary>
    /// <remarks><c>line</c> is the sorting line as a whole (its run state, as the PLC sees it), not one of its parts.</remarks>
    public static IReadOnlyList<string> Subsystems { get; } = ["swir", "libs", "pipeline", "sensor", "line", "learning", "opcua", "service"];

    /// <summary>Gets the base-unit suffixes a histogram name may end in.</summary>
    public static IReadOnlyList<string> HistogramUnits { get; } = ["_seconds", "_bytes", "_meters"];

    /// <summary>Gets the suffixes a gauge name may end in (a base unit, a ratio, a count noun or an info/state marker).</summary>
    public static IReadOnlyList<string> GaugeSuffixes { get; } =
        ["_seconds", "_bytes", "_meters", "_hertz", "_ratio", "_items", "_active", "_info", "_state"];

    /// <summary>Gets the label names allowed (all low cardinality; never ids, positions or sessions).</summary>
    public static IReadOnlyList<string> LabelNames { get; } = ["stage", "reason", "sensor", "state", "class", "outcome", "version", "condition", "line"];

    /// <summary>Returns what is wrong with an entry (empty when it follows the rules).</summary>
    public static IReadOnlyList<string> Check(MetricDescriptor metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var problems = new List<string>();
        string name = metric.Name;
        if (!NamePattern().IsMatch(name) || name.Contains("__", StringComparison.Ordinal) || name.EndsWith('_'))
        {
            problems.Add($"{name}: must match ^sortline_[a-z0-9_]+$ without '__' or a trailing '_'.");
        }

        string[] parts = name.Split('_');
        if (parts.Length < 3 || !Subsystems.Contains(parts[1]))
        {
            problems.Add($"{name}: the second word must be a subsystem ({string.Join(", ", Subsystems)}).");
        }

        switch (metric.Kind)
        {
            case MetricKind.Counter when !name.EndsWith("_total", StringComparison.Ordinal):
                problems.Add($"{name}: a counter ends in _total.");
                break;
            case MetricKind.Gauge when name.EndsWith("_total", StringComparison.Ordinal) || !GaugeSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)):
                problems.Add($"{name}: a gauge ends in one of {string.Join(", ", GaugeSuffixes)} and never in _total.");
                break;
            case MetricKind.Histogram when !HistogramUnits.Any(s => name.EndsWith(s, StringComparison.Ordinal)):
                problems.Add($"{name}: a histogram ends in a base unit ({string.Join(", ", HistogramUnits)}).");
                break;
            case MetricKind.Histogram when metric.Buckets.Count == 0 || !IsStrictlyIncreasingPositive(metric.Buckets):
                problems.Add($"{name}: histogram buckets must be positive and strictly increasing.");
                break;
        }

        foreach (string label in metric.LabelNames)
        {
            if (!LabelNames.Contains(label))
            {
                problems.Add($"{name}: label '{label}' is not one of the low-cardinality labels ({string.Join(", ", LabelNames)}).");
            }
        }

        if (metric.LabelNames.Distinct(StringComparer.Ordinal).Count() != metric.LabelNames.Count)
        {
            problems.Add($"{name}: duplicate label names.");
        }

        if (string.IsNullOrWhiteSpace(metric.Help))
        {
            problems.Add($"{name}: help text is required.");
        }

        return problems;
    }

    /// <summary>Throws when any entry breaks a rule or two entries share a name.</summary>
    /// <exception cref="InvalidOperationException">A rule is broken; the message lists every problem.</exception>
    public static void ThrowIfInvalid(IEnumerable<MetricDescriptor> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (MetricDescriptor m in catalogue)
        {
            problems.AddRange(Check(m));
            foreach (string series in m.SeriesNames)
            {
                if (!names.Add(series))
                {
                    problems.Add($"{series}: exported twice.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Metric catalogue breaks the naming rules: " + string.Join(" ", problems));
        }
    }

    private static bool IsStrictlyIncreasingPositive(IReadOnlyList<double> buckets)
    {
        for (int i = 0; i < buckets.Count; i++)
        {
            if (!(buckets[i] > 0) || (i > 0 && !(buckets[i] > buckets[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^sortline_[a-z0-9_]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

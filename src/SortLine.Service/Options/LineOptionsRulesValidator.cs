using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Cross-field rules of <see cref="LineOptions"/>: the latency budget must be physically possible.</summary>
internal sealed partial class LineOptionsRulesValidator : IValidateOptions<LineOptions>
{
    private const string Prefix = LineOptions.SectionName + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!(options.LatencyBudgetMilliseconds > options.ValveLatencyMilliseconds))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LineOptions.LatencyBudgetMilliseconds)} ({options.LatencyBudgetMilliseconds} ms) must be greater than {Prefix}{nameof(LineOptions.ValveLatencyMilliseconds)} ({options.ValveLatencyMilliseconds} ms)."));
        }

        // A small tolerance: 150 mm at 3 m/s is 50 ms, which should validate despite rounding in the division.
        double travel = options.TravelTimeMilliseconds;
        if (options.LatencyBudgetMilliseconds > travel * (1 + 1e-9))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LineOptions.LatencyBudgetMilliseconds)} ({options.LatencyBudgetMilliseconds} ms) must be at most the belt travel time to the valves ({Prefix}{nameof(LineOptions.ScanToValveDistanceMillimeters)} / {Prefix}{nameof(LineOptions.BeltSpeedMetersPerSecond)} = {travel:G6} ms)."));
        }

        double decisionLimit = options.LatencyBudgetMilliseconds - options.ValveLatencyMilliseconds;
        if (options.DecisionBudgetMilliseconds > decisionLimit)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LineOptions.DecisionBudgetMilliseconds)} ({options.DecisionBudgetMilliseconds} ms) must be at most {Prefix}{nameof(LineOptions.LatencyBudgetMilliseconds)} - {Prefix}{nameof(LineOptions.ValveLatencyMilliseconds)} ({decisionLimit:G6} ms)."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < options.Classes.Count; i++)
        {
            string c = options.Classes[i];
            if (c is null || !ClassNamePattern().IsMatch(c) || c == "unknown")
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{Prefix}{nameof(LineOptions.Classes)}:{i} ('{c}') must match ^[a-z][a-z0-9_]{{0,31}}$ and must not be 'unknown' (reserved)."));
            }
            else if (!seen.Add(c))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{Prefix}{nameof(LineOptions.Classes)}:{i} ('{c}') is listed twice."));
            }
        }

        if (options.Classes.Count is 1 or > 32)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(LineOptions.Classes)} must list 2 to 32 classes (has {options.Classes.Count})."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClassNamePattern();
}

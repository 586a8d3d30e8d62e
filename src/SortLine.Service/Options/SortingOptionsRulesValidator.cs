using System.Globalization;
using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Cross-field rules of <see cref="SortingOptions"/>: a valid Savitzky-Golay plan and ordered reconnect delays.</summary>
internal sealed class SortingOptionsRulesValidator : IValidateOptions<SortingOptions>
{
    private const string Prefix = SortingOptions.SectionName + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, SortingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SavitzkyGolayWindow % 2 == 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(SortingOptions.SavitzkyGolayWindow)} ({options.SavitzkyGolayWindow}) must be odd."));
        }

        if (options.SavitzkyGolayWindow <= options.SavitzkyGolayOrder)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(SortingOptions.SavitzkyGolayWindow)} ({options.SavitzkyGolayWindow}) must be greater than {Prefix}{nameof(SortingOptions.SavitzkyGolayOrder)} ({options.SavitzkyGolayOrder})."));
        }

        if (options.ReconnectMaxDelayMilliseconds < options.ReconnectInitialDelayMilliseconds)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Prefix}{nameof(SortingOptions.ReconnectMaxDelayMilliseconds)} ({options.ReconnectMaxDelayMilliseconds}) must be at least {Prefix}{nameof(SortingOptions.ReconnectInitialDelayMilliseconds)} ({options.ReconnectInitialDelayMilliseconds})."));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

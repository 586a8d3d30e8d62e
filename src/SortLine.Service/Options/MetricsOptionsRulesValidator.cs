using System.Net;
using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Cross-field rules of <see cref="MetricsOptions"/>: a parseable address and three distinct paths.</summary>
internal sealed class MetricsOptionsRulesValidator : IValidateOptions<MetricsOptions>
{
    private const string Prefix = MetricsOptions.SectionName + ":";

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BindAddress is not null && !IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{Prefix}{nameof(MetricsOptions.BindAddress)} ('{options.BindAddress}') must be an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0.");
        }

        if (string.Equals(options.MetricsPath, options.LivenessPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.MetricsPath, options.ReadinessPath, StringComparison.OrdinalIgnoreCase)
            || string.Equals(options.LivenessPath, options.ReadinessPath, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{Prefix}{nameof(MetricsOptions.MetricsPath)}, {Prefix}{nameof(MetricsOptions.LivenessPath)} and {Prefix}{nameof(MetricsOptions.ReadinessPath)} must differ ('{options.MetricsPath}', '{options.LivenessPath}', '{options.ReadinessPath}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Cross-field rules for <see cref="EjectionOptions"/>.</summary>
/// <remarks>
/// Rules: the minimum pulse is positive; the valve bank (count × pitch) covers the belt width; the scan-to-valve
/// distance exceeds what the belt travels during the valve latency plus the command lead at the maximum belt speed (otherwise no particle could ever be ejected in time).
/// </remarks>
public sealed class EjectionOptionsConsistencyValidator : IValidateOptions<EjectionOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, EjectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MinimumPulse <= TimeSpan.Zero)
        {
            failures.Add($"MinimumPulse {options.MinimumPulse} must be positive.");
        }

        double bankWidthMm = options.ValveCount * options.ValvePitchMm;
        if (bankWidthMm < options.BeltWidthMm)
        {
            failures.Add($"The valve bank ({options.ValveCount} x {options.ValvePitchMm} mm = {bankWidthMm} mm) does not cover the belt width {options.BeltWidthMm} mm.");
        }

        double reactionMm = (options.ValveLatency + options.CommandLead).TotalSeconds * options.MaxBeltSpeedMetersPerSecond * 1000.0;
        if (!(options.ScanToValveDistanceMm > reactionMm + options.PreMarginMm))
        {
            failures.Add($"ScanToValveDistanceMm {options.ScanToValveDistanceMm} must exceed the travel during valve latency plus command lead at {options.MaxBeltSpeedMetersPerSecond} m/s ({reactionMm} mm) plus PreMarginMm {options.PreMarginMm}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

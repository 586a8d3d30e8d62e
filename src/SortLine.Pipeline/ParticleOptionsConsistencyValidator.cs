using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Cross-field rules for <see cref="ParticleOptions"/> that data annotations cannot express.</summary>
/// <remarks>
/// Rules: the reject class is a foreground class id below <see cref="ParticleOptions.ClassCount"/>; every target
/// class is a foreground class id below <see cref="ParticleOptions.ClassCount"/>, listed once, and not the reject
/// class.
/// </remarks>
public sealed class ParticleOptionsConsistencyValidator : IValidateOptions<ParticleOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ParticleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RejectClass == 0 || options.RejectClass >= options.ClassCount)
        {
            failures.Add($"RejectClass {options.RejectClass} must be -1 or a foreground class id in [1, {options.ClassCount - 1}].");
        }

        if (options.TargetClasses is { } targets)
        {
            for (int i = 0; i < targets.Length; i++)
            {
                int target = targets[i];
                if (target < 1 || target >= options.ClassCount)
                {
                    failures.Add($"TargetClasses[{i}] = {target} must be a foreground class id in [1, {options.ClassCount - 1}].");
                }
                else if (target == options.RejectClass)
                {
                    failures.Add($"TargetClasses[{i}] = {target} is the reject class; use Reject = Eject to eject unknown material.");
                }

                if (Array.IndexOf(targets, target) != i)
                {
                    failures.Add($"TargetClasses[{i}] = {target} is listed twice.");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

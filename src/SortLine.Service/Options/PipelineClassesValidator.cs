using Microsoft.Extensions.Options;
using SortLine.Pipeline;
using SortLine.Service.Line;

namespace SortLine.Service.Options;

/// <summary>
/// Validates <see cref="ParticleOptions"/> against <see cref="LineOptions.Classes"/> (<see cref="PipelineClasses.Check"/>):
/// the class ids the particle rules count must be the configured classes, so the host refuses to start when they differ.
/// </summary>
internal sealed class PipelineClassesValidator(IOptions<LineOptions> line) : IValidateOptions<ParticleOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ParticleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = PipelineClasses.Check(line.Value, options, out _);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

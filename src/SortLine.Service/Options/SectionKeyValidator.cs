using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>
/// Runs a source-generated validator and rewrites its member names (<c>LineOptions.BeltSpeedMetersPerSecond</c>)
/// as configuration keys (<c>SortLine:Line:BeltSpeedMetersPerSecond</c>), so an operator sees the key to fix.
/// </summary>
/// <remarks>
/// Needed because the generated <c>[Range]</c> check ignores a custom <c>ErrorMessage</c> and always writes
/// "The field LineOptions.X must be between A and B." (Microsoft.Extensions.Options.SourceGeneration 10.0).
/// </remarks>
internal sealed class SectionKeyValidator<TOptions>(IValidateOptions<TOptions> inner, string sectionName) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ValidateOptionsResult result = inner.Validate(name, options);
        if (!result.Failed || result.Failures is null)
        {
            return result;
        }

        string typePrefix = typeof(TOptions).Name + ".";
        return ValidateOptionsResult.Fail(result.Failures.Select(f => f.Replace(typePrefix, sectionName + ":", StringComparison.Ordinal)));
    }
}

using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>
/// Runs a hand-written cross-field validator of another project (which does not know the configuration) and prefixes
/// each failure with the section, e.g. <c>SortLine:Particles: RejectClass 9 must be ...</c>, so the operator sees where to look.
/// </summary>
internal sealed class SectionPrefixValidator<TOptions>(IValidateOptions<TOptions> inner, string sectionName) : IValidateOptions<TOptions>
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

        return ValidateOptionsResult.Fail(result.Failures.Select(f => f.StartsWith(sectionName, StringComparison.Ordinal) ? f : sectionName + ": " + f));
    }
}

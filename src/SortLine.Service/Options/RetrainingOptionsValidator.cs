using Microsoft.Extensions.Options;
using SortLine.Learning.Retraining;

namespace SortLine.Service.Options;

/// <summary>Validates <c>SortLine:Learning:Retraining</c> at start (<see cref="RetrainingOptions.Validate"/>), naming the section.</summary>
internal sealed class RetrainingOptionsValidator : IValidateOptions<RetrainingOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, RetrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(RetrainingOptions.SectionName + ": " + ex.Message);
        }
    }
}

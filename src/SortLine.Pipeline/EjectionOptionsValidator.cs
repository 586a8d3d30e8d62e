using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Source-generated validation of the <see cref="EjectionOptions"/> data annotations.</summary>
[OptionsValidator]
public sealed partial class EjectionOptionsValidator : IValidateOptions<EjectionOptions>
{
}

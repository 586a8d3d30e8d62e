using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Source-generated validation of the <see cref="ClassificationOptions"/> data annotations.</summary>
[OptionsValidator]
public sealed partial class ClassificationOptionsValidator : IValidateOptions<ClassificationOptions>
{
}

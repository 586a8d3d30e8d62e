using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Range checks of <see cref="LearningOptions"/> (source-generated from the data annotations).</summary>
[OptionsValidator]
internal sealed partial class LearningOptionsValidator : IValidateOptions<LearningOptions>
{
}

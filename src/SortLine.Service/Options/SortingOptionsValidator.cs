using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Range checks of <see cref="SortingOptions"/> (source-generated from the data annotations).</summary>
[OptionsValidator]
internal sealed partial class SortingOptionsValidator : IValidateOptions<SortingOptions>
{
}

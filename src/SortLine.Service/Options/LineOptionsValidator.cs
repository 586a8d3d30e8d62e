using Microsoft.Extensions.Options;

namespace SortLine.Service.Options;

/// <summary>Range and format checks of <see cref="LineOptions"/> (source-generated from the data annotations).</summary>
[OptionsValidator]
internal sealed partial class LineOptionsValidator : IValidateOptions<LineOptions>
{
}

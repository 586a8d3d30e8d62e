using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Source-generated validation of the <see cref="PipelineOptions"/> data annotations.</summary>
[OptionsValidator]
public sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>
{
}

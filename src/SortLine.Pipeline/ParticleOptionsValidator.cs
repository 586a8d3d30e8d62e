using Microsoft.Extensions.Options;

namespace SortLine.Pipeline;

/// <summary>Source-generated validation of the <see cref="ParticleOptions"/> data annotations.</summary>
[OptionsValidator]
public sealed partial class ParticleOptionsValidator : IValidateOptions<ParticleOptions>
{
}

using Microsoft.Extensions.Options;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Integration;

/// <summary>The line's settings are validated at start: a bad value stops the service with the key named.</summary>
public sealed class LineConfigurationTests
{
    [Theory]
    [InlineData("SortLine:Particles:MinParticlePixels", "0", "SortLine:Particles:MinParticlePixels")]
    [InlineData("SortLine:Ejection:ValveCount", "10", "SortLine:Ejection")]
    [InlineData("SortLine:Sorting:SavitzkyGolayWindow", "10", "SortLine:Sorting:SavitzkyGolayWindow")]
    [InlineData("SortLine:Sorting:ClassificationWorkers", "0", "SortLine:Sorting:ClassificationWorkers")]
    [InlineData("SortLine:Simulator:LineRateHz", "0", "SortLine:Simulator:LineRateHz")]
    [InlineData("SortLine:Learning:TeacherPoints", "1", "SortLine:Learning:TeacherPoints")]
    [InlineData("SortLine:OpcUa:Port", "70000", "SortLine:OpcUa")]
    public async Task Start_InvalidLineSetting_RefusedWithTheKey(string key, string value, string named)
    {
        (Microsoft.AspNetCore.Builder.WebApplication app, TempDirectory? root) = TestServiceHost.Build(new Dictionary<string, string?> { [key] = value }, useRepositoryConfig: true);
        await using (app)
        {
            OptionsValidationException ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
            Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        }

        root?.Dispose();
    }
}

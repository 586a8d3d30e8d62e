using Microsoft.Extensions.Options;
using SortLine.Service.Options;

namespace SortLine.Service.Tests.Options;

public sealed class SortingOptionsValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Validate_ClassificationWorkersOutOfRange_NamesKeyAndRange(int workers)
    {
        var o = new SortingOptions { ClassificationWorkers = workers };

        ValidateOptionsResult r = new SectionKeyValidator<SortingOptions>(new SortingOptionsValidator(), SortingOptions.SectionName).Validate(null, o);

        Assert.True(r.Failed);
        Assert.Contains("The field SortLine:Sorting:ClassificationWorkers must be between 1 and 64.", r.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    public void Validate_ClassificationWorkersInRange_Succeeds(int workers)
    {
        var o = new SortingOptions { ClassificationWorkers = workers };

        Assert.True(new SortingOptionsValidator().Validate(null, o).Succeeded);
    }
}

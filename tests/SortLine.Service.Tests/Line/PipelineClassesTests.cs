using Microsoft.Extensions.Options;
using SortLine.Pipeline;
using SortLine.Service.Line;
using SortLine.Service.Options;

namespace SortLine.Service.Tests.Line;

public sealed class PipelineClassesTests
{
    private static LineOptions Line(params string[] classes)
    {
        var options = new LineOptions();
        foreach (string c in classes)
        {
            options.Classes.Add(c);
        }

        return options;
    }

    [Fact]
    public void Create_DefaultConfiguration_BackgroundMineralsUnknown()
    {
        PipelineClasses classes = PipelineClasses.Create(Line([.. LineOptions.DefaultClasses]), new ParticleOptions());

        Assert.Equal(["background", "lepidolite", "albite", "quartz", "muscovite", "unknown"], classes.Names);
    }

    [Fact]
    public void Create_OtherClassesAndNoReject_NamesFollowTheConfiguration()
    {
        PipelineClasses classes = PipelineClasses.Create(Line("spodumene", "quartz", "background"), new ParticleOptions { ClassCount = 3, RejectClass = -1 });

        Assert.Equal(["background", "spodumene", "quartz"], classes.Names);
    }

    [Fact]
    public void Create_ClassCountDisagrees_ThrowsNamingTheKeys()
    {
        OptionsValidationException ex = Assert.Throws<OptionsValidationException>(() =>
            PipelineClasses.Create(Line("spodumene", "quartz"), new ParticleOptions { ClassCount = 6, RejectClass = 5 }));

        Assert.Equal(typeof(ParticleOptions), ex.OptionsType);
        Assert.Contains("SortLine:Particles:ClassCount (6) must be 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SortLine:Particles:RejectClass (5) must be 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_Disagreement_Fails()
    {
        var validator = new PipelineClassesValidator(Microsoft.Extensions.Options.Options.Create(Line("spodumene", "quartz", "albite", "muscovite", "lepidolite")));

        Assert.True(validator.Validate(null, new ParticleOptions()).Failed);
        Assert.True(validator.Validate(null, new ParticleOptions { ClassCount = 7, RejectClass = 6 }).Succeeded);
    }
}

using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using SortLine.Service.Options;
using SortLine.Service.Tests.Infrastructure;

namespace SortLine.Service.Tests.Options;

/// <summary>config/appsettings.json lists every option at its documented (code) default.</summary>
public sealed class AppSettingsTests
{
    private static readonly IConfiguration Config = new ConfigurationBuilder()
        .AddJsonFile(RepoPaths.Combine("config", "appsettings.json"), optional: false, reloadOnChange: false).Build();

    public static TheoryData<string, string> ScalarOptions()
    {
        var data = new TheoryData<string, string>();
        foreach ((Type type, string section, object defaults) in new (Type, string, object)[]
        {
            (typeof(LineOptions), LineOptions.SectionName, new LineOptions()),
            (typeof(MetricsOptions), MetricsOptions.SectionName, new MetricsOptions()),
            (typeof(SimulatorOptions), SimulatorOptions.SectionName, new SimulatorOptions()),
            (typeof(SortingOptions), SortingOptions.SectionName, new SortingOptions()),
            (typeof(LearningOptions), LearningOptions.SectionName, new LearningOptions()),
        })
        {
            foreach (PropertyInfo p in type.GetProperties().Where(p => p.CanWrite))
            {
                data.Add(section + ":" + p.Name, Convert.ToString(p.GetValue(defaults), CultureInfo.InvariantCulture)!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ScalarOptions))]
    public void AppSettings_Option_IsListedAtItsDefault(string key, string expected)
    {
        string? actual = Config[key];

        Assert.NotNull(actual);
        if (double.TryParse(expected, CultureInfo.InvariantCulture, out double e))
        {
            Assert.Equal(e, double.Parse(actual, CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void AppSettings_Classes_AreTheDefaultClasses() =>
        Assert.Equal(LineOptions.DefaultClasses, Config.GetSection("SortLine:Line:Classes").Get<string[]>());

    [Fact]
    public void EnvironmentVariable_UpperCaseDoubleUnderscore_MapsToTheSortLineKey()
    {
        // A key no option reads, so hosts started by other tests in parallel are unaffected.
        Environment.SetEnvironmentVariable("SORTLINE__TESTPROBE__BELTSPEEDMETERSPERSECOND", "2.5");
        try
        {
            IConfiguration c = new ConfigurationBuilder().AddEnvironmentVariables().Build();

            Assert.Equal("2.5", c["SortLine:TestProbe:BeltSpeedMetersPerSecond"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SORTLINE__TESTPROBE__BELTSPEEDMETERSPERSECOND", null);
        }
    }
}

using Microsoft.Extensions.Configuration;
using SortLine.Service.Hosting;

namespace SortLine.Service.Tests.Hosting;

public sealed class ConfigurationReportTests
{
    private static IConfiguration Config() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["SortLine:Line:LineId"] = "line-2",
        ["SortLine:OpcUa:Users:0:Name"] = "plc",
        ["SortLine:OpcUa:Users:0:PasswordHash"] = "$argon2id$v=19$abc",
        ["SortLine:Learning:Registry:ClientSecret"] = "s3cr3t",
        ["SortLine:Learning:ApiToken"] = "tok",
        ["Other:Password"] = "outside",
    }).Build();

    [Theory]
    [InlineData("SortLine:OpcUa:Users:0:PasswordHash")]
    [InlineData("SortLine:Learning:Registry:ClientSecret")]
    [InlineData("SortLine:Learning:ApiToken")]
    public void Create_SecretKey_IsRedacted(string key) =>
        Assert.Equal(ConfigurationReport.Redacted, ConfigurationReport.Create(Config(), "SortLine")[key]);

    [Fact]
    public void Create_PlainKey_KeepsValue()
    {
        Dictionary<string, string?> report = ConfigurationReport.Create(Config(), "SortLine");

        Assert.Equal("line-2", report["SortLine:Line:LineId"]);
        Assert.Equal("plc", report["SortLine:OpcUa:Users:0:Name"]);
    }

    [Fact]
    public void Create_OtherSection_IsNotIncluded() =>
        Assert.DoesNotContain("Other:Password", ConfigurationReport.Create(Config(), "SortLine").Keys);

    [Fact]
    public void Create_NoSecretValueAnywhere()
    {
        string all = string.Join(";", ConfigurationReport.Create(Config(), "SortLine", "Other").Values);

        Assert.DoesNotContain("s3cr3t", all, StringComparison.Ordinal);
        Assert.DoesNotContain("argon2id", all, StringComparison.Ordinal);
        Assert.DoesNotContain("outside", all, StringComparison.Ordinal);
    }
}

using SortLine.OpcUa.Server;
using SortLine.OpcUa.Sessions;

namespace SortLine.OpcUa.Tests.Server;

public sealed class OpcUaServerOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        new OpcUaServerOptions().Validate();
    }

    [Fact]
    public void Validate_AnonymousOffWithoutUsers_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new OpcUaServerOptions { AllowAnonymous = false }.Validate());

        Assert.Contains("anonymous", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_PlainPassword_Throws()
    {
        var options = new OpcUaServerOptions();
        options.Users.Add(new OpcUaUserAccount("op", "secret"));

        Assert.Throws<ArgumentException>(options.Validate);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Validate_MaxSessionsBelowTwo_Throws(int maxSessions)
    {
        Assert.Throws<ArgumentException>(() => new OpcUaServerOptions { MaxSessions = maxSessions }.Validate());
    }

    [Fact]
    public void Validate_SmallBuffers_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OpcUaServerOptions { ReceiveBufferSize = 4096 }.Validate());
    }

    [Fact]
    public void Validate_BadBindAddress_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OpcUaServerOptions { BindAddress = "localhost" }.Validate());
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SortLine.Service.Hosting;

namespace SortLine.Service.Tests.Infrastructure;

/// <summary>The real service host, started in-process on 127.0.0.1 with an ephemeral port.</summary>
internal sealed class TestServiceHost : IAsyncDisposable
{
    private readonly TempDirectory? _contentRoot;

    private TestServiceHost(WebApplication app, TempDirectory? contentRoot)
    {
        App = app;
        _contentRoot = contentRoot;
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Builds the host without starting it (for start-up failure tests).</summary>
    /// <param name="settings">Configuration overrides.</param>
    /// <param name="useRepositoryConfig">Read the appsettings.json copied from config/ (else an empty content root).</param>
    public static (WebApplication App, TempDirectory? ContentRoot) Build(IDictionary<string, string?> settings, bool useRepositoryConfig = false)
    {
        TempDirectory? root = useRepositoryConfig ? null : new TempDirectory();
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SortLine:Metrics:BindAddress"] = "127.0.0.1",
            ["SortLine:Metrics:Port"] = "0",
            ["SortLine:OpcUa:Port"] = "0",
            ["SortLine:Sorting:Enabled"] = "false", // host tests; the line tests (Integration/) switch it on
        };
        foreach (KeyValuePair<string, string?> kv in settings)
        {
            all[kv.Key] = kv.Value;
        }

        WebApplication app = SortLineHost.Build([], root?.Path ?? AppContext.BaseDirectory, b => b.Configuration.AddInMemoryCollection(all));
        return (app, root);
    }

    public static async Task<TestServiceHost> StartAsync(IDictionary<string, string?>? settings = null, bool useRepositoryConfig = false)
    {
        (WebApplication app, TempDirectory? root) = Build(settings ?? new Dictionary<string, string?>(), useRepositoryConfig);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await app.StartAsync(cts.Token);
        return new TestServiceHost(app, root);
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await App.StopAsync(cts.Token);
        await App.DisposeAsync();
        _contentRoot?.Dispose();
    }
}

namespace SortLine.OpcUa.AddressSpace;

/// <summary>The configuration after an accepted client write (or a host update).</summary>
/// <param name="configuration">The new configuration.</param>
public sealed class SortLineConfigurationChangedEventArgs(SortLineConfiguration configuration) : EventArgs
{
    /// <summary>The new configuration.</summary>
    public SortLineConfiguration Configuration { get; } = configuration;
}

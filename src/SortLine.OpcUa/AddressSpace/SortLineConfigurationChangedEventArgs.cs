namespace SortLine.OpcUa.AddressSpace;

/// <summary>The configuration after an accepted client write (or a host update).</summary>
/// <param name="configuration">The new configuration.</param>
/// <param name="writer">The client whose write changed it, or null for a host update (<see cref="SortLineNodeSet.SetConfiguration"/>).</param>
public sealed class SortLineConfigurationChangedEventArgs(SortLineConfiguration configuration, VariableWriter? writer = null) : EventArgs
{
    /// <summary>The new configuration.</summary>
    public SortLineConfiguration Configuration { get; } = configuration;

    /// <summary>The client whose write changed it (its user name, null when anonymous), or null for a host update.</summary>
    public VariableWriter? Writer { get; } = writer;
}

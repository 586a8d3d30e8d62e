using SortLine.OpcUa.AddressSpace;
using SortLine.OpcUa.Encoding;
using SortLine.Pipeline.Particles;

namespace SortLine.Service.Workers;

/// <summary>
/// The writable configuration of the PLC link (<c>Line/Configuration</c>) bound to the running pipeline's
/// <see cref="ParticleRulesSlot"/>: TargetClasses (class names) → the ejected class ids, EjectThreshold → the
/// target-fraction threshold, MinParticlePixels → the minimum particle size. An accepted write publishes a new rules
/// snapshot, which the decider picks up at the next particle, and is logged with the writer's user name.
/// </summary>
/// <remarks>
/// A write is checked exactly like the service options (<see cref="ParticleRules.Check"/> runs the
/// <c>SortLine:Particles</c> validators on the options with the new value): a write that would not be a valid
/// configuration file is refused with Bad_OutOfRange and nothing changes. That also means TargetClasses must name at
/// least one foreground class and neither the background nor the reject class, and EjectThreshold must be above 0.
/// </remarks>
internal sealed partial class PlcConfiguration(ParticleRulesSlot rules, IReadOnlyList<string> classNames, ILogger logger)
{
    /// <summary>Gets the configuration the rules describe now.</summary>
    public SortLineConfiguration Current
    {
        get
        {
            ParticleRules current = rules.Current;
            return new SortLineConfiguration([.. current.TargetClasses.Select(c => classNames[c])], current.TargetFractionThreshold, (uint)current.MinParticlePixels);
        }
    }

    /// <summary>The node set's host check (<see cref="SortLineNodeSetOptions.ConfigurationValidator"/>): Good, or Bad_OutOfRange.</summary>
    public StatusCode Validate(SortLineConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!TryMap(configuration, out int[] targets, out int minPixels))
        {
            return StatusCode.BadOutOfRange;
        }

        return rules.Current.Check(targets, configuration.EjectThreshold, minPixels).Succeeded ? StatusCode.Good : StatusCode.BadOutOfRange;
    }

    /// <summary>Applies an accepted configuration (the node set's <see cref="SortLineNodeSet.ConfigurationChanged"/>).</summary>
    public void Apply(object? sender, SortLineConfigurationChangedEventArgs e)
    {
        ArgumentNullException.ThrowIfNull(e);
        SortLineConfiguration configuration = e.Configuration;
        string who = e.Writer is null ? "host" : e.Writer.UserName ?? "anonymous";
        ParticleRules before = rules.Current;
        if (!TryMap(configuration, out int[] targets, out int minPixels))
        {
            string targetNames = string.Join(',', configuration.TargetClasses);
            LogRefused(logger, who, targetNames, configuration.EjectThreshold, configuration.MinParticlePixels);
            return;
        }

        if (before.TargetClasses.SequenceEqual(targets) && before.TargetFractionThreshold.Equals(configuration.EjectThreshold) && before.MinParticlePixels == minPixels)
        {
            return;
        }

        try
        {
            rules.Publish(before.With(targets, configuration.EjectThreshold, minPixels));
        }
        catch (ArgumentException ex)
        {
            // Cannot happen after Validate (the same checks); never let a write break the server's request thread.
            LogFailed(logger, ex, who);
            return;
        }

        // A rare operator action: the names are worth formatting every time.
        string oldTargets = Names(before.TargetClasses);
        string newTargets = string.Join(',', configuration.TargetClasses);
        LogChanged(logger, who, oldTargets, newTargets, before.TargetFractionThreshold, configuration.EjectThreshold, before.MinParticlePixels, minPixels);
    }

    private string Names(IReadOnlyList<int> ids) => string.Join(',', ids.Select(c => classNames[c]));

    private bool TryMap(SortLineConfiguration configuration, out int[] targets, out int minPixels)
    {
        targets = new int[configuration.TargetClasses.Count];
        minPixels = 0;
        for (int i = 0; i < targets.Length; i++)
        {
            int id = IndexOf(configuration.TargetClasses[i]);
            if (id < 0)
            {
                return false;
            }

            targets[i] = id;
        }

        if (configuration.MinParticlePixels > int.MaxValue)
        {
            return false;
        }

        minPixels = (int)configuration.MinParticlePixels;
        return true;
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < classNames.Count; i++)
        {
            if (string.Equals(classNames[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Line configuration changed by {User}: TargetClasses {OldTargets} -> {Targets}, EjectThreshold {OldThreshold} -> {Threshold}, MinParticlePixels {OldMinPixels} -> {MinPixels}")]
    private static partial void LogChanged(ILogger logger, string user, string oldTargets, string targets, double oldThreshold, double threshold, int oldMinPixels, int minPixels);

    [LoggerMessage(Level = LogLevel.Error, Message = "Line configuration from {User} not applied: TargetClasses {Targets}, EjectThreshold {Threshold}, MinParticlePixels {MinPixels}")]
    private static partial void LogRefused(ILogger logger, string user, string targets, double threshold, uint minPixels);

    [LoggerMessage(Level = LogLevel.Error, Message = "Line configuration from {User} not applied")]
    private static partial void LogFailed(ILogger logger, Exception exception, string user);
}

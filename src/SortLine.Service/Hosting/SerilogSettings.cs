using Serilog;
using Serilog.Settings.Configuration;

namespace SortLine.Service.Hosting;

/// <summary>Reads the <c>Serilog</c> configuration section with the sink and formatter assemblies the service ships.</summary>
/// <remarks>
/// The assemblies are named explicitly rather than discovered from the dependency context, so a trimmed or single-file
/// publish still finds the console and file sinks and the compact JSON formatter.
/// </remarks>
internal static class SerilogSettings
{
    /// <summary>Applies the <c>Serilog</c> section (levels, console and rolling file sinks, formatters) to <paramref name="logger"/>.</summary>
    /// <param name="logger">The logger configuration to extend.</param>
    /// <param name="configuration">The merged configuration (appsettings, environment, command line).</param>
    /// <returns><paramref name="logger"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The section names a sink, argument or type that does not exist.</exception>
    public static LoggerConfiguration Apply(LoggerConfiguration logger, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        return logger.ReadFrom.Configuration(configuration, new ConfigurationReaderOptions(
            typeof(ConsoleLoggerConfigurationExtensions).Assembly,
            typeof(FileLoggerConfigurationExtensions).Assembly,
            typeof(Serilog.Formatting.Compact.CompactJsonFormatter).Assembly));
    }
}

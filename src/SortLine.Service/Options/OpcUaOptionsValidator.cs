using Microsoft.Extensions.Options;
using SortLine.OpcUa.Server;

namespace SortLine.Service.Options;

/// <summary>
/// Validates the OPC UA server section at start (<see cref="OpcUaServerOptions.Validate"/>), naming the section, so a bad
/// port or limit stops the service at start-up rather than when the server is created.
/// </summary>
internal sealed class OpcUaOptionsValidator : IValidateOptions<OpcUaServerOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, OpcUaServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException ex)
        {
            return ValidateOptionsResult.Fail(OpcUaServerOptions.SectionName + ": " + ex.Message);
        }
    }
}

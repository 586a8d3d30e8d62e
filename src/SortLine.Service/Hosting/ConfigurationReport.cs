using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SortLine.Service.Hosting;

/// <summary>The effective configuration of chosen sections as sorted key/value pairs, with secrets redacted.</summary>
internal static partial class ConfigurationReport
{
    /// <summary>What a secret value is replaced with.</summary>
    public const string Redacted = "***";

    /// <summary>Collects every leaf key under <paramref name="sections"/> (in order, keys sorted ordinally).</summary>
    /// <param name="configuration">The configuration (all providers merged).</param>
    /// <param name="sections">Top-level section names, e.g. <c>SortLine</c>, <c>Serilog</c>.</param>
    /// <remarks>A plain <see cref="Dictionary{TKey, TValue}"/> so Serilog logs it as a structure, not a sequence.</remarks>
    public static Dictionary<string, string?> Create(IConfiguration configuration, params string[] sections)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sections);
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (string section in sections)
        {
            foreach (KeyValuePair<string, string?> kv in configuration.GetSection(section).AsEnumerable())
            {
                if (kv.Value is null)
                {
                    continue; // a section node, not a leaf
                }

                result[kv.Key] = IsSecret(kv.Key) ? Redacted : kv.Value;
            }
        }

        return new Dictionary<string, string?>(result, StringComparer.Ordinal);
    }

    /// <summary>Gets whether a key names a secret (any path segment mentions a password, secret, token, key or credential).</summary>
    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return SecretPattern().IsMatch(key);
    }

    [GeneratedRegex("password|passwd|secret|token|apikey|api_key|privatekey|private_key|credential|connectionstring",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}

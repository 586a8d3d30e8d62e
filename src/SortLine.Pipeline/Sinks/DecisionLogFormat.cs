using System.Globalization;
using System.Text.Unicode;
using SortLine.Pipeline.Scheduling;

namespace SortLine.Pipeline.Sinks;

/// <summary>
/// The decision-log text format: deterministic, one line per command, so that replaying the same recording with the
/// same model yields a byte-identical file.
/// </summary>
/// <remarks>
/// UTF-8 without BOM, <c>\n</c> line ends, invariant culture. The first line is <see cref="Header"/>; then one line
/// per command:
/// <code>seq=&lt;Sequence&gt; valves=&lt;FirstValve&gt;-&lt;LastValve&gt; start=&lt;Start&gt; end=&lt;End&gt; class=&lt;Class&gt; confidence=&lt;Confidence:F6&gt; particle=&lt;ParticleId&gt;</code>
/// e.g. <c>seq=0 valves=3-5 start=1350 end=1850 class=1 confidence=0.875000 particle=7</c>. Integers are plain
/// decimal; start/end are encoder counts; the confidence has six decimals. The wall-clock-dependent
/// <see cref="EjectionCommand.IssuedAt"/> is deliberately not written.
/// </remarks>
public static class DecisionLogFormat
{
    /// <summary>The first line of every decision log (without its line end).</summary>
    public const string Header = "# sortline decision log v1";

    /// <summary>The longest formatted command line in bytes, line end included.</summary>
    public const int MaxLineBytes = 256;

    /// <summary>Formats one command line (with its <c>\n</c>) as UTF-8.</summary>
    /// <param name="command">The command.</param>
    /// <param name="destination">Receives the bytes; <see cref="MaxLineBytes"/> always suffice.</param>
    /// <param name="written">The number of bytes written.</param>
    /// <returns>False when <paramref name="destination"/> is too short.</returns>
    public static bool TryFormat(in EjectionCommand command, Span<byte> destination, out int written) =>
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture,
            $"seq={command.Sequence} valves={command.FirstValve}-{command.LastValve} start={command.Start.Counts} end={command.End.Counts} class={command.Class} confidence={command.Confidence:F6} particle={command.ParticleId}\n",
            out written);

    /// <summary>Formats one command line (with its <c>\n</c>) as a string (for tests and tools; allocates).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The line.</returns>
    public static string Format(in EjectionCommand command)
    {
        Span<byte> buffer = stackalloc byte[MaxLineBytes];
        bool ok = TryFormat(command, buffer, out int written);
        System.Diagnostics.Debug.Assert(ok, "MaxLineBytes bounds every line.");
        return System.Text.Encoding.UTF8.GetString(buffer[..written]);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SortLine.Spectra.Internal;

/// <summary>Throw sites of the Baseline area.</summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws when a span is shorter than the required length (scratch buffers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfTooShort(int required, int actual, [CallerArgumentExpression(nameof(actual))] string? paramName = null)
    {
        if (actual < required)
        {
            ThrowTooShort(required, actual, paramName);
        }
    }

    /// <summary>Throws when an output span overlaps an input span that is read after the output is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfOverlapping<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> output, [CallerArgumentExpression(nameof(output))] string? paramName = null)
    {
        if (input.Overlaps(output))
        {
            ThrowArgument(paramName, "The destination must not overlap the input.");
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort(int required, int actual, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Length {actual} is shorter than the required length {required}."), paramName);
}

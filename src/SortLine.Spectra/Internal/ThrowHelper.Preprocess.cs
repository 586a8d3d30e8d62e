using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SortLine.Spectra.Internal;

/// <summary>Throw sites of the SWIR preprocessing kernels (calibration, smoothing, continuum, resampling).</summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws when a kernel that does not work in place is given overlapping input and output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfOverlapping<T>(ReadOnlySpan<T> input, Span<T> destination, [CallerArgumentExpression(nameof(destination))] string? paramName = null)
    {
        if (input.Overlaps(destination))
        {
            ThrowArgument(paramName, "The destination must not overlap the input (the kernel does not work in place).");
        }
    }

    /// <summary>Throws when a spectrum is shorter than a filter window.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowSpectrumShorterThanWindow(int length, int windowLength, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"The spectrum has {length} samples, fewer than the window length {windowLength}."), paramName);

    /// <summary>Throws when a scratch buffer is too short.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowScratchTooShort(int length, int required, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"The scratch buffer has {length} elements; at least {required} are required."), paramName);
}

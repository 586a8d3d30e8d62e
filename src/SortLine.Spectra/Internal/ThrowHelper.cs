using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SortLine.Spectra.Internal;

/// <summary>
/// Throw sites for argument validation. The checks are tiny and inlined at the call site; the throws live
/// here, out of line, so hot kernels stay small (the pattern of System.IO.Pipelines' ThrowHelper).
/// </summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws when two spans that must pair element by element differ in length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfLengthMismatch(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string? paramName = null)
    {
        if (expected != actual)
        {
            ThrowLengthMismatch(expected, actual, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfOutOfRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            ThrowOutOfRange(value, min, max, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfOutOfRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (!(value >= min && value <= max))
        {
            ThrowOutOfRange(value, min, max, paramName);
        }
    }

    /// <summary>Throws when any element is NaN or infinite, naming the first offending index and value.</summary>
    public static void ThrowIfNotFinite<T>(ReadOnlySpan<T> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                ThrowNotFinite(i, double.CreateChecked(values[i]), paramName);
            }
        }
    }

    /// <summary>Throws when the wavelengths (or any abscissa) are not strictly increasing.</summary>
    public static void ThrowIfNotStrictlyIncreasing<T>(ReadOnlySpan<T> values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 1; i < values.Length; i++)
        {
            if (!(values[i] > values[i - 1]))
            {
                ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                    $"Values must be strictly increasing, but element {i} ({values[i]}) does not exceed element {i - 1} ({values[i - 1]})."));
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the given message for the given parameter.</summary>
    [DoesNotReturn]
    public static void ThrowArgument(string? paramName, string message) => throw new ArgumentException(message, paramName);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with the value and message.</summary>
    [DoesNotReturn]
    public static void ThrowArgumentOutOfRange(string? paramName, object? value, string message) =>
        throw new ArgumentOutOfRangeException(paramName, value, message);

    /// <summary>Throws <see cref="InvalidOperationException"/>, for use of an object in the wrong state (e.g. transform before fit).</summary>
    [DoesNotReturn]
    public static void ThrowInvalidOperation(string message) => throw new InvalidOperationException(message);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowLengthMismatch(int expected, int actual, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Length {actual} does not match the expected length {expected}."), paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(int value, int min, int max, string? paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture,
            $"Value {value} is outside the allowed range [{min}, {max}]."));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange(double value, double min, double max, string? paramName) =>
        throw new ArgumentOutOfRangeException(paramName, value, string.Create(CultureInfo.InvariantCulture,
            $"Value {value} is outside the allowed range [{min}, {max}] or is not finite."));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFinite(int index, double value, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"Element {index} is {value}; finite values are required."), paramName);
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SortLine.Spectra.Internal;

/// <summary>Throw sites of the training-time statistics (scaling, decomposition, clustering).</summary>
internal static partial class ThrowHelper
{
    /// <summary>Throws <see cref="InvalidOperationException"/> unless the model has been fitted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfNotFitted(bool isFitted, string typeName)
    {
        if (!isFitted)
        {
            ThrowNotFitted(typeName);
        }
    }

    /// <summary>Throws when a span or matrix does not have the fitted number of columns (features).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThrowIfColumnMismatch(int expected, int actual, [CallerArgumentExpression(nameof(actual))] string? paramName = null)
    {
        if (expected != actual)
        {
            ThrowColumnMismatch(expected, actual, paramName);
        }
    }

    /// <summary>Throws when a training matrix has fewer rows than required.</summary>
    public static void ThrowIfTooFewRows(int rows, int minimum, string? paramName)
    {
        if (rows < minimum)
        {
            ThrowArgument(paramName, string.Create(CultureInfo.InvariantCulture,
                $"The data has {rows} rows (samples); at least {minimum} are required."));
        }
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFitted(string typeName) =>
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
            $"This {typeName} has not been fitted; call Fit first."));

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowColumnMismatch(int expected, int actual, string? paramName) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"The input has {actual} columns (features), but the model was fitted with {expected}."), paramName);
}

using System.Diagnostics.CodeAnalysis;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Internal;

/// <summary>
/// Out-of-line throw sites (the System.IO.Pipelines pattern), so the inlined read and write primitives
/// stay small. Every codec failure leaves through here as <see cref="UaDecodingException"/> or
/// <see cref="UaEncodingException"/>.
/// </summary>
internal static class ThrowHelper
{
    /// <summary>Throws <see cref="UaDecodingException"/> with BadDecodingError: the input ended early.</summary>
    [DoesNotReturn]
    public static void ThrowTruncated(long offset, int needed, int available) =>
        throw new UaDecodingException(
            StatusCode.BadDecodingError,
            offset,
            "Unexpected end of input: needed " + needed.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " bytes, " + available.ToString(System.Globalization.CultureInfo.InvariantCulture) + " left");

    /// <summary>Throws <see cref="UaDecodingException"/> with the given status.</summary>
    [DoesNotReturn]
    public static void ThrowDecoding(StatusCode statusCode, long offset, string message) =>
        throw new UaDecodingException(statusCode, offset, message);

    /// <summary>Throws <see cref="UaDecodingException"/> with BadDecodingError.</summary>
    [DoesNotReturn]
    public static void ThrowDecoding(long offset, string message) =>
        throw new UaDecodingException(StatusCode.BadDecodingError, offset, message);

    /// <summary>Throws <see cref="UaDecodingException"/> with BadEncodingLimitsExceeded.</summary>
    [DoesNotReturn]
    public static void ThrowDecodingLimit(long offset, string what, long value, long limit) =>
        throw new UaDecodingException(
            StatusCode.BadEncodingLimitsExceeded,
            offset,
            what + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " exceeds the limit " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Throws <see cref="UaEncodingException"/> with BadEncodingLimitsExceeded.</summary>
    [DoesNotReturn]
    public static void ThrowEncodingLimit(long offset, string what, long value, long limit) =>
        throw new UaEncodingException(
            StatusCode.BadEncodingLimitsExceeded,
            offset,
            what + " " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) +
            " exceeds the limit " + limit.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Throws <see cref="UaEncodingException"/> with BadEncodingError.</summary>
    [DoesNotReturn]
    public static void ThrowEncoding(long offset, string message) =>
        throw new UaEncodingException(StatusCode.BadEncodingError, offset, message);

    /// <summary>Throws <see cref="ArgumentException"/> for a value that has no valid encoding.</summary>
    [DoesNotReturn]
    public static void ThrowArgument(string message, string? paramName) =>
        throw new ArgumentException(message, paramName);
}

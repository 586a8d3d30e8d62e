using Xunit.Sdk;

namespace SortLine.Spectra.Tests;

/// <summary>Element-wise comparisons with a stated tolerance and a message naming the first failing index.</summary>
internal static class Tolerance
{
    /// <summary>Asserts |expected - actual| ≤ abs + rel·|expected| for every element.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double rel, double abs = 0, string? what = null)
    {
        if (expected.Length != actual.Length)
        {
            throw new XunitException($"{what}: length {actual.Length}, expected {expected.Length}.");
        }

        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            double bound = abs + (rel * Math.Abs(e));
            if (!(Math.Abs(e - a) <= bound))
            {
                throw new XunitException($"{what}: element {i} is {a:R}, expected {e:R} (|diff| {Math.Abs(e - a):E3} > {bound:E3}).");
            }
        }
    }

    /// <summary>Asserts closeness for float results against double references.</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double rel, double abs = 0, string? what = null)
    {
        var widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++)
        {
            widened[i] = actual[i];
        }

        AssertClose(expected, widened, rel, abs, what);
    }
}

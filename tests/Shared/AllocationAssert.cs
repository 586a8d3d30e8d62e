using Xunit.Sdk;

namespace SortLine.Testing;

/// <summary>
/// Asserts that code allocates nothing on the calling thread once warmed up. Linked into every test project
/// (Directory.Build.props).
/// </summary>
/// <remarks>
/// Measures several rounds and passes when one allocates nothing: tier-up and on-stack replacement of freshly
/// jitted code can allocate on the calling thread at unpredictable moments on a loaded machine, but an allocation the
/// code under test makes on every call shows in every round, so the assertion still fails for real allocations.
/// </remarks>
internal static class AllocationAssert
{
    /// <summary>Runs <paramref name="body"/> <paramref name="warmUps"/> times, then requires a round with zero bytes.</summary>
    public static void NoAllocations(Action body, int warmUps = 3, int rounds = 5)
    {
        ArgumentNullException.ThrowIfNull(body);
        for (int i = 0; i < warmUps; i++)
        {
            body();
        }

        long least = long.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            body();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            if (least == 0)
            {
                return;
            }
        }

        throw new XunitException($"Allocated {least} bytes on this thread in every one of {rounds} rounds after {warmUps} warm-up runs.");
    }
}

namespace SortLine.Spectra.Tests;

/// <summary>The lengths every vector-vs-scalar test runs over: 0, 1, V-1, V, V+1, 2V+3, 288 and 384·288 (V = vector step).</summary>
internal static class SimdLengths
{
    public static TheoryData<int> For(int vectorStep)
    {
        int v = Math.Max(vectorStep, 1);
        var data = new TheoryData<int>();
        foreach (int n in new SortedSet<int> { 0, 1, v - 1, v, v + 1, (2 * v) + 3, 288, 384 * 288 })
        {
            data.Add(n);
        }

        return data;
    }
}

using SortLine.Learning.Teacher;

namespace SortLine.Learning.Tests.TestSupport;

/// <summary>Feature batches of synthetic LIBS shots with their true classes.</summary>
internal static class TeacherData
{
    public static (double[] Features, int[] Truth, int Rows, LibsFeatureExtractor Extractor) Batch(int seed, int perClass, TeacherOptions? options = null)
    {
        var libs = new SyntheticLibs(seed);
        var extractor = new LibsFeatureExtractor(libs.Wavelengths, options);
        int d = extractor.FeatureCount, classes = SyntheticLibs.MineralNames.Length;
        var rng = new Random(seed + 1);
        int[] order = Enumerable.Range(0, perClass * classes).Select(i => i % classes).OrderBy(_ => rng.Next()).ToArray();
        var features = new double[order.Length * d];
        double[] scratch = extractor.CreateScratch();
        for (int i = 0; i < order.Length; i++)
        {
            if (!extractor.TryExtract(libs.Shot(order[i]), features.AsSpan(i * d, d), scratch, out var diagnostics))
            {
                throw new InvalidOperationException($"Shot {i} of class {order[i]} rejected: {diagnostics}");
            }
        }

        return (features, order, order.Length, extractor);
    }
}

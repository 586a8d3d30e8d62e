using SortLine.Spectra.Regression;

namespace SortLine.Spectra.Tests.Regression;

/// <summary>Loads the scikit-learn 1.2.1 goldens of tests/golden/pls (see generators/pls.py).</summary>
internal static class PlsGolden
{
    public const int ClassCount = 5;

    public static (double[] Data, int Rows, int Columns) XTrain => GoldenFile.ReadMatrix("pls/x_train.csv");

    public static (double[] Data, int Rows, int Columns) XTest => GoldenFile.ReadMatrix("pls/x_test.csv");

    public static int[] LabelsTrain => ToInts(GoldenFile.ReadVector("pls/labels_train.csv"));

    public static int[] LabelsTest => ToInts(GoldenFile.ReadVector("pls/labels_test.csv"));

    /// <summary>Targets of a case kind: "reg" (3 abundances), "single" (first abundance), "da" (one-hot labels).</summary>
    public static (double[] Data, int Rows, int Columns) Targets(string kind)
    {
        var y = GoldenFile.ReadMatrix("pls/y_train.csv");
        switch (kind)
        {
            case "reg":
                return y;
            case "single":
                var single = new double[y.Rows];
                for (int i = 0; i < y.Rows; i++)
                {
                    single[i] = y.Data[i * y.Columns];
                }

                return (single, y.Rows, 1);
            case "da":
                int[] labels = LabelsTrain;
                var onehot = new double[labels.Length * ClassCount];
                for (int i = 0; i < labels.Length; i++)
                {
                    onehot[(i * ClassCount) + labels[i]] = 1;
                }

                return (onehot, labels.Length, ClassCount);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public static string CaseName(string kind, int components, bool scale) =>
        $"{kind}_a{components}_{(scale ? "scaled" : "raw")}";

    public static PlsModel Fit(string kind, int components, bool scale)
    {
        var x = XTrain;
        var y = Targets(kind);
        return PlsRegression.Fit(new ReadOnlyMatrixSpan<double>(x.Data, x.Rows, x.Columns),
            new ReadOnlyMatrixSpan<double>(y.Data, y.Rows, y.Columns),
            new PlsOptions { Components = components, Scale = scale });
    }

    public static double MaxAbs(ReadOnlySpan<double> values)
    {
        double max = 0;
        foreach (double v in values)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }

    private static int[] ToInts(double[] values) => Array.ConvertAll(values, v => checked((int)v));
}

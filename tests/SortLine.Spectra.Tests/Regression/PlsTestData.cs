namespace SortLine.Spectra.Tests.Regression;

/// <summary>Seeded random regression problems for property tests.</summary>
internal static class PlsTestData
{
    /// <summary>X: n × p Gaussian columns with random offsets and scales; Y: n × q linear in X plus noise.</summary>
    public static (double[] X, double[] Y) Create(Random rng, int n, int p, int q)
    {
        var offsets = new double[p];
        var scales = new double[p];
        for (int i = 0; i < p; i++)
        {
            offsets[i] = rng.NextDouble();
            scales[i] = 0.05 + (2 * rng.NextDouble());
        }

        var x = new double[n * p];
        for (int r = 0; r < n; r++)
        {
            for (int i = 0; i < p; i++)
            {
                x[(r * p) + i] = offsets[i] + (scales[i] * Gaussian(rng));
            }
        }

        var beta = new double[p * q];
        for (int k = 0; k < beta.Length; k++)
        {
            beta[k] = Gaussian(rng);
        }

        var y = new double[n * q];
        for (int r = 0; r < n; r++)
        {
            for (int j = 0; j < q; j++)
            {
                double sum = 3 * j;
                for (int i = 0; i < p; i++)
                {
                    sum += x[(r * p) + i] * beta[(i * q) + j];
                }

                y[(r * q) + j] = sum + (0.3 * Gaussian(rng));
            }
        }

        return (x, y);
    }

    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}

using SortLine.Spectra;
using SortLine.Spectra.Filtering;

namespace SortLine.Learning.Teacher;

/// <summary>
/// Spatial Gaussian smoothing of a LIBS imaging map's line features before the teacher clusters them (methods brief
/// §3.2, imaging only): each feature plane is filtered on its own, which reduces shot-to-shot contamination and the
/// mixed spectra at grain edges.
/// </summary>
/// <remarks>
/// The map is row-major over the scan grid and feature-interleaved: <c>features[(row * columns + column) * featureCount + f]</c>,
/// the layout of <see cref="LibsFeatureExtractor"/>'s per-point vectors laid side by side. Sigmas are in grid steps.
/// </remarks>
public sealed class LibsFeatureMapFilter
{
    private readonly GaussianFilter2D _filter;

    /// <summary>Creates the filter.</summary>
    /// <param name="sigmaRows">Standard deviation along the scan rows, in grid steps (&gt; 0).</param>
    /// <param name="sigmaColumns">Standard deviation along the scan columns, in grid steps (&gt; 0).</param>
    /// <param name="mode">Boundary handling at the map edges (SciPy's default: reflect).</param>
    /// <exception cref="ArgumentOutOfRangeException">A sigma is not finite and positive.</exception>
    public LibsFeatureMapFilter(double sigmaRows, double sigmaColumns, BoundaryMode mode = BoundaryMode.Reflect) =>
        _filter = new GaussianFilter2D(sigmaRows, sigmaColumns, mode: mode);

    /// <summary>The scratch length <see cref="Apply"/> needs for a map of this size.</summary>
    public int GetScratchLength(int rows, int columns) => (2 * rows * columns) + _filter.GetScratchLength(rows, columns);

    /// <summary>Smooths every feature plane of <paramref name="features"/> into <paramref name="destination"/>.</summary>
    /// <param name="features">The feature map (see remarks of the type).</param>
    /// <param name="rows">Scan rows (≥ 1).</param>
    /// <param name="columns">Scan columns (≥ 1).</param>
    /// <param name="featureCount">Features per point (≥ 1).</param>
    /// <param name="destination">The smoothed map, same layout and length; may not overlap <paramref name="features"/>.</param>
    /// <param name="scratch">At least <see cref="GetScratchLength"/> elements.</param>
    /// <exception cref="ArgumentException">A length does not match the dimensions, or the scratch is too short.</exception>
    public void Apply(ReadOnlySpan<double> features, int rows, int columns, int featureCount, Span<double> destination, Span<double> scratch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(featureCount, 1);
        int points = checked(rows * columns);
        if (features.Length != points * featureCount)
        {
            throw new ArgumentException($"The map has {features.Length} values; {rows} x {columns} points x {featureCount} features need {points * featureCount}.", nameof(features));
        }

        if (destination.Length != features.Length)
        {
            throw new ArgumentException($"The destination has {destination.Length} values; the map has {features.Length}.", nameof(destination));
        }

        if (scratch.Length < GetScratchLength(rows, columns))
        {
            throw new ArgumentException($"The scratch has {scratch.Length} values; {GetScratchLength(rows, columns)} are needed.", nameof(scratch));
        }

        Span<double> plane = scratch[..points];
        Span<double> smoothed = scratch.Slice(points, points);
        Span<double> filterScratch = scratch[(2 * points)..];
        for (int f = 0; f < featureCount; f++)
        {
            for (int p = 0; p < points; p++)
            {
                plane[p] = features[(p * featureCount) + f];
            }

            _filter.Apply(new ReadOnlyMatrixSpan<double>(plane, rows, columns), new MatrixSpan<double>(smoothed, rows, columns), filterScratch);
            for (int p = 0; p < points; p++)
            {
                destination[(p * featureCount) + f] = smoothed[p];
            }
        }
    }
}

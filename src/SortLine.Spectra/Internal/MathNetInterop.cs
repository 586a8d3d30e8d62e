using MathNet.Numerics.LinearAlgebra;

namespace SortLine.Spectra.Internal;

/// <summary>Copies between SortLine's row-major views and MathNet matrices (training-time code only).</summary>
internal static class MathNetInterop
{
    /// <summary>Copies a row-major view into a new MathNet dense matrix.</summary>
    public static Matrix<double> ToMatrix(ReadOnlyMatrixSpan<double> source)
    {
        var m = Matrix<double>.Build.Dense(source.Rows, source.Columns);
        for (int r = 0; r < source.Rows; r++)
        {
            ReadOnlySpan<double> row = source.Row(r);
            for (int c = 0; c < row.Length; c++)
            {
                m[r, c] = row[c];
            }
        }

        return m;
    }

    /// <summary>Copies a MathNet matrix into a new row-major array.</summary>
    public static double[] ToRowMajorArray(Matrix<double> source) => source.ToRowMajorArray();
}

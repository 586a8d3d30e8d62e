using SortLine.Spectra.Internal;

namespace SortLine.Spectra;

/// <summary>
/// A read-only row-major view of a dense matrix over contiguous memory: rows are samples (pixels, spectra),
/// columns are variables (bands, features). No copy is made.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly ref struct ReadOnlyMatrixSpan<T>
{
    /// <summary>Wraps <paramref name="data"/> as a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    /// <param name="data">Row-major elements; exactly <c>rows * columns</c> long.</param>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="columns">Number of columns (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not <c>rows * columns</c> long.</exception>
    public ReadOnlyMatrixSpan(ReadOnlySpan<T> data, int rows, int columns)
    {
        ThrowHelper.ThrowIfOutOfRange(rows, 0, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(columns, 0, int.MaxValue);
        ThrowHelper.ThrowIfLengthMismatch(checked(rows * columns), data.Length, nameof(data));
        Span = data;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Gets the row-major elements.</summary>
    public ReadOnlySpan<T> Span { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Rows { get; }

    /// <summary>Gets the number of columns.</summary>
    public int Columns { get; }

    /// <summary>Gets the element at row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public T this[int row, int column] => Span[(row * Columns) + column];

    /// <summary>Gets one row.</summary>
    /// <param name="row">Zero-based row index.</param>
    public ReadOnlySpan<T> Row(int row) => Span.Slice(row * Columns, Columns);
}

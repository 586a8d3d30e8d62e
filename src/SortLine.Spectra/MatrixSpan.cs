using SortLine.Spectra.Internal;

namespace SortLine.Spectra;

/// <summary>
/// A writable row-major view of a dense matrix over contiguous memory (the destination counterpart of
/// <see cref="ReadOnlyMatrixSpan{T}"/>).
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public readonly ref struct MatrixSpan<T>
{
    /// <summary>Wraps <paramref name="data"/> as a <paramref name="rows"/> × <paramref name="columns"/> matrix.</summary>
    /// <param name="data">Row-major elements; exactly <c>rows * columns</c> long.</param>
    /// <param name="rows">Number of rows (≥ 0).</param>
    /// <param name="columns">Number of columns (≥ 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> is not <c>rows * columns</c> long.</exception>
    public MatrixSpan(Span<T> data, int rows, int columns)
    {
        ThrowHelper.ThrowIfOutOfRange(rows, 0, int.MaxValue);
        ThrowHelper.ThrowIfOutOfRange(columns, 0, int.MaxValue);
        ThrowHelper.ThrowIfLengthMismatch(checked(rows * columns), data.Length, nameof(data));
        Span = data;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Gets the row-major elements.</summary>
    public Span<T> Span { get; }

    /// <summary>Gets the number of rows.</summary>
    public int Rows { get; }

    /// <summary>Gets the number of columns.</summary>
    public int Columns { get; }

    /// <summary>Gets a reference to the element at row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public ref T this[int row, int column] => ref Span[(row * Columns) + column];

    /// <summary>Gets one row.</summary>
    /// <param name="row">Zero-based row index.</param>
    public Span<T> Row(int row) => Span.Slice(row * Columns, Columns);

    /// <summary>Views this matrix as read-only.</summary>
    public static implicit operator ReadOnlyMatrixSpan<T>(MatrixSpan<T> matrix) =>
        new(matrix.Span, matrix.Rows, matrix.Columns);

    /// <summary>Views this matrix as read-only.</summary>
    public ReadOnlyMatrixSpan<T> AsReadOnly() => this;
}

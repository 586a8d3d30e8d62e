namespace SortLine.Learning.Pairing;

/// <summary>
/// Turns one raw SWIR pixel (DN per band) into the preprocessed spectrum the student is trained on and classifies, with
/// the references of the line it came from. Lets a <see cref="SwirLineHistory"/> keep raw lines and preprocess only the
/// few pixels pairing looks at (a LIBS point's pixel and its edge neighbourhood), instead of every pixel of every line.
/// </summary>
/// <remarks>Implementations are immutable and thread-safe; the caller passes the scratch. Must allocate nothing.</remarks>
public interface ISwirPixelPreprocessor
{
    /// <summary>Gets the spatial pixels per line.</summary>
    int Pixels { get; }

    /// <summary>Gets the bands per spectrum (raw and preprocessed).</summary>
    int Bands { get; }

    /// <summary>Gets the float scratch <see cref="PreprocessPixel"/> needs.</summary>
    int ScratchLength { get; }

    /// <summary>Gets the int scratch <see cref="PreprocessPixel"/> needs.</summary>
    int HullScratchLength { get; }

    /// <summary>Preprocesses one pixel.</summary>
    /// <param name="pixel">The pixel's index across the line (its references), 0 ≤ pixel &lt; <see cref="Pixels"/>.</param>
    /// <param name="rawPixel">The pixel's raw counts, <see cref="Bands"/> long.</param>
    /// <param name="spectrum">Receives the preprocessed spectrum, <see cref="Bands"/> long.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> floats.</param>
    /// <param name="hullScratch">At least <see cref="HullScratchLength"/> ints.</param>
    void PreprocessPixel(int pixel, ReadOnlySpan<ushort> rawPixel, Span<float> spectrum, Span<float> scratch, Span<int> hullScratch);
}

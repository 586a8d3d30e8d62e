namespace SortLine.Simulators.Recording.Envi;

/// <summary>Reorders one line between pixel-interleaved (BIP) and band-major (one row per band, as BIL stores a line).</summary>
internal static class Interleaving
{
    /// <summary>
    /// <c>destination[band * samples + sample] = source[sample * bands + band]</c>. Walks the destination
    /// sequentially and the source with stride <paramref name="bands"/>, in blocks of 16 pixels so the strided
    /// reads stay in cache.
    /// </summary>
    public static void BipToBandMajor<T>(ReadOnlySpan<T> source, Span<T> destination, int samples, int bands)
    {
        System.Diagnostics.Debug.Assert(source.Length == samples * bands && destination.Length == source.Length, "shapes agree");
        const int Block = 16;
        for (int s0 = 0; s0 < samples; s0 += Block)
        {
            int s1 = Math.Min(s0 + Block, samples);
            for (int b = 0; b < bands; b++)
            {
                Span<T> row = destination.Slice(b * samples, samples);
                for (int s = s0; s < s1; s++)
                {
                    row[s] = source[(s * bands) + b];
                }
            }
        }
    }

    /// <summary><c>destination[sample * bands + band] = source[band * samples + sample]</c>.</summary>
    public static void BandMajorToBip<T>(ReadOnlySpan<T> source, Span<T> destination, int samples, int bands)
    {
        System.Diagnostics.Debug.Assert(source.Length == samples * bands && destination.Length == source.Length, "shapes agree");
        const int Block = 16;
        for (int s0 = 0; s0 < samples; s0 += Block)
        {
            int s1 = Math.Min(s0 + Block, samples);
            for (int b = 0; b < bands; b++)
            {
                ReadOnlySpan<T> row = source.Slice(b * samples, samples);
                for (int s = s0; s < s1; s++)
                {
                    destination[(s * bands) + b] = row[s];
                }
            }
        }
    }
}

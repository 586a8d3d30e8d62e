namespace SortLine.Pipeline.Inference;

/// <summary>
/// Holds the current <see cref="LineClassifier"/> (affine student + preprocessing plans + reject rule, one immutable
/// object per model version) and swaps it atomically for hot model updates.
/// </summary>
/// <remarks>
/// <para><b>No half-loaded model</b>: a new classifier is fully built (and validated) before <see cref="Swap"/>
/// publishes its reference with <see cref="Interlocked.Exchange{T}(ref T, T)"/> (a full fence), so a reader sees either
/// the old object or the complete new one.</para>
/// <para><b>One version per line</b>: a worker reads <see cref="Current"/> once per line and uses that reference for every
/// pixel of the line (the classification stage records its <see cref="LineClassifier.ModelVersion"/> on the line).</para>
/// <para><b>No pause</b>: readers never lock or wait; lines already being classified finish with the old model, which the
/// garbage collector frees once no worker holds it.</para>
/// </remarks>
public sealed class ModelSlot
{
    private LineClassifier _current;
    private long _swaps;

    /// <summary>Creates the slot with its first model.</summary>
    /// <param name="initial">The first classifier.</param>
    /// <exception cref="ArgumentNullException"><paramref name="initial"/> is null.</exception>
    public ModelSlot(LineClassifier initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
        Pixels = initial.Pixels;
        Bands = initial.Bands;
    }

    /// <summary>Gets the pixels per line every model in this slot must take.</summary>
    public int Pixels { get; }

    /// <summary>Gets the bands per pixel every model in this slot must take.</summary>
    public int Bands { get; }

    /// <summary>Gets the current classifier (read it once per line).</summary>
    public LineClassifier Current => Volatile.Read(ref _current);

    /// <summary>Gets how many swaps have been made.</summary>
    public long SwapCount => Interlocked.Read(ref _swaps);

    /// <summary>Publishes a new classifier; lines started after this use it.</summary>
    /// <param name="next">The new, fully built classifier (same pixels and bands as the slot).</param>
    /// <returns>The classifier it replaced.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    /// <exception cref="ArgumentException">Its line shape differs from the slot's.</exception>
    public LineClassifier Swap(LineClassifier next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (next.Pixels != Pixels || next.Bands != Bands)
        {
            throw new ArgumentException($"The new model takes {next.Pixels} × {next.Bands} lines; this slot serves {Pixels} × {Bands}.", nameof(next));
        }

        LineClassifier previous = Interlocked.Exchange(ref _current, next);
        Interlocked.Increment(ref _swaps);
        return previous;
    }
}

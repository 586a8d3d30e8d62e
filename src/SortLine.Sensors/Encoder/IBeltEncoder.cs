namespace SortLine.Sensors.Encoder;

/// <summary>The belt encoder: where the belt is now. Sensor drivers stamp every sample with it.</summary>
/// <remarks>Two ways to read it: <see cref="Read"/> polls the count now (drivers stamping a sample), and
/// <see cref="ReadPositionsAsync"/> streams counts latched at a fixed period (consumers that follow the belt's motion,
/// such as a speed monitor), like an encoder counter card that latches on its own clock.</remarks>
public interface IBeltEncoder
{
    /// <summary>Gets the encoder's scale (counts per metre).</summary>
    EncoderScale Scale { get; }

    /// <summary>Reads the current position. Thread-safe and allocation-free.</summary>
    EncoderPosition Read();

    /// <summary>
    /// Streams the position latched every <paramref name="period"/> until cancelled: sample <em>k</em> (from 1) is the
    /// count at <em>start + k·period</em>, stamped with that time, so a stream over a time <em>T</em> holds
    /// ⌊<em>T</em>/<paramref name="period"/>⌋ samples, positions never decrease and timestamps strictly increase.
    /// A consumer that falls behind receives the samples it missed at once (nothing is skipped).
    /// </summary>
    /// <param name="period">Time between samples (&gt; 0).</param>
    /// <param name="cancellationToken">Ends the stream (the enumeration throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The samples; steady-state enumeration allocates nothing per sample. One enumeration per call.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The encoder has no clock of its own to sample on (a simulated
    /// stepped encoder, which moves only when advanced).</exception>
    IAsyncEnumerable<EncoderSample> ReadPositionsAsync(TimeSpan period, CancellationToken cancellationToken);
}

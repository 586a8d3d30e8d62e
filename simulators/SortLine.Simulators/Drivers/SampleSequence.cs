namespace SortLine.Simulators.Drivers;

/// <summary>
/// A sensor's running sample numbers and its dropped-sample count: every sample slot takes the next number, delivered or
/// dropped, so dropped samples show as gaps in <see cref="Sensors.SampleStamp.Sequence"/>.
/// </summary>
/// <remarks>The number is advanced by the one reader; <see cref="Dropped"/> may be read from any thread.</remarks>
/// <param name="connection">The connection that a drop degrades.</param>
internal sealed class SampleSequence(SensorConnection connection)
{
    private long _dropped;

    /// <summary>Gets the number the next sample gets.</summary>
    public long Next { get; private set; }

    /// <summary>Gets the samples dropped so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Numbers a delivered sample.</summary>
    public long Take() => Next++;

    /// <summary>Drops <paramref name="count"/> samples: counts them, skips their numbers and degrades the connection.</summary>
    public void Drop(long count)
    {
        Interlocked.Add(ref _dropped, count);
        Next += count;
        connection.Degrade();
    }

    /// <summary>Numbers from 0 again (a replay's new read); the dropped count is kept.</summary>
    public void Restart() => Next = 0;
}

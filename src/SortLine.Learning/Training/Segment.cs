namespace SortLine.Learning.Training;

/// <summary>In-memory index entry of one segment file: how many valid bytes and records it has, and their ranges.</summary>
internal sealed class Segment(string path, long firstSequence)
{
    public string Path { get; } = path;

    public long FirstSequence { get; } = firstSequence;

    /// <summary>Valid bytes, header included; appends go here.</summary>
    public long Length { get; set; } = SegmentHeader.Length;

    public int Count { get; set; }

    /// <summary>No further appends (full, or damaged in the middle).</summary>
    public bool Sealed { get; set; }

    public long MinEncoder { get; private set; } = long.MaxValue;

    public long MaxEncoder { get; private set; } = long.MinValue;

    public long MinUtcTicks { get; private set; } = long.MaxValue;

    public long MaxUtcTicks { get; private set; } = long.MinValue;

    public long NextSequence => FirstSequence + Count;

    /// <summary>Largest sequence of a valid record behind a corruption (not readable, but its number is taken), or −1.</summary>
    public long UnreadMaxSequence { get; set; } = -1;

    public void Add(long frameLength, long encoder, long utcTicks)
    {
        Length += frameLength;
        Count++;
        MinEncoder = Math.Min(MinEncoder, encoder);
        MaxEncoder = Math.Max(MaxEncoder, encoder);
        MinUtcTicks = Math.Min(MinUtcTicks, utcTicks);
        MaxUtcTicks = Math.Max(MaxUtcTicks, utcTicks);
    }
}

using SortLine.Sensors;
using SortLine.Sensors.Encoder;

namespace SortLine.Pipeline.Particles;

/// <summary>
/// One particle: a connected set of foreground pixels over consecutive lines, as <see cref="ParticleTracker"/>
/// accumulates it.
/// </summary>
/// <remarks>
/// A pooled record: the tracker owns a fixed set of these and reuses them. A closed particle handed out by
/// <see cref="ParticleTracker.Closed"/> stays valid only until the next call to <see cref="ParticleTracker.Track"/>
/// or <see cref="ParticleTracker.Flush"/>; copy what you need (e.g. into a <see cref="ParticleDecision"/>) before that.
/// Columns are pixel indices across the belt; positions along the belt are encoder counts.
/// </remarks>
public sealed class Particle
{
    private readonly int[] _classPixelCounts;
    private long _columnSum;
    private long _encoderOffsetSum;
    private double _confidenceSum;

    /// <summary>Creates an empty record for <paramref name="classCount"/> class ids.</summary>
    internal Particle(int classCount) => _classPixelCounts = new int[classCount];

    /// <summary>Gets the particle id: unique and increasing in order of first appearance (when two particles merge, the older id survives and the younger is never reported).</summary>
    public long Id { get; private set; }

    /// <summary>Gets the line sequence number of the first line the particle appears in.</summary>
    public long FirstSequence { get; private set; }

    /// <summary>Gets the line sequence number of the last line the particle appears in.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Gets the encoder position of the first line the particle appears in (its leading edge).</summary>
    public EncoderPosition FirstEncoder { get; private set; }

    /// <summary>Gets the encoder position of the last line the particle appears in (its trailing edge).</summary>
    public EncoderPosition LastEncoder { get; private set; }

    /// <summary>Gets the acquisition timestamp of the first line (source <see cref="TimeProvider"/> ticks).</summary>
    public long FirstTimestamp { get; private set; }

    /// <summary>Gets the leftmost pixel column.</summary>
    public int FirstColumn { get; private set; }

    /// <summary>Gets the rightmost pixel column.</summary>
    public int LastColumn { get; private set; }

    /// <summary>Gets the number of pixels.</summary>
    public int PixelCount { get; private set; }

    /// <summary>Gets the number of pixels per class id (index = class id; index 0, the background, is always 0).</summary>
    public ReadOnlySpan<int> ClassPixelCounts => _classPixelCounts;

    /// <summary>Gets the number of pixels that came with a confidence value.</summary>
    public int ConfidencePixelCount { get; private set; }

    /// <summary>Gets the mean per-pixel confidence, or null when no line of the particle carried confidences.</summary>
    public double? MeanConfidence => ConfidencePixelCount == 0 ? null : _confidenceSum / ConfidencePixelCount;

    /// <summary>Gets the mean pixel column (across-belt centroid, in pixel index units).</summary>
    public double CentroidColumn => PixelCount == 0 ? 0 : (double)_columnSum / PixelCount;

    /// <summary>Gets the mean encoder position of the pixels (along-belt centroid, in counts).</summary>
    public double CentroidEncoder => PixelCount == 0 ? FirstEncoder.Counts : FirstEncoder.Counts + ((double)_encoderOffsetSum / PixelCount);

    /// <summary>Gets the number of lines from the first to the last line, missing lines included.</summary>
    public long LengthLines => LastSequence - FirstSequence + 1;

    /// <summary>Gets why the particle was closed (meaningful once closed).</summary>
    public ParticleCloseReason CloseReason { get; internal set; }

    /// <summary>Starts a new particle at a line.</summary>
    internal void Reset(long id, in SampleStamp stamp)
    {
        Id = id;
        FirstSequence = LastSequence = stamp.Sequence;
        FirstEncoder = LastEncoder = stamp.Encoder;
        FirstTimestamp = stamp.Timestamp;
        FirstColumn = int.MaxValue;
        LastColumn = -1;
        PixelCount = 0;
        ConfidencePixelCount = 0;
        _columnSum = 0;
        _encoderOffsetSum = 0;
        _confidenceSum = 0;
        CloseReason = ParticleCloseReason.Ended;
        Array.Clear(_classPixelCounts);
    }

    /// <summary>Adds the run of pixels [<paramref name="start"/>, <paramref name="end"/>] of a line.</summary>
    internal void AddRun(int start, int end, ReadOnlySpan<byte> classes, ReadOnlySpan<float> confidence, in SampleStamp stamp)
    {
        int length = end - start + 1;
        if (stamp.Sequence > LastSequence)
        {
            LastSequence = stamp.Sequence;
        }

        if (stamp.Encoder > LastEncoder)
        {
            LastEncoder = stamp.Encoder;
        }

        FirstColumn = Math.Min(FirstColumn, start);
        LastColumn = Math.Max(LastColumn, end);
        PixelCount += length;

        // Sum of the columns start..end, closed form.
        _columnSum += ((long)(start + end) * length) / 2;
        _encoderOffsetSum += (stamp.Encoder - FirstEncoder) * length;
        int[] counts = _classPixelCounts;
        for (int i = start; i <= end; i++)
        {
            counts[classes[i]]++;
        }

        if (!confidence.IsEmpty)
        {
            double sum = 0;
            for (int i = start; i <= end; i++)
            {
                sum += confidence[i];
            }

            _confidenceSum += sum;
            ConfidencePixelCount += length;
        }
    }

    /// <summary>Absorbs another particle (the two turned out to be connected).</summary>
    internal void Absorb(Particle other)
    {
        EncoderPosition first = other.FirstEncoder < FirstEncoder ? other.FirstEncoder : FirstEncoder;
        _encoderOffsetSum = _encoderOffsetSum + ((FirstEncoder - first) * PixelCount)
            + other._encoderOffsetSum + ((other.FirstEncoder - first) * other.PixelCount);
        if (other.FirstSequence < FirstSequence)
        {
            FirstSequence = other.FirstSequence;
            FirstTimestamp = other.FirstTimestamp;
        }

        FirstEncoder = first;
        LastSequence = Math.Max(LastSequence, other.LastSequence);
        LastEncoder = other.LastEncoder > LastEncoder ? other.LastEncoder : LastEncoder;
        FirstColumn = Math.Min(FirstColumn, other.FirstColumn);
        LastColumn = Math.Max(LastColumn, other.LastColumn);
        PixelCount += other.PixelCount;
        ConfidencePixelCount += other.ConfidencePixelCount;
        _columnSum += other._columnSum;
        _confidenceSum += other._confidenceSum;
        for (int i = 0; i < _classPixelCounts.Length; i++)
        {
            _classPixelCounts[i] += other._classPixelCounts[i];
        }
    }
}

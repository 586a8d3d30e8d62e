using System.Buffers;
using Microsoft.Win32.SafeHandles;
using SortLine.Learning.Internal;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Training;

/// <summary>
/// Persistent, bounded, append-only store of MSKD training pairs (format: docs/training-buffer.md). Records go to
/// segment files with a CRC-32 per record; <see cref="Append"/> returns only when the record is as durable as
/// <see cref="TrainingBufferOptions.Durability"/> says ("acknowledged"). On open, a torn record at the end of the
/// newest segment (crash mid-write) is cut off and everything before it kept; a damaged record in the middle of a
/// segment is reported in <see cref="Damage"/> with file and offset, the records before it are kept. The oldest
/// segments are deleted when the total exceeds <see cref="TrainingBufferOptions.MaxTotalBytes"/> or
/// <see cref="TrainingBufferOptions.MaxRecords"/>.
/// </summary>
/// <remarks>
/// One process owns a buffer folder at a time (an exclusive lock on <c>buffer.lock</c>, released by the OS if the
/// process dies). Within the process all members are thread-safe; reads and appends are serialized.
/// </remarks>
public sealed class TrainingBuffer : IDisposable
{
    private const string LockFileName = "buffer.lock";

    private readonly Lock _gate = new();
    private readonly TrainingBufferOptions _options;
    private readonly FileStream _lockFile;
    private readonly List<Segment> _segments;
    private readonly List<TrainingBufferDamage> _damage;
    private SafeFileHandle? _active;
    private long _nextSequence;
    private int _sinceFsync;
    private bool _disposed;

    private TrainingBuffer(TrainingBufferOptions options, FileStream lockFile, List<Segment> segments, List<TrainingBufferDamage> damage, long nextSequence)
    {
        _options = options;
        _lockFile = lockFile;
        _segments = segments;
        _damage = damage;
        _nextSequence = nextSequence;
    }

    /// <summary>Gets the problems found and handled when the buffer opened (empty when it was clean).</summary>
    public IReadOnlyList<TrainingBufferDamage> Damage => _damage;

    /// <summary>Gets the sequence number the next append will get.</summary>
    public long NextSequence
    {
        get
        {
            lock (_gate)
            {
                return _nextSequence;
            }
        }
    }

    /// <summary>Gets the number of readable records.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _segments.Sum(s => (long)s.Count);
            }
        }
    }

    /// <summary>Gets the bytes held in segment files (headers included), in bytes.</summary>
    public long SizeBytes
    {
        get
        {
            lock (_gate)
            {
                return _segments.Sum(s => s.Length);
            }
        }
    }

    /// <summary>Opens (or creates) the buffer in <see cref="TrainingBufferOptions.Directory"/>, repairing a torn tail.</summary>
    /// <param name="options">Folder, limits and durability policy.</param>
    /// <returns>The open buffer; see <see cref="Damage"/> for what was repaired or found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    /// <exception cref="IOException">The folder is locked by another process or cannot be read.</exception>
    public static TrainingBuffer Open(TrainingBufferOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string directory = Path.GetFullPath(options.Directory);
        Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"The training buffer in '{directory}' is open in another process (or its lock file cannot be opened).", e);
        }

        try
        {
            var damage = new List<TrainingBufferDamage>();
            List<Segment> segments = Scan(directory, damage);
            // Sequence numbers are never reused, not even those of unreadable records after a corruption.
            long next = segments.Count > 0 ? segments.Max(s => Math.Max(s.NextSequence, s.UnreadMaxSequence + 1)) : 0;
            return new TrainingBuffer(options, lockFile, segments, damage, next);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends a record and returns once it is durable per the configured policy. Rolls to a new segment when the
    /// active one is full and applies retention afterwards.
    /// </summary>
    /// <param name="pair">The training pair.</param>
    /// <returns>The record's sequence number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pair"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    /// <exception cref="IOException">The record could not be written; it is not acknowledged and the next append overwrites it.</exception>
    public long Append(TrainingPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        int length = TrainingRecordCodec.EncodedLength(pair);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                Segment segment = ActiveSegment(length);
                long sequence = _nextSequence;
                TrainingRecordCodec.Encode(sequence, pair, buffer);
                RandomAccess.Write(_active!, buffer.AsSpan(0, length), segment.Length);
                switch (_options.Durability)
                {
                    case TrainingBufferDurability.FsyncEachRecord:
                        RandomAccess.FlushToDisk(_active!);
                        break;
                    case TrainingBufferDurability.FsyncEveryN when ++_sinceFsync >= _options.FsyncInterval:
                        RandomAccess.FlushToDisk(_active!);
                        _sinceFsync = 0;
                        break;
                    default:
                        break;
                }

                segment.Add(length, pair.Encoder.Counts, pair.TimestampUtc.UtcTicks);
                _nextSequence++;
                ApplyRetention();
                return sequence;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Forces every appended record to stable storage (fsync), whatever the policy.</summary>
    /// <exception cref="ObjectDisposedException">The buffer is disposed.</exception>
    public void Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_active is not null)
            {
                RandomAccess.FlushToDisk(_active);
            }

            _sinceFsync = 0;
        }
    }

    /// <summary>Reads every stored record, oldest first.</summary>
    /// <returns>The records in sequence order.</returns>
    /// <exception cref="InvalidDataException">A record changed on disk since it was written or checked (names file and offset).</exception>
    public IReadOnlyList<StoredTrainingPair> ReadAll() => Read(static _ => true, static _ => true);

    /// <summary>Reads the most recent <paramref name="count"/> records, oldest first.</summary>
    /// <param name="count">How many (≥ 0); fewer are returned when fewer are stored.</param>
    /// <returns>The records in sequence order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="InvalidDataException">A record changed on disk since it was checked.</exception>
    public IReadOnlyList<StoredTrainingPair> ReadLatest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var picked = new List<Segment>();
            long total = 0;
            for (int i = _segments.Count - 1; i >= 0 && total < count; i--)
            {
                picked.Add(_segments[i]);
                total += _segments[i].Count;
            }

            picked.Reverse();
            var result = new List<StoredTrainingPair>();
            foreach (Segment segment in picked)
            {
                ReadSegment(segment, static _ => true, result);
            }

            return result.Count > count ? result.GetRange(result.Count - count, count) : result;
        }
    }

    /// <summary>Reads the records whose encoder position lies in [<paramref name="from"/>, <paramref name="to"/>], oldest first.</summary>
    /// <param name="from">First belt position (inclusive).</param>
    /// <param name="to">Last belt position (inclusive).</param>
    /// <returns>The records in sequence order.</returns>
    /// <exception cref="InvalidDataException">A record changed on disk since it was checked.</exception>
    public IReadOnlyList<StoredTrainingPair> ReadWindow(EncoderPosition from, EncoderPosition to) =>
        Read(s => s.MaxEncoder >= from.Counts && s.MinEncoder <= to.Counts,
             p => p.Pair.Encoder >= from && p.Pair.Encoder <= to);

    /// <summary>Reads the records taken in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>], oldest first.</summary>
    /// <param name="fromUtc">Start time (inclusive).</param>
    /// <param name="toUtc">End time (inclusive).</param>
    /// <returns>The records in sequence order.</returns>
    /// <exception cref="InvalidDataException">A record changed on disk since it was checked.</exception>
    public IReadOnlyList<StoredTrainingPair> ReadWindow(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        long from = fromUtc.UtcTicks;
        long to = toUtc.UtcTicks;
        return Read(s => s.MaxUtcTicks >= from && s.MinUtcTicks <= to,
                    p => p.Pair.TimestampUtc.UtcTicks >= from && p.Pair.TimestampUtc.UtcTicks <= to);
    }

    /// <summary>Fsyncs and closes the active segment and releases the folder lock.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_active is not null)
            {
                RandomAccess.FlushToDisk(_active);
                _active.Dispose();
                _active = null;
            }

            _lockFile.Dispose();
        }
    }

    private List<StoredTrainingPair> Read(Func<Segment, bool> segmentFilter, Func<StoredTrainingPair, bool> recordFilter)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var result = new List<StoredTrainingPair>();
            foreach (Segment segment in _segments)
            {
                if (segment.Count > 0 && segmentFilter(segment))
                {
                    ReadSegment(segment, recordFilter, result);
                }
            }

            return result;
        }
    }

    private static void ReadSegment(Segment segment, Func<StoredTrainingPair, bool> filter, List<StoredTrainingPair> result)
    {
        byte[] data = new byte[segment.Length];
        using (SafeFileHandle handle = File.OpenHandle(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            int read = 0;
            while (read < data.Length)
            {
                int n = RandomAccess.Read(handle, data.AsSpan(read), read);
                if (n == 0)
                {
                    throw new InvalidDataException($"Training segment '{segment.Path}' is shorter ({read} bytes) than its {segment.Length} checked bytes.");
                }

                read += n;
            }
        }

        int offset = SegmentHeader.Length;
        for (int i = 0; i < segment.Count; i++)
        {
            int frame = TrainingRecordCodec.CheckFrame(data.AsSpan(offset), out _, out string? problem);
            if (frame == 0)
            {
                throw new InvalidDataException($"Training segment '{segment.Path}' changed on disk: at offset {offset}, {problem}.");
            }

            StoredTrainingPair pair = TrainingRecordCodec.Decode(data.AsSpan(offset, frame));
            if (filter(pair))
            {
                result.Add(pair);
            }

            offset += frame;
        }
    }

    private Segment ActiveSegment(int recordLength)
    {
        Segment? last = _segments.Count > 0 ? _segments[^1] : null;
        if (last is not null && !last.Sealed && last.Count > 0
            && (last.Length + recordLength > _options.SegmentMaxBytes || last.Count >= _options.SegmentMaxRecords))
        {
            if (_active is not null)
            {
                RandomAccess.FlushToDisk(_active);
                _active.Dispose();
                _active = null;
            }

            last.Sealed = true;
        }

        if (last is not null && !last.Sealed)
        {
            _active ??= File.OpenHandle(last.Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
            return last;
        }

        string directory = Path.GetFullPath(_options.Directory);
        string path = Path.Combine(directory, SegmentHeader.FileName(_nextSequence));
        Span<byte> header = stackalloc byte[SegmentHeader.Length];
        SegmentHeader.Write(_nextSequence, header);
        SafeFileHandle handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            RandomAccess.Write(handle, header, 0);
            RandomAccess.FlushToDisk(handle);
            DurableFile.FsyncDirectory(directory);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        _active = handle;
        var segment = new Segment(path, _nextSequence);
        _segments.Add(segment);
        return segment;
    }

    private void ApplyRetention()
    {
        long bytes = _segments.Sum(s => s.Length);
        long records = _segments.Sum(s => (long)s.Count);
        bool deleted = false;
        while (_segments.Count > 1 && (bytes > _options.MaxTotalBytes || records > _options.MaxRecords))
        {
            Segment oldest = _segments[0];
            File.Delete(oldest.Path);
            _segments.RemoveAt(0);
            bytes -= oldest.Length;
            records -= oldest.Count;
            deleted = true;
        }

        if (deleted)
        {
            DurableFile.FsyncDirectory(Path.GetFullPath(_options.Directory));
        }
    }

    private static List<Segment> Scan(string directory, List<TrainingBufferDamage> damage)
    {
        string[] files = Directory.GetFiles(directory, "*" + SegmentHeader.FileExtension);
        Array.Sort(files, StringComparer.Ordinal);
        var segments = new List<Segment>();
        for (int f = 0; f < files.Length; f++)
        {
            bool newest = f == files.Length - 1;
            Segment? segment = ScanSegment(files[f], newest, damage);
            if (segment is not null)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static Segment? ScanSegment(string path, bool newest, List<TrainingBufferDamage> damage)
    {
        byte[] data = File.ReadAllBytes(path);
        string? headerProblem = SegmentHeader.TryRead(data, out long firstSequence);
        if (headerProblem is not null)
        {
            if (newest && data.Length < SegmentHeader.Length)
            {
                // Crash while creating the segment: it never held an acknowledged record.
                File.Delete(path);
                damage.Add(new TrainingBufferDamage(TrainingBufferDamageKind.TornTail, path, 0, data.Length, headerProblem + "; the empty segment was deleted"));
                return null;
            }

            damage.Add(new TrainingBufferDamage(TrainingBufferDamageKind.Corruption, path, 0, data.Length, headerProblem + "; the segment is not read"));
            return null;
        }

        var segment = new Segment(path, firstSequence);
        int offset = SegmentHeader.Length;
        while (offset < data.Length)
        {
            ReadOnlySpan<byte> rest = data.AsSpan(offset);
            int frame = TrainingRecordCodec.CheckFrame(rest, out bool runsPastEnd, out string? problem);
            if (frame > 0)
            {
                long sequence = TrainingRecordCodec.ReadSequence(rest);
                if (sequence != segment.NextSequence)
                {
                    frame = 0;
                    problem = $"record has sequence {sequence}, expected {segment.NextSequence}";
                }
            }

            if (frame == 0)
            {
                long unreadMax = MaxValidSequenceAfter(data, offset + 1);
                bool torn = newest && (runsPastEnd || unreadMax < 0);
                if (torn)
                {
                    using (SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite))
                    {
                        RandomAccess.SetLength(handle, offset);
                        RandomAccess.FlushToDisk(handle);
                    }

                    damage.Add(new TrainingBufferDamage(TrainingBufferDamageKind.TornTail, path, offset, data.Length - offset, problem + "; cut off"));
                }
                else
                {
                    segment.Sealed = true;
                    segment.UnreadMaxSequence = unreadMax;
                    damage.Add(new TrainingBufferDamage(TrainingBufferDamageKind.Corruption, path, offset, data.Length - offset,
                        problem + "; the records before it are kept, the rest of the segment is not read"));
                }

                break;
            }

            segment.Add(frame, TrainingRecordCodec.ReadEncoder(rest), TrainingRecordCodec.ReadUtcTicks(rest));
            offset += frame;
        }

        if (!newest)
        {
            segment.Sealed = true;
        }

        return segment;
    }

    /// <summary>
    /// The largest sequence number of a valid record frame at or after <paramref name="start"/>, or −1 when there is
    /// none (then the damage is a torn tail, not a corruption in the middle).
    /// </summary>
    private static long MaxValidSequenceAfter(byte[] data, int start)
    {
        long max = -1;
        ReadOnlySpan<byte> span = data;
        for (int i = start; i <= data.Length - TrainingRecordCodec.FrameOverhead; i++)
        {
            int next = span[i..].IndexOf(TrainingRecordCodec.Marker);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (TrainingRecordCodec.CheckFrame(span[i..], out _, out _) > 0)
            {
                max = Math.Max(max, TrainingRecordCodec.ReadSequence(span[i..]));
            }
        }

        return max;
    }
}

using System.Diagnostics;
using SortLine.Sensors;

namespace SortLine.Pipeline.Particles;

/// <summary>
/// Finds particles in a stream of classified lines: connected components of foreground pixels (any class other
/// than 0, the belt) across pixels and consecutive lines, labelled one line at a time.
/// </summary>
/// <remarks>
/// <para><b>Connectivity.</b> 8-connectivity: a pixel joins the particles of the three pixels above it (left-above,
/// above, right-above) and of its left/right neighbours. Diagonal contact counts, so a thin diagonal object is not
/// cut into pieces; the price is that two particles touching only at a corner are one particle.</para>
/// <para><b>Merging and splitting.</b> Labels live in a union-find over particle slots: when a run of pixels touches
/// two open particles (a U-shape whose arms meet, two touching particles), they are unified and their statistics
/// summed; the older particle (smaller <see cref="Particle.Id"/>) survives. A particle whose parts separate
/// further down stays one particle (its parts share the label).</para>
/// <para><b>Closing.</b> A particle is closed after the first line in which none of its pixels has a connected
/// foreground pixel, and reported by that line's <see cref="Track"/> call.</para>
/// <para><b>Gaps.</b> Lines are ordered by <see cref="SampleStamp.Sequence"/>. Up to
/// <see cref="ParticleOptions.MaxGapLines"/> missing lines are bridged (the lines on either side are treated as
/// adjacent; the missing pixels are simply not counted). A longer gap, or a sequence that does not increase
/// (camera restart), closes every open particle with <see cref="ParticleCloseReason.Gap"/> before the line is
/// processed.</para>
/// <para><b>Guards.</b> A particle reaching <see cref="ParticleOptions.MaxParticleLines"/> is force-closed
/// (<see cref="ParticleCloseReason.MaxLength"/>); its pixels on the next line start a new particle. At most
/// <see cref="ParticleOptions.MaxOpenParticles"/> particles are open; a run that would open one more is not
/// tracked and counted in <see cref="OverflowRuns"/>/<see cref="OverflowPixels"/>.</para>
/// <para><b>Cost.</b> O(pixels) per line; label buffers and particle records are preallocated, so steady-state
/// tracking allocates nothing. Not thread-safe: one stage owns a tracker.</para>
/// </remarks>
public sealed class ParticleTracker
{
    private const int NoLabel = -1;

    private readonly int _pixels;
    private readonly int _classCount;
    private readonly int _maxOpen;
    private readonly int _maxGapLines;
    private readonly int _maxParticleLines;

    private int[] _previous;
    private int[] _current;

    private readonly Particle[] _slots;
    private readonly int[] _parent;
    private readonly long[] _touchedAtLine;
    private readonly int[] _free;
    private int _freeCount;
    private readonly int[] _open;
    private int _openCount;
    private int _openRoots;

    private readonly Particle[] _closed;
    private readonly int[] _closedSlots;
    private int _closedCount;

    private long _nextId;
    private long _lineIndex;
    private long _lastSequence;
    private bool _hasLine;

    /// <summary>Creates a tracker for lines of <paramref name="pixels"/> pixels.</summary>
    /// <param name="pixels">Pixels per line (≥ 1).</param>
    /// <param name="options">Tracking options (<see cref="ParticleOptions.ClassCount"/>, <see cref="ParticleOptions.MaxOpenParticles"/>,
    /// <see cref="ParticleOptions.MaxGapLines"/>, <see cref="ParticleOptions.MaxParticleLines"/>); validated options are assumed,
    /// the ranges used here are checked again.</param>
    /// <param name="firstParticleId">The id of the first particle (≥ 0): a line restarted after a stop continues its ids
    /// (<see cref="NextParticleId"/> of the previous tracker), so ids never repeat within a process.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range.</exception>
    public ParticleTracker(int pixels, ParticleOptions options, long firstParticleId = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstParticleId);
        _nextId = firstParticleId;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ClassCount, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.ClassCount, 256, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxOpenParticles, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxGapLines, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParticleLines, 1, nameof(options));
        _pixels = pixels;
        _classCount = options.ClassCount;
        _maxOpen = options.MaxOpenParticles;
        _maxGapLines = options.MaxGapLines;
        _maxParticleLines = options.MaxParticleLines;
        _previous = new int[pixels];
        _current = new int[pixels];
        _previous.AsSpan().Fill(NoLabel);
        _current.AsSpan().Fill(NoLabel);

        // Twice the open limit: the particles closed by one call keep their records until the next call while
        // new particles open in the same call.
        int slotCount = checked(2 * _maxOpen);
        _slots = new Particle[slotCount];
        _parent = new int[slotCount];
        _touchedAtLine = new long[slotCount];
        _free = new int[slotCount];
        _open = new int[slotCount];
        _closed = new Particle[slotCount];
        _closedSlots = new int[slotCount];
        for (int i = 0; i < slotCount; i++)
        {
            _slots[i] = new Particle(_classCount);
            _free[i] = slotCount - 1 - i;
        }

        _freeCount = slotCount;
    }

    /// <summary>Gets the number of pixels per line.</summary>
    public int Pixels => _pixels;

    /// <summary>Gets the largest number of particles one call can close (the length <see cref="Closed"/> can reach): twice <see cref="ParticleOptions.MaxOpenParticles"/>.</summary>
    public int MaxClosedPerCall => _closed.Length;

    /// <summary>Gets the number of particles open now.</summary>
    public int OpenParticles => _openRoots;

    /// <summary>Gets the particles closed by the last <see cref="Track"/> or <see cref="Flush"/> call, in order of id; valid until the next call.</summary>
    public ReadOnlySpan<Particle> Closed => _closed.AsSpan(0, _closedCount);

    /// <summary>Gets the number of lines tracked.</summary>
    public long LinesTracked { get; private set; }

    /// <summary>Gets the id the next particle will get.</summary>
    public long NextParticleId => _nextId;

    /// <summary>Gets the number of particles opened (merged ones included).</summary>
    public long ParticlesOpened { get; private set; }

    /// <summary>Gets the number of merges of two open particles into one.</summary>
    public long Merges { get; private set; }

    /// <summary>Gets the number of particles closed normally.</summary>
    public long ClosedEnded { get; private set; }

    /// <summary>Gets the number of particles force-closed at the maximum length.</summary>
    public long ClosedMaxLength { get; private set; }

    /// <summary>Gets the number of particles closed by a sequence gap or restart.</summary>
    public long ClosedGap { get; private set; }

    /// <summary>Gets the number of particles closed by <see cref="Flush"/>.</summary>
    public long ClosedFlush { get; private set; }

    /// <summary>Gets the number of sequence gaps (or restarts) that broke the tracking.</summary>
    public long GapBreaks { get; private set; }

    /// <summary>Gets the number of runs not tracked because <see cref="ParticleOptions.MaxOpenParticles"/> particles were open.</summary>
    public long OverflowRuns { get; private set; }

    /// <summary>Gets the number of pixels in runs that were not tracked.</summary>
    public long OverflowPixels { get; private set; }

    /// <summary>Tracks one line and reports the particles it closed in <see cref="Closed"/>.</summary>
    /// <param name="stamp">The line's stamp (sequence, encoder, timestamp).</param>
    /// <param name="classes">Class id per pixel; length <see cref="Pixels"/>, each id &lt; <see cref="ParticleOptions.ClassCount"/>.</param>
    /// <param name="confidence">Confidence per pixel (length <see cref="Pixels"/>), or empty.</param>
    /// <returns>The number of particles closed (the length of <see cref="Closed"/>).</returns>
    /// <exception cref="ArgumentException">A length is wrong, or a class id is out of range (the tracker's state is unchanged).</exception>
    public int Track(in SampleStamp stamp, ReadOnlySpan<byte> classes, ReadOnlySpan<float> confidence)
    {
        if (classes.Length != _pixels)
        {
            throw new ArgumentException($"The line has {classes.Length} class ids; the tracker expects {_pixels}.", nameof(classes));
        }

        if (!confidence.IsEmpty && confidence.Length != _pixels)
        {
            throw new ArgumentException($"The line has {confidence.Length} confidences; expected {_pixels} or none.", nameof(confidence));
        }

        if (_classCount < 256)
        {
            int bad = classes.IndexOfAnyInRange((byte)_classCount, byte.MaxValue);
            if (bad >= 0)
            {
                throw new ArgumentException($"Pixel {bad} has class id {classes[bad]}; the model has {_classCount} classes.", nameof(classes));
            }
        }

        ReleaseClosed();
        if (_hasLine)
        {
            long step = stamp.Sequence - _lastSequence;
            if (step <= 0 || step - 1 > _maxGapLines)
            {
                GapBreaks++;
                CloseAll(ParticleCloseReason.Gap);
            }
        }

        LabelRuns(stamp, classes, confidence);
        SweepOpen(stamp);

        (_previous, _current) = (_current, _previous);
        _current.AsSpan().Fill(NoLabel);
        _lastSequence = stamp.Sequence;
        _hasLine = true;
        _lineIndex++;
        LinesTracked++;
        SortClosed();
        return _closedCount;
    }

    /// <summary>Closes every open particle (the stream stopped) and reports them in <see cref="Closed"/>.</summary>
    /// <returns>The number of particles closed.</returns>
    /// <remarks>The next <see cref="Track"/> starts afresh: its line is not connected to the lines before.</remarks>
    public int Flush()
    {
        ReleaseClosed();
        CloseAll(ParticleCloseReason.Flush);
        _hasLine = false;
        SortClosed();
        return _closedCount;
    }

    /// <summary>Labels the foreground runs of a line against the previous line's labels.</summary>
    private void LabelRuns(in SampleStamp stamp, ReadOnlySpan<byte> classes, ReadOnlySpan<float> confidence)
    {
        int[] previous = _previous;
        int[] current = _current;
        int last = _pixels - 1;
        int i = 0;
        while (i <= last)
        {
            int offset = classes[i..].IndexOfAnyExcept((byte)0);
            if (offset < 0)
            {
                break;
            }

            int start = i + offset;
            int length = classes[start..].IndexOf((byte)0);
            int end = length < 0 ? last : start + length - 1;
            i = end + 2;

            // 8-connectivity: the run touches the previous line from one pixel left of it to one pixel right.
            int root = NoLabel;
            int lo = Math.Max(0, start - 1);
            int hi = Math.Min(last, end + 1);
            int seen = NoLabel;
            for (int j = lo; j <= hi; j++)
            {
                int label = previous[j];
                if (label == NoLabel || label == seen)
                {
                    continue;
                }

                seen = label;
                int r = Find(label);
                root = root == NoLabel ? r : Union(root, r);
            }

            if (root == NoLabel)
            {
                root = Open(stamp);
                if (root == NoLabel)
                {
                    OverflowRuns++;
                    OverflowPixels += end - start + 1;
                    continue;
                }
            }

            current.AsSpan(start, end - start + 1).Fill(root);
            _slots[root].AddRun(start, end, classes, confidence, stamp);
            _touchedAtLine[root] = _lineIndex;
        }

        // Runs labelled before a later merge still carry the absorbed label: point them at the survivor.
        for (int j = 0; j <= last; j++)
        {
            int label = current[j];
            if (label != NoLabel && _parent[label] != label)
            {
                current[j] = Find(label);
            }
        }
    }

    /// <summary>Frees absorbed slots, closes particles not touched by this line and force-closes over-long ones.</summary>
    private void SweepOpen(in SampleStamp stamp)
    {
        int kept = 0;
        for (int k = 0; k < _openCount; k++)
        {
            int slot = _open[k];
            if (_parent[slot] != slot)
            {
                _free[_freeCount++] = slot;
                continue;
            }

            Particle particle = _slots[slot];
            if (_touchedAtLine[slot] != _lineIndex)
            {
                Close(slot, ParticleCloseReason.Ended);
                continue;
            }

            if (stamp.Sequence - particle.FirstSequence + 1 >= _maxParticleLines)
            {
                Close(slot, ParticleCloseReason.MaxLength);
                Span<int> current = _current;
                for (int j = particle.FirstColumn; j <= particle.LastColumn; j++)
                {
                    if (current[j] == slot)
                    {
                        current[j] = NoLabel;
                    }
                }

                continue;
            }

            _open[kept++] = slot;
        }

        _openCount = kept;
    }

    /// <summary>Closes every open particle and forgets the previous line.</summary>
    private void CloseAll(ParticleCloseReason reason)
    {
        for (int k = 0; k < _openCount; k++)
        {
            int slot = _open[k];
            if (_parent[slot] == slot)
            {
                Close(slot, reason);
            }
            else
            {
                _free[_freeCount++] = slot;
            }
        }

        _openCount = 0;
        _previous.AsSpan().Fill(NoLabel);
    }

    /// <summary>Opens a particle in a free slot, or returns <see cref="NoLabel"/> when the open limit is reached.</summary>
    private int Open(in SampleStamp stamp)
    {
        if (_openRoots >= _maxOpen || _freeCount == 0)
        {
            return NoLabel;
        }

        int slot = _free[--_freeCount];
        _parent[slot] = slot;
        _slots[slot].Reset(_nextId++, stamp);
        _open[_openCount++] = slot;
        _openRoots++;
        ParticlesOpened++;
        return slot;
    }

    /// <summary>Moves a particle to the closed list; its slot is freed at the next call.</summary>
    private void Close(int slot, ParticleCloseReason reason)
    {
        Particle particle = _slots[slot];
        particle.CloseReason = reason;
        _closed[_closedCount] = particle;
        _closedSlots[_closedCount] = slot;
        _closedCount++;
        _openRoots--;
        switch (reason)
        {
            case ParticleCloseReason.Ended:
                ClosedEnded++;
                break;
            case ParticleCloseReason.MaxLength:
                ClosedMaxLength++;
                break;
            case ParticleCloseReason.Gap:
                ClosedGap++;
                break;
            default:
                ClosedFlush++;
                break;
        }
    }

    /// <summary>Returns the slots of the particles reported by the previous call.</summary>
    private void ReleaseClosed()
    {
        for (int k = 0; k < _closedCount; k++)
        {
            _free[_freeCount++] = _closedSlots[k];
            _closed[k] = null!;
        }

        _closedCount = 0;
    }

    /// <summary>Orders the closed particles by id (insertion sort: few close per line), so output order does not depend on slot reuse.</summary>
    private void SortClosed()
    {
        Particle[] closed = _closed;
        int[] slots = _closedSlots;
        for (int i = 1; i < _closedCount; i++)
        {
            Particle particle = closed[i];
            int slot = slots[i];
            int j = i - 1;
            while (j >= 0 && closed[j].Id > particle.Id)
            {
                closed[j + 1] = closed[j];
                slots[j + 1] = slots[j];
                j--;
            }

            closed[j + 1] = particle;
            slots[j + 1] = slot;
        }
    }

    /// <summary>Finds a label's root, compressing the path.</summary>
    private int Find(int label)
    {
        int root = label;
        while (_parent[root] != root)
        {
            root = _parent[root];
        }

        while (_parent[label] != root)
        {
            int next = _parent[label];
            _parent[label] = root;
            label = next;
        }

        return root;
    }

    /// <summary>Unifies two roots; the older particle survives and absorbs the younger.</summary>
    private int Union(int a, int b)
    {
        if (a == b)
        {
            return a;
        }

        Particle pa = _slots[a];
        Particle pb = _slots[b];
        (int survivor, int absorbed) = pa.Id < pb.Id ? (a, b) : (b, a);
        _slots[survivor].Absorb(_slots[absorbed]);
        _parent[absorbed] = survivor;
        _touchedAtLine[survivor] = _lineIndex;
        _openRoots--;
        Merges++;
        Debug.Assert(_openRoots >= 0, "Every absorbed particle was an open root.");
        return survivor;
    }
}

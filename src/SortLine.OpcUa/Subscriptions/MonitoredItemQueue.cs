using System.Diagnostics;
using SortLine.OpcUa.Encoding;

namespace SortLine.OpcUa.Subscriptions;

/// <summary>
/// A monitored item's notification queue (OPC 10000-4 §5.12.1.5): FIFO up to a capacity. On overflow it discards the
/// oldest value and sets the Overflow info bit on the value that is now oldest, or (discard newest) replaces the
/// newest value and sets the bit on it. A queue of size one always holds the newest value and never sets the bit.
/// The backing array grows on demand, so a large revised queue size costs nothing until values pile up.
/// </summary>
/// <remarks>Not thread-safe: the owning session's lock guards it.</remarks>
internal sealed class MonitoredItemQueue
{
    /// <summary>Info bits of an overflowed value: InfoType DataValue (0x400) | Overflow (0x80).</summary>
    public const uint OverflowInfoBits = 0x0480;

    private DataValue[] _items = new DataValue[4];
    private int _head;
    private int _count;

    /// <summary>Creates a queue.</summary>
    public MonitoredItemQueue(int capacity, bool discardOldest)
    {
        Debug.Assert(capacity >= 1);
        Capacity = capacity;
        DiscardOldest = discardOldest;
    }

    /// <summary>Most values held.</summary>
    public int Capacity { get; private set; }

    /// <summary>Discard policy on overflow.</summary>
    public bool DiscardOldest { get; set; }

    /// <summary>Values held.</summary>
    public int Count => _count;

    /// <summary>Values discarded since creation.</summary>
    public long DiscardedCount { get; private set; }

    /// <summary>Adds a value, applying the overflow policy.</summary>
    /// <returns>True when a value was discarded.</returns>
    public bool Enqueue(DataValue value)
    {
        if (_count < Capacity)
        {
            EnsureRoom();
            _items[(_head + _count) % _items.Length] = value;
            _count++;
            return false;
        }

        DiscardedCount++;
        if (Capacity == 1)
        {
            _items[_head] = value;
            return true;
        }

        if (DiscardOldest)
        {
            _items[_head] = null!;
            _head = (_head + 1) % _items.Length;
            _items[(_head + _count - 1) % _items.Length] = value;
            int oldest = _head;
            _items[oldest] = WithOverflow(_items[oldest]);
        }
        else
        {
            _items[(_head + _count - 1) % _items.Length] = WithOverflow(value);
        }

        return true;
    }

    /// <summary>Removes and returns the oldest value.</summary>
    public bool TryDequeue(out DataValue value)
    {
        if (_count == 0)
        {
            value = null!;
            return false;
        }

        value = _items[_head];
        _items[_head] = null!;
        _head = (_head + 1) % _items.Length;
        _count--;
        return true;
    }

    /// <summary>Drops every value.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    /// <summary>Changes the capacity; when shrinking, drops values by the discard policy (Overflow set as on overflow).</summary>
    public void Resize(int capacity)
    {
        Debug.Assert(capacity >= 1);
        var kept = new List<DataValue>(_count);
        while (TryDequeue(out DataValue v))
        {
            kept.Add(v);
        }

        Capacity = capacity;
        int drop = Math.Max(0, kept.Count - capacity);
        IEnumerable<DataValue> survivors = DiscardOldest ? kept.Skip(drop) : kept.Take(capacity);
        bool first = true;
        foreach (DataValue v in survivors)
        {
            _ = Enqueue(drop > 0 && capacity > 1 && ((DiscardOldest && first) || (!DiscardOldest && _count == capacity - 1)) ? WithOverflow(v) : v);
            first = false;
        }

        DiscardedCount += drop;
    }

    private static DataValue WithOverflow(DataValue value) => value with { Status = new StatusCode(value.Status.Code | OverflowInfoBits) };

    private void EnsureRoom()
    {
        if (_count < _items.Length)
        {
            return;
        }

        var grown = new DataValue[Math.Min(Math.Max(_items.Length * 2, 4), Math.Max(Capacity, 4))];
        for (int i = 0; i < _count; i++)
        {
            grown[i] = _items[(_head + i) % _items.Length];
        }

        _items = grown;
        _head = 0;
    }
}

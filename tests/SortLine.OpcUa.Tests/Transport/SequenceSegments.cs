using System.Buffers;

namespace SortLine.OpcUa.Tests.Transport;

/// <summary>Builds a multi-segment <see cref="ReadOnlySequence{T}"/>, as a Pipe delivers socket reads.</summary>
internal sealed class SequenceSegments : ReadOnlySequenceSegment<byte>
{
    private SequenceSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] cuts)
    {
        var bounds = cuts.Prepend(0).Append(bytes.Length).ToArray();
        SequenceSegments? first = null;
        SequenceSegments? last = null;
        for (int i = 0; i < bounds.Length - 1; i++)
        {
            var segment = new SequenceSegments(bytes.AsMemory(bounds[i], bounds[i + 1] - bounds[i]), bounds[i]);
            if (last is null)
            {
                first = segment;
            }
            else
            {
                last.Next = segment;
            }

            last = segment;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }
}

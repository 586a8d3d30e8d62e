using SortLine.Pipeline.Particles;
using SortLine.Pipeline.Scheduling;
using SortLine.Sensors.Encoder;
using SortLine.Service.Line;

namespace SortLine.Service.Tests.Line;

public sealed class DecisionJournalTests
{
    // The journal sits on the line's decision path (the decision tap): recording must not allocate, from the first decision.
    [Fact]
    public void Record_ManyDecisionsAndCommands_AllocatesNothing()
    {
        var journal = new DecisionJournal();
        RecordMany(journal, 0, 1); // first calls (JIT, type initialisation)
        long before = GC.GetAllocatedBytesForCurrentThread();
        RecordMany(journal, 1, 1_000); // a journal that grew its rings by doubling would reallocate here
        long firstThousand = GC.GetAllocatedBytesForCurrentThread() - before;
        RecordMany(journal, 1_000, 80_000); // past the capacity: the oldest entries make room

        before = GC.GetAllocatedBytesForCurrentThread();
        RecordMany(journal, 80_000, 100_000);
        long steady = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, firstThousand);
        Assert.Equal(0, steady);
        Assert.Equal(100_000, journal.DecisionCount);
        Assert.Equal(100_000, journal.CommandCount);
    }

    private static void RecordMany(DecisionJournal journal, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            journal.Record(Decision(i));
            journal.Record(Command(i));
        }
    }

    [Fact]
    public void Decisions_MoreThanCapacity_KeepsTheMostRecentInOrder()
    {
        var journal = new DecisionJournal();
        for (int i = 0; i < 70_000; i++)
        {
            journal.Record(Decision(i));
        }

        IReadOnlyList<ParticleDecision> recent = journal.Decisions();

        Assert.Equal(65_536, recent.Count);
        Assert.Equal(70_000 - 65_536, recent[0].ParticleId);
        Assert.Equal(69_999, recent[^1].ParticleId);
        Assert.Equal(70_000 / 5, journal.ParticleCount(0));
    }

    private static ParticleDecision Decision(long id) =>
        new(id, (int)(id % 5), 0.9, id % 2 == 0, 10, 20, new EncoderPosition(id * 100), new EncoderPosition((id * 100) + 50), 120,
            ParticleCloseReason.Ended, new EncoderPosition((id * 100) + 60), id);

    private static EjectionCommand Command(long sequence) =>
        new(sequence, 3, 5, new EncoderPosition(sequence * 100), new EncoderPosition((sequence * 100) + 40), 1, 0.9, sequence, new EncoderPosition(sequence * 90));
}

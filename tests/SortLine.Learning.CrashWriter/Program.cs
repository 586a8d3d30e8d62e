using System.Globalization;
using SortLine.Learning.CrashWriter;
using SortLine.Learning.Training;

// Usage: CrashWriter <directory> <durability> <segmentMaxBytes> [maxRecords]
// Appends CrashRecords.Create(seq) in a loop and prints "ack <seq>" after each Append returns (= acknowledged),
// flushing stdout each time, until killed or maxRecords (default 100,000) is reached.
if (args.Length < 3)
{
    await Console.Error.WriteLineAsync("usage: CrashWriter <directory> <durability> <segmentMaxBytes> [maxRecords]").ConfigureAwait(false);
    return 2;
}

var options = new TrainingBufferOptions
{
    Directory = args[0],
    Durability = Enum.Parse<TrainingBufferDurability>(args[1]),
    SegmentMaxBytes = long.Parse(args[2], CultureInfo.InvariantCulture),
    MaxTotalBytes = 1L << 30,
};
long maxRecords = args.Length > 3 ? long.Parse(args[3], CultureInfo.InvariantCulture) : 100_000;

using TrainingBuffer buffer = TrainingBuffer.Open(options);
TextWriter stdout = Console.Out;
stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready {buffer.NextSequence}"));
stdout.Flush();
for (long i = 0; i < maxRecords; i++)
{
    long sequence = buffer.Append(CrashRecords.Create(buffer.NextSequence));
    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {sequence}"));
    stdout.Flush();
}

return 0;

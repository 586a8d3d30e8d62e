using SortLine.Learning.Training;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.CrashWriter;

/// <summary>
/// The deterministic record for each sequence number, shared by the crash writer and the test (compiled into both),
/// so the test can check that every acknowledged record came back bit for bit.
/// </summary>
internal static class CrashRecords
{
    public const int Bands = 288;
    public const int LibsFeatures = 17;

    public static TrainingPair Create(long sequence)
    {
        var random = new Random(unchecked((int)(sequence * 2654435761L)));
        var spectrum = new float[Bands];
        for (int i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] = (float)random.NextDouble();
        }

        var libs = new float[LibsFeatures];
        for (int i = 0; i < libs.Length; i++)
        {
            libs[i] = (float)(random.NextDouble() * 2) - 1;
        }

        return new TrainingPair(spectrum, (int)(sequence % 5), (float)random.NextDouble(), (float)(random.NextDouble() * 3), libs,
            new EncoderPosition(1_000_000 + (sequence * 37)), new DateTimeOffset(2025, 11, 23, 8, 0, 0, TimeSpan.Zero).AddMilliseconds(sequence * 10),
            (int)(sequence % 384), sequence / 3, sequence % 7 == 0, sequence % 7 == 0 ? 0.25f : 1f);
    }
}

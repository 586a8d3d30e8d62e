using System.Runtime.InteropServices;
using System.Text.Json;

namespace SortLine.Benchmarks.Infrastructure;

/// <summary>
/// The workload data shared with the peer scripts (benchmarks/peers/make_data.py): raw little-endian arrays and a
/// manifest of shapes and parameters, in the folder named by SORTLINE_PEER_DATA (default benchmarks/peers/.data).
/// </summary>
internal sealed class PeerWorkloadData
{
    private readonly string _folder;
    private readonly JsonElement _manifest;

    private PeerWorkloadData(string folder, JsonElement manifest)
    {
        _folder = folder;
        _manifest = manifest;
    }

    public static PeerWorkloadData Open()
    {
        string folder = Environment.GetEnvironmentVariable("SORTLINE_PEER_DATA")
            ?? Path.Combine(RepositoryData.Root(), "benchmarks", "peers", ".data");
        string manifest = Path.Combine(folder, "manifest.json");
        if (!File.Exists(manifest))
        {
            throw new FileNotFoundException($"No peer workload data at {folder}: run benchmarks/peers/run.sh (or make_data.py) first.", manifest);
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        return new PeerWorkloadData(folder, doc.RootElement.Clone());
    }

    public int Int(string name) => _manifest.GetProperty("params").GetProperty(name).GetInt32();

    public double Double(string name) => _manifest.GetProperty("params").GetProperty(name).GetDouble();

    public int[] Shape(string array) =>
        [.. _manifest.GetProperty("arrays").GetProperty(array).GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];

    public T[] Read<T>(string array)
        where T : unmanaged
    {
        string dtype = _manifest.GetProperty("arrays").GetProperty(array).GetProperty("dtype").GetString()!;
        int size = dtype[^1] - '0';
        if (size != Marshal.SizeOf<T>() || dtype[0] is not ('<' or '|'))
        {
            throw new InvalidDataException($"{array}: dtype {dtype} does not match {typeof(T).Name}.");
        }

        byte[] bytes = File.ReadAllBytes(Path.Combine(_folder, array + ".bin"));
        return MemoryMarshal.Cast<byte, T>(bytes).ToArray();
    }
}

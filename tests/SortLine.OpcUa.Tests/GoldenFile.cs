using System.Globalization;

namespace SortLine.OpcUa.Tests;

/// <summary>Reads the committed node-opcua golden files under tests/golden/opcua (copied to the test output).</summary>
internal static class GoldenFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "golden", "opcua", name);

    public static byte[] ReadBin(string caseName) => File.ReadAllBytes(PathOf(caseName + ".bin"));

    public static byte[] ReadHex(string caseName)
    {
        string hex = string.Concat(File.ReadAllText(PathOf(caseName + ".txt")).Where(c => !char.IsWhiteSpace(c)));
        return Convert.FromHexString(hex);
    }

    public static IReadOnlyDictionary<string, uint> ReadStatusCodes()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(PathOf("statuscodes.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetUInt32());
    }

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}

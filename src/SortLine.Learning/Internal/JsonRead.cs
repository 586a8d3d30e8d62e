using System.Globalization;
using System.Text.Json;

namespace SortLine.Learning.Internal;

/// <summary>
/// Strict accessors over <see cref="JsonElement"/> for the hand-written file formats: every missing or mistyped
/// member throws <see cref="InvalidDataException"/> naming the member, so load errors say exactly what is wrong.
/// </summary>
internal static class JsonRead
{
    public static JsonElement Property(JsonElement obj, string name, JsonValueKind kind)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Expected an object holding '{name}', found {obj.ValueKind}.");
        }

        if (!obj.TryGetProperty(name, out JsonElement value))
        {
            throw new InvalidDataException($"Member '{name}' is missing.");
        }

        if (value.ValueKind != kind && !(kind == JsonValueKind.True && value.ValueKind == JsonValueKind.False))
        {
            throw new InvalidDataException($"Member '{name}' is {value.ValueKind}; {kind} was expected.");
        }

        return value;
    }

    public static string String(JsonElement obj, string name) => Property(obj, name, JsonValueKind.String).GetString()!;

    public static string? NullableString(JsonElement obj, string name)
    {
        JsonElement value = Any(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => value.GetString(),
            _ => throw new InvalidDataException($"Member '{name}' is {value.ValueKind}; a string or null was expected."),
        };
    }

    public static bool Boolean(JsonElement obj, string name) => Property(obj, name, JsonValueKind.True).GetBoolean();

    public static int Int32(JsonElement obj, string name)
    {
        JsonElement value = Property(obj, name, JsonValueKind.Number);
        return value.TryGetInt32(out int result) ? result : throw new InvalidDataException($"Member '{name}' is not a 32-bit integer.");
    }

    public static long Int64(JsonElement obj, string name)
    {
        JsonElement value = Property(obj, name, JsonValueKind.Number);
        return value.TryGetInt64(out long result) ? result : throw new InvalidDataException($"Member '{name}' is not a 64-bit integer.");
    }

    public static double Double(JsonElement obj, string name) => Property(obj, name, JsonValueKind.Number).GetDouble();

    public static double? NullableDouble(JsonElement obj, string name)
    {
        JsonElement value = Any(obj, name);
        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.Number => value.GetDouble(),
            _ => throw new InvalidDataException($"Member '{name}' is {value.ValueKind}; a number or null was expected."),
        };
    }

    public static DateTimeOffset Utc(JsonElement obj, string name)
    {
        string text = String(obj, name);
        return DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset value)
            ? value.ToUniversalTime()
            : throw new InvalidDataException($"Member '{name}' ('{text}') is not an ISO 8601 round-trip time.");
    }

    public static double[] DoubleArray(JsonElement obj, string name)
    {
        JsonElement array = Property(obj, name, JsonValueKind.Array);
        var result = new double[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Element {i} of '{name}' is not a number."));
            }

            result[i++] = item.GetDouble();
        }

        return result;
    }

    public static string[] StringArray(JsonElement obj, string name)
    {
        JsonElement array = Property(obj, name, JsonValueKind.Array);
        var result = new string[array.GetArrayLength()];
        int i = 0;
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Element {i} of '{name}' is not a string."));
            }

            result[i++] = item.GetString()!;
        }

        return result;
    }

    public static string FormatUtc(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static JsonElement Any(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"Expected an object holding '{name}', found {obj.ValueKind}.");
        }

        return obj.TryGetProperty(name, out JsonElement value) ? value : throw new InvalidDataException($"Member '{name}' is missing.");
    }
}

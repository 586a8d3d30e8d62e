namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Text with an optional locale (OPC 10000-6 §5.2.2.14): a mask byte (0x01 Locale, 0x02 Text), then each
/// present field as a String. A field is encoded when it is not null, so an empty string round-trips.
/// </summary>
/// <param name="Locale">The locale id, e.g. "de-DE", or null.</param>
/// <param name="Text">The text, or null.</param>
public readonly record struct LocalizedText(string? Locale, string? Text)
{
    /// <summary>Text without a locale.</summary>
    public static LocalizedText FromText(string? text) => new(null, text);

    /// <inheritdoc/>
    public override string ToString() => Locale is null ? Text ?? string.Empty : "[" + Locale + "] " + Text;
}

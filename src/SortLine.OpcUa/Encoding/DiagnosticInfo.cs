namespace SortLine.OpcUa.Encoding;

/// <summary>
/// Vendor diagnostics for a status (OPC 10000-6 §5.2.2.12). The four string fields are Int32 indexes into
/// the response header's StringTable. Mask bits: 0x01 SymbolicId, 0x02 NamespaceUri, 0x04 LocalizedText,
/// 0x08 Locale, 0x10 AdditionalInfo, 0x20 InnerStatusCode, 0x40 InnerDiagnosticInfo; stream order is
/// SymbolicId, NamespaceUri, Locale, LocalizedText, AdditionalInfo, InnerStatusCode, InnerDiagnosticInfo.
/// A field is encoded when it is not null.
/// </summary>
public sealed record DiagnosticInfo
{
    /// <summary>Index of the symbolic id in the string table.</summary>
    public int? SymbolicId { get; init; }

    /// <summary>Index of the namespace URI in the string table.</summary>
    public int? NamespaceUri { get; init; }

    /// <summary>Index of the locale in the string table.</summary>
    public int? Locale { get; init; }

    /// <summary>Index of the localized text in the string table.</summary>
    public int? LocalizedText { get; init; }

    /// <summary>Free-form vendor detail.</summary>
    public string? AdditionalInfo { get; init; }

    /// <summary>The status of the underlying failure.</summary>
    public StatusCode? InnerStatusCode { get; init; }

    /// <summary>Diagnostics of the underlying failure (recursive; decoding caps the depth).</summary>
    public DiagnosticInfo? InnerDiagnosticInfo { get; init; }

    /// <summary>The nesting depth of this chain (1 when there is no inner info).</summary>
    public int Depth
    {
        get
        {
            int depth = 1;
            for (DiagnosticInfo? inner = InnerDiagnosticInfo; inner is not null; inner = inner.InnerDiagnosticInfo)
            {
                depth++;
            }

            return depth;
        }
    }
}

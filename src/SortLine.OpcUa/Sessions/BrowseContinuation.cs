using SortLine.OpcUa.Services;

namespace SortLine.OpcUa.Sessions;

/// <summary>The references a Browse could not return yet, held by the session behind a continuation point.</summary>
/// <param name="Remaining">References still to return, in order.</param>
/// <param name="MaxReferencesPerNode">How many to return per BrowseNext.</param>
internal sealed record BrowseContinuation(ReferenceDescription[] Remaining, int MaxReferencesPerNode);

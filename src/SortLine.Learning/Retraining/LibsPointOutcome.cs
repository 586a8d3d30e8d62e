namespace SortLine.Learning.Retraining;

/// <summary>What <see cref="MskdSession.AddLibsPoint"/> did with one LIBS point.</summary>
public enum LibsPointOutcome
{
    /// <summary>Labelled by the teacher, paired with a SWIR spectrum and appended to the training buffer.</summary>
    Paired = 0,

    /// <summary>Accepted into the teacher's bootstrap batch (no teacher yet); its pair, if any, is appended once the teacher is fitted.</summary>
    Bootstrapping = 1,

    /// <summary>Rejected by the feature extractor (misfire, no plasma, non-finite, weak lines).</summary>
    Rejected = 2,

    /// <summary>Labelled, but no SWIR spectrum could be paired with it (see <see cref="MskdSession.Pairing"/> for the reasons).</summary>
    NotPaired = 3,
}

namespace SortLine.Learning.Teacher;

/// <summary>Why <see cref="LibsFeatureExtractor"/> gave no feature vector for a LIBS point.</summary>
public enum LibsRejectReason
{
    /// <summary>Not rejected: the features are valid.</summary>
    None = 0,

    /// <summary>The spectrum holds NaN or ±∞ (a corrupted readout).</summary>
    NonFinite = 1,

    /// <summary>No plasma: too few channels of the baseline-corrected spectrum rise clearly above the noise (a misfire,
    /// an empty belt gap, a missed particle).</summary>
    NoPlasma = 2,

    /// <summary>Plasma, but the summed heights of the configured element lines are below the configured multiple of the
    /// noise (only when <see cref="TeacherOptions.MinLineSignalToNoise"/> &gt; 0).</summary>
    WeakLineSignal = 3,
}

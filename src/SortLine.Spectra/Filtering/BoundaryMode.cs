namespace SortLine.Spectra.Filtering;

/// <summary>How a filter extends a map beyond its edges; names and semantics follow scipy.ndimage.</summary>
public enum BoundaryMode
{
    /// <summary>Half-sample symmetric: (d c b a | a b c d | d c b a). SciPy's default 'reflect'.</summary>
    Reflect = 0,

    /// <summary>Repeat the edge sample: (a a a a | a b c d | d d d d). SciPy's 'nearest'.</summary>
    Nearest = 1,

    /// <summary>Whole-sample symmetric, the edge sample not repeated: (d c b | a b c d | c b a). SciPy's 'mirror'.</summary>
    Mirror = 2,

    /// <summary>A constant value beyond the edges: (k k k k | a b c d | k k k k). SciPy's 'constant' with cval = k.</summary>
    Constant = 3,
}

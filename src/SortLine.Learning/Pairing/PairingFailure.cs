namespace SortLine.Learning.Pairing;

/// <summary>Why a LIBS point could not be paired with a SWIR spectrum.</summary>
public enum PairingFailure
{
    /// <summary>Paired.</summary>
    None = 0,

    /// <summary>The registered position lies before the oldest line still in the <see cref="SwirLineHistory"/> (the
    /// LIBS point came too late, or the history is too short for the sensor distance and belt speed).</summary>
    TooOld = 1,

    /// <summary>The registered position lies after the newest line: the SWIR camera has not scanned it (yet), or the
    /// history is empty.</summary>
    NotYetSeen = 2,

    /// <summary>The nearest line in the history is farther along the belt than allowed (lines were dropped there).</summary>
    NoLineNearby = 3,

    /// <summary>The registered pixel column lies outside the camera's pixels (the spot is off the imaged belt).</summary>
    OutsideSwirView = 4,
}

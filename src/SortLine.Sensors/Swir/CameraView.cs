namespace SortLine.Sensors.Swir;

/// <summary>What the SWIR camera looks at, for acquiring calibration references.</summary>
public enum CameraView
{
    /// <summary>The belt: normal sorting.</summary>
    Belt = 0,

    /// <summary>Shutter closed (or lamp off): the dark reference.</summary>
    DarkShutter = 1,

    /// <summary>The white reference tile under the lamps: the white reference.</summary>
    WhiteReference = 2,
}

namespace SortLine.Sensors;

/// <summary>Why a sensor stopped delivering.</summary>
public enum SensorFaultKind
{
    /// <summary>The link to the device was lost (cable, network, device reset).</summary>
    Disconnected = 0,

    /// <summary>No sample arrived within the expected time.</summary>
    Timeout = 1,

    /// <summary>The device or a recording delivered data that cannot be decoded.</summary>
    DataError = 2,
}

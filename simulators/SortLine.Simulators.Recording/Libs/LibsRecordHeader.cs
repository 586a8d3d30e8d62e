using SortLine.Sensors;

namespace SortLine.Simulators.Recording.Libs;

/// <summary>The non-spectral part of one recorded LIBS point.</summary>
/// <param name="Stamp">The recorded sequence number, encoder position and timestamp (ticks of the recording's timestamp frequency).</param>
/// <param name="ScanXMm">The spot's across-belt position in the instrument frame, mm.</param>
/// <param name="ScanYMm">The spot's along-belt position in the instrument frame, mm.</param>
public readonly record struct LibsRecordHeader(SampleStamp Stamp, double ScanXMm, double ScanYMm);

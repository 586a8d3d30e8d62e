namespace SortLine.Simulators.Libs;

/// <summary>
/// The similarity transform from the LIBS instrument frame to the line frame: w = s · R(θ) · l + t.
/// </summary>
/// <remarks>
/// <para>Millimetres. The <b>line frame</b> is fixed in the machine: <i>across</i> from the belt's left edge and
/// <i>downstream</i> distance from the SWIR scan line. A belt point with material coordinate y (m, see
/// <see cref="Belt.BeltScene"/>) is, while the encoder reads E (m), at downstream = (E − y) · 1000. A SWIR pixel p of the
/// line stamped E_s therefore lies at (pixel centre across · 1000, (E − E_s) · 1000) at a later encoder reading E.</para>
/// <para>The <b>instrument frame</b> is the scanner's own (<see cref="Sensors.Libs.LibsPoint.ScanXMm"/>,
/// <see cref="Sensors.Libs.LibsPoint.ScanYMm"/>). Registration (Kabsch-Umeyama) estimates this transform from calibration targets.</para>
/// </remarks>
/// <param name="Scale">Line-frame millimetres per instrument millimetre (s &gt; 0).</param>
/// <param name="RotationDegrees">Rotation θ of the instrument axes, degrees (counter-clockwise from across towards downstream).</param>
/// <param name="OffsetAcrossMm">Translation t, across, mm.</param>
/// <param name="OffsetDownstreamMm">Translation t, downstream, mm.</param>
public readonly record struct LibsFrameTransform(double Scale, double RotationDegrees, double OffsetAcrossMm, double OffsetDownstreamMm)
{
    /// <summary>Maps an instrument point to the line frame.</summary>
    /// <param name="xMm">Instrument X, mm.</param>
    /// <param name="yMm">Instrument Y, mm.</param>
    /// <returns>(across, downstream) in mm.</returns>
    public (double AcrossMm, double DownstreamMm) ToLine(double xMm, double yMm)
    {
        double theta = RotationDegrees * Math.PI / 180;
        double c = Math.Cos(theta);
        double s = Math.Sin(theta);
        return ((Scale * ((c * xMm) - (s * yMm))) + OffsetAcrossMm, (Scale * ((s * xMm) + (c * yMm))) + OffsetDownstreamMm);
    }

    /// <summary>Maps a line-frame point to the instrument frame (the inverse of <see cref="ToLine"/>).</summary>
    /// <param name="acrossMm">Across, mm.</param>
    /// <param name="downstreamMm">Downstream, mm.</param>
    /// <returns>(X, Y) in the instrument frame, mm.</returns>
    public (double XMm, double YMm) ToInstrument(double acrossMm, double downstreamMm)
    {
        double theta = RotationDegrees * Math.PI / 180;
        double c = Math.Cos(theta);
        double s = Math.Sin(theta);
        double u = acrossMm - OffsetAcrossMm;
        double v = downstreamMm - OffsetDownstreamMm;
        return (((c * u) + (s * v)) / Scale, ((-s * u) + (c * v)) / Scale);
    }
}

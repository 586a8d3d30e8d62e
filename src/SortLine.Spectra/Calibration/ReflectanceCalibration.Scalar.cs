using System.Diagnostics;

namespace SortLine.Spectra.Calibration;

/// <content>Scalar reference loop of the reflectance kernel (also the tail of the vector path).</content>
public sealed partial class ReflectanceCalibration
{
    /// <summary>destination[i] = (raw[i] - offset[i]) * inverseRange[i], in float.</summary>
    internal static void CalibrateScalar(ReadOnlySpan<ushort> raw, ReadOnlySpan<float> offset, ReadOnlySpan<float> inverseRange, Span<float> destination)
    {
        Debug.Assert(raw.Length == offset.Length && raw.Length == inverseRange.Length && raw.Length == destination.Length);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (raw[i] - offset[i]) * inverseRange[i];
        }
    }
}

using SortLine.Sensors.Swir;
using SortLine.Service.Options;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Smoothing;

namespace SortLine.Service.Line;

/// <summary>
/// Takes the dark and white references of a camera (methods brief §2.1: averaged lines through
/// <see cref="ReferenceFrameAccumulator"/>) and builds the line's <see cref="SpectralPreprocessing"/>; leaves the camera on
/// the belt view.
/// </summary>
internal static class CameraCalibration
{
    /// <summary>Lines skipped after a view change (they may still show the previous view).</summary>
    public const int SettleLines = 2;

    /// <summary>Calibrates the camera.</summary>
    /// <exception cref="Sensors.SensorFaultException">The camera failed while calibrating.</exception>
    public static async Task<SpectralPreprocessing> CalibrateAsync(ISwirCamera camera, SortingOptions sorting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(sorting);
        SwirCameraInfo info = camera.Info;
        var dark = new ReferenceFrameAccumulator(info.SpatialPixels, info.Bands);
        var white = new ReferenceFrameAccumulator(info.SpatialPixels, info.Bands);
        await AccumulateAsync(camera, CameraView.DarkShutter, dark, sorting.DarkLines, cancellationToken).ConfigureAwait(false);
        await AccumulateAsync(camera, CameraView.WhiteReference, white, sorting.WhiteLines, cancellationToken).ConfigureAwait(false);
        await camera.SelectViewAsync(CameraView.Belt, cancellationToken).ConfigureAwait(false);
        float[] wavelengths = [.. info.BandCentersNm.Select(w => (float)w)];
        return new SpectralPreprocessing(ReflectanceCalibration.Create(dark, white),
            new SavitzkyGolayPlan(sorting.SavitzkyGolayWindow, sorting.SavitzkyGolayOrder), wavelengths, sorting.BackgroundReflectanceThreshold);
    }

    private static async Task AccumulateAsync(ISwirCamera camera, CameraView view, ReferenceFrameAccumulator accumulator, int count,
        CancellationToken cancellationToken)
    {
        await camera.SelectViewAsync(view, cancellationToken).ConfigureAwait(false);
        int seen = 0;
        await foreach (SwirLine l in camera.ReadLinesAsync(cancellationToken).ConfigureAwait(false))
        {
            using (l)
            {
                if (seen++ >= SettleLines)
                {
                    accumulator.Add(l.Data);
                }
            }

            if (accumulator.LineCount >= count)
            {
                break;
            }
        }
    }
}

using SortLine.Sensors.Swir;
using SortLine.Service.Options;
using SortLine.Service.Workers;
using SortLine.Spectra.Calibration;
using SortLine.Spectra.Smoothing;

namespace SortLine.Service.Line;

/// <summary>
/// Takes the dark and white references of a camera (methods brief §2.1: averaged lines through
/// <see cref="ReferenceFrameAccumulator"/>) and builds the line's <see cref="SpectralPreprocessing"/>; leaves the camera on
/// the belt view. <see cref="CaptureReferenceAsync"/> and <see cref="WithReference"/> recalibrate one reference while the
/// line runs (an operator's CaptureDarkReference/CaptureWhiteReference): the new reference pairs with the current other one.
/// </summary>
internal static class CameraCalibration
{
    /// <summary>Lines skipped after a view change (they may still show the previous view).</summary>
    public const int SettleLines = 2;

    /// <summary>Calibrates the camera.</summary>
    /// <param name="camera">The connected camera.</param>
    /// <param name="sorting">Reference line counts and preprocessing settings.</param>
    /// <param name="connector">The camera's connector, whose read timeout watches the reads (a camera that hangs while
    /// calibrating is a timeout fault), or null to read without a timeout.</param>
    /// <param name="cancellationToken">Aborts the calibration.</param>
    /// <exception cref="Sensors.SensorFaultException">The camera failed (or, with a connector, delivered nothing for its
    /// read timeout) while calibrating.</exception>
    public static async Task<SpectralPreprocessing> CalibrateAsync(ISwirCamera camera, SortingOptions sorting, SensorConnector? connector,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(sorting);
        SwirCameraInfo info = camera.Info;
        var dark = new ReferenceFrameAccumulator(info.SpatialPixels, info.Bands);
        var white = new ReferenceFrameAccumulator(info.SpatialPixels, info.Bands);
        await AccumulateAsync(camera, connector, CameraView.DarkShutter, dark, sorting.DarkLines, cancellationToken).ConfigureAwait(false);
        await AccumulateAsync(camera, connector, CameraView.WhiteReference, white, sorting.WhiteLines, cancellationToken).ConfigureAwait(false);
        await camera.SelectViewAsync(CameraView.Belt, cancellationToken).ConfigureAwait(false);
        float[] wavelengths = [.. info.BandCentersNm.Select(w => (float)w)];
        return new SpectralPreprocessing(ReflectanceCalibration.Create(dark, white),
            new SavitzkyGolayPlan(sorting.SavitzkyGolayWindow, sorting.SavitzkyGolayOrder), wavelengths, sorting.BackgroundReflectanceThreshold);
    }

    /// <summary>
    /// Averages <paramref name="count"/> lines of a calibration view (after <see cref="SettleLines"/> settling lines) and
    /// points the camera back at the belt, also when the capture fails or is cancelled.
    /// </summary>
    /// <param name="camera">The connected camera; nobody else may read it meanwhile.</param>
    /// <param name="view">The reference view (<see cref="CameraView.DarkShutter"/> or <see cref="CameraView.WhiteReference"/>).</param>
    /// <param name="count">Lines to average (≥ 1).</param>
    /// <param name="connector">The camera's connector, whose read timeout watches the reads, or null to read without a timeout.</param>
    /// <param name="cancellationToken">Aborts the capture.</param>
    /// <returns>The accumulated reference.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is the belt, or <paramref name="count"/> is below 1.</exception>
    /// <exception cref="Sensors.SensorFaultException">The camera failed while capturing.</exception>
    public static async Task<ReferenceFrameAccumulator> CaptureReferenceAsync(ISwirCamera camera, CameraView view, int count,
        SensorConnector? connector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (view == CameraView.Belt)
        {
            throw new ArgumentOutOfRangeException(nameof(view), view, "A reference is the dark shutter or the white target.");
        }

        var reference = new ReferenceFrameAccumulator(camera.Info.SpatialPixels, camera.Info.Bands);
        try
        {
            await AccumulateAsync(camera, connector, view, reference, count, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await RestoreBeltViewAsync(camera).ConfigureAwait(false);
        }

        return reference;
    }

    /// <summary>A plan with one reference replaced: a new dark pairs with the plan's white frame, a new white with its dark frame.</summary>
    /// <param name="current">The plan in use.</param>
    /// <param name="view">Which reference <paramref name="reference"/> is.</param>
    /// <param name="reference">The new reference (same pixels and bands as the plan, at least one line).</param>
    /// <returns>The new plan (smoothing, wavelengths and thresholds unchanged).</returns>
    /// <exception cref="ArgumentException">The reference has other dimensions or no line.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="view"/> is the belt.</exception>
    public static SpectralPreprocessing WithReference(SpectralPreprocessing current, CameraView view, ReferenceFrameAccumulator reference)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(reference);
        ReflectanceCalibration calibration = current.Calibration;
        if (reference.Pixels != calibration.Pixels || reference.Bands != calibration.Bands || reference.LineCount < 1)
        {
            throw new ArgumentException("The reference does not match the line's camera geometry or holds no line.", nameof(reference));
        }

        double[] frame = new double[reference.Pixels * reference.Bands];
        reference.CopyMeanTo(frame);
        ReflectanceCalibration replaced = view switch
        {
            CameraView.DarkShutter => ReflectanceCalibration.FromReferenceFrames(calibration.Pixels, calibration.Bands, frame, calibration.WhiteFrame, calibration.DeadThresholdDn),
            CameraView.WhiteReference => ReflectanceCalibration.FromReferenceFrames(calibration.Pixels, calibration.Bands, calibration.DarkFrame, frame, calibration.DeadThresholdDn),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "A reference is the dark shutter or the white target."),
        };
        return current with { Calibration = replaced };
    }

    private static async Task RestoreBeltViewAsync(ISwirCamera camera)
    {
        try
        {
            // Not cancellable: the camera must not stay on a reference view after an aborted capture.
            await camera.SelectViewAsync(CameraView.Belt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Sensors.SensorFaultException)
        {
            // The camera is down; the reconnect after the fault starts again on the belt view (the acquisition selects it).
        }
    }

    private static async Task AccumulateAsync(ISwirCamera camera, SensorConnector? connector, CameraView view, ReferenceFrameAccumulator accumulator,
        int count, CancellationToken cancellationToken)
    {
        await camera.SelectViewAsync(view, cancellationToken).ConfigureAwait(false);
        int seen = 0;
        IAsyncEnumerable<SwirLine> lines = connector is null ? camera.ReadLinesAsync(cancellationToken) : connector.ReadAsync(camera.ReadLinesAsync, cancellationToken);
        await foreach (SwirLine l in lines.ConfigureAwait(false))
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

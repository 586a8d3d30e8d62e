using System.Numerics;
using SortLine.Simulators.Libs;

namespace SortLine.Simulators.Tests;

public sealed class LibsRegistrationTests
{
    [Fact]
    public void GetCalibrationTargets_ThroughConfiguredTransform_LandOnTheirSwirCoordinates()
    {
        SimulatedLibsSpectrometer libs = LibsRig.Burst();
        var camera = CameraRig.Burst();
        IReadOnlyList<LibsCalibrationTarget> targets = libs.GetCalibrationTargets(camera);
        Assert.Equal(5, targets.Count);
        foreach (LibsCalibrationTarget t in targets)
        {
            (double acrossMm, double downstreamMm) = libs.Frame.ToLine(t.LibsXMm, t.LibsYMm);
            (double swirAcrossMm, double swirDownstreamMm) = SwirToLine(camera, t);
            Assert.Equal(swirAcrossMm, acrossMm, 6);
            Assert.Equal(swirDownstreamMm, downstreamMm, 6);
            Assert.Equal(0.0, t.LibsYMm, 9);
        }
    }

    [Fact]
    public void GetCalibrationTargets_UmeyamaFit_RecoversScaleRotationAndOffset()
    {
        var frame = new LibsFrameTransform(0.97, -2.5, -12, 410);
        SimulatedLibsSpectrometer libs = LibsRig.Burst(new SimulatedLibsSpectrometerOptions { Frame = frame });
        var camera = CameraRig.Burst();
        IReadOnlyList<LibsCalibrationTarget> targets = libs.GetCalibrationTargets(camera);

        // 2-D Umeyama with complex numbers: w = a·l + t, a = s·e^{iθ}, least squares over the targets.
        Complex meanL = Complex.Zero;
        Complex meanW = Complex.Zero;
        var l = targets.Select(t => new Complex(t.LibsXMm, t.LibsYMm)).ToArray();
        var w = targets.Select(t => { var (x, y) = SwirToLine(camera, t); return new Complex(x, y); }).ToArray();
        for (int i = 0; i < l.Length; i++)
        {
            meanL += l[i] / l.Length;
            meanW += w[i] / w.Length;
        }

        Complex numerator = Complex.Zero;
        double denominator = 0;
        for (int i = 0; i < l.Length; i++)
        {
            numerator += (w[i] - meanW) * Complex.Conjugate(l[i] - meanL);
            denominator += (l[i] - meanL).Magnitude * (l[i] - meanL).Magnitude;
        }

        Complex a = numerator / denominator;
        Complex t0 = meanW - (a * meanL);
        Assert.Equal(frame.Scale, a.Magnitude, 9);
        Assert.Equal(frame.RotationDegrees, a.Phase * 180 / Math.PI, 7);
        Assert.Equal(frame.OffsetAcrossMm, t0.Real, 6);
        Assert.Equal(frame.OffsetDownstreamMm, t0.Imaginary, 6);
    }

    [Theory]
    [InlineData(1.0, 0.0, 0.0, 0.0)]
    [InlineData(1.02, 1.5, 15.0, 300.0)]
    [InlineData(0.5, -170.0, -40.0, 12.0)]
    public void ToInstrument_InvertsToLine(double scale, double degrees, double across, double downstream)
    {
        var frame = new LibsFrameTransform(scale, degrees, across, downstream);
        (double x, double y) = frame.ToInstrument(123.4, -56.7);
        (double a, double d) = frame.ToLine(x, y);
        Assert.Equal(123.4, a, 9);
        Assert.Equal(-56.7, d, 9);
    }

    /// <summary>The SWIR observation of a target, in the line frame at the moment the LIBS hits it.</summary>
    private static (double AcrossMm, double DownstreamMm) SwirToLine(Swir.SimulatedSwirCamera camera, LibsCalibrationTarget t)
    {
        double fieldStart = camera.PixelAcrossMetres(0) - (camera.PixelPitchMetres / 2);
        double acrossMm = (fieldStart + ((t.SwirPixel + 0.5) * camera.PixelPitchMetres)) * 1000;
        double downstreamMm = (t.LibsEncoderCounts - t.SwirEncoderCounts) / 10_000.0 * 1000;
        return (acrossMm, downstreamMm);
    }
}

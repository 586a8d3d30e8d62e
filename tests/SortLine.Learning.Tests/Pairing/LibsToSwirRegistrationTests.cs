using SortLine.Learning.Pairing;
using SortLine.Sensors.Encoder;

namespace SortLine.Learning.Tests.Pairing;

public class LibsToSwirRegistrationTests
{
    private const double Pitch = 2.5;
    private static readonly EncoderScale Scale = new(10_000); // 0.1 mm per count
    private static readonly double Angle = 3.0 * Math.PI / 180.0;
    private const double S = 1.01, Tx = 480.0, Ty = 850.0;

    /// <summary>Targets of the known transform, with Gaussian noise of <paramref name="noiseMm"/> on the SWIR side.</summary>
    private static List<RegistrationTarget> Targets(int count, double noiseMm, int seed)
    {
        var rng = new Random(seed);
        var targets = new List<RegistrationTarget>();
        for (int i = 0; i < count; i++)
        {
            double x = -200 + (400 * rng.NextDouble()), y = -30 + (60 * rng.NextDouble());
            (double across, double along) = Forward(x, y);
            across += noiseMm * Gaussian(rng);
            along += noiseMm * Gaussian(rng);
            var libsEncoder = new EncoderPosition(1_000_000 + (i * 7919));
            targets.Add(new RegistrationTarget(x, y, libsEncoder, across / Pitch, libsEncoder + (-Scale.ToCounts(along / 1000))));
        }

        return targets;
    }

    private static (double Across, double Along) Forward(double x, double y) =>
        ((S * ((Math.Cos(Angle) * x) - (Math.Sin(Angle) * y))) + Tx, (S * ((Math.Sin(Angle) * x) + (Math.Cos(Angle) * y))) + Ty);

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    [Fact]
    public void Estimate_NoisyTargets_RecoversRotationScaleAndOffset()
    {
        var options = new PairingOptions { SwirPixelPitchMm = Pitch };

        var registration = LibsToSwirRegistration.Estimate(Targets(12, 0.1, seed: 1), Scale, options);

        Assert.Equal(S, registration.Transform.Scale, 3e-3);
        Assert.Equal(Angle, registration.RotationRad, 2e-3);
        Assert.Equal(Tx, registration.Transform.Translation[0], 0.3);
        Assert.Equal(Ty, registration.Transform.Translation[1], 0.3);
        Assert.InRange(registration.RmsResidualMm, 0.05, 0.3); // ≈ 0.1 √2 ≈ 0.14 (plus encoder rounding)
        Assert.Equal(12, registration.TargetCount);
    }

    [Fact]
    public void Locate_NewSpot_GivesTheColumnAndLineOfTheTrueTransform()
    {
        var registration = LibsToSwirRegistration.Estimate(Targets(12, 0.05, seed: 2), Scale, new PairingOptions { SwirPixelPitchMm = Pitch });
        var libsEncoder = new EncoderPosition(5_000_000);

        SwirLocation location = registration.Locate(55.0, -12.0, libsEncoder);

        (double across, double along) = Forward(55.0, -12.0);
        Assert.Equal(across / Pitch, location.Column, 0.1);
        Assert.InRange(location.SwirEncoder.Counts, 5_000_000 - Scale.ToCounts(along / 1000) - 3, 5_000_000 - Scale.ToCounts(along / 1000) + 3);
    }

    [Fact]
    public void Estimate_ExactTargets_LocateReproducesEveryTarget()
    {
        List<RegistrationTarget> targets = Targets(5, 0, seed: 3);
        var registration = LibsToSwirRegistration.Estimate(targets, Scale, new PairingOptions { SwirPixelPitchMm = Pitch });

        foreach (RegistrationTarget t in targets)
        {
            SwirLocation location = registration.Locate(t.LibsXMm, t.LibsYMm, t.LibsEncoder);
            Assert.Equal(t.SwirColumn, location.Column, 2e-3); // the targets' encoder positions are quantised to 0.1 mm
            Assert.InRange(location.SwirEncoder - t.SwirEncoder, -1, 1); // encoder rounding of the target itself
        }
    }

    [Fact]
    public void Estimate_MismatchedTarget_RefusedWithResidual()
    {
        List<RegistrationTarget> targets = Targets(8, 0.05, seed: 4);
        targets[3] = targets[3] with { SwirColumn = targets[3].SwirColumn + 8 }; // 20 mm off

        var e = Assert.Throws<RegistrationException>(() =>
            LibsToSwirRegistration.Estimate(targets, Scale, new PairingOptions { SwirPixelPitchMm = Pitch }));

        Assert.Equal(RegistrationFailure.ResidualTooLarge, e.Reason);
        Assert.True(e.RmsResidualMm > 1.0);
    }

    [Fact]
    public void Estimate_TooFewTargets_Refused()
    {
        var e = Assert.Throws<RegistrationException>(() => LibsToSwirRegistration.Estimate(Targets(3, 0, seed: 5), Scale));

        Assert.Equal(RegistrationFailure.TooFewTargets, e.Reason);
    }

    [Fact]
    public void Estimate_CoincidentTargets_RefusedAsDegenerate()
    {
        RegistrationTarget t = Targets(1, 0, seed: 6)[0];

        var e = Assert.Throws<RegistrationException>(() => LibsToSwirRegistration.Estimate([t, t, t, t], Scale));

        Assert.Equal(RegistrationFailure.Degenerate, e.Reason);
    }

    [Fact]
    public void Options_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { SwirPixelPitchMm = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { MinRegistrationTargets = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { EdgeMaxSpectralAngleRad = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { EdgeWeight = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PairingOptions { HistoryLines = 0 });
    }
}

using System.Globalization;
using SortLine.Learning.Models;

namespace SortLine.Pipeline.Inference;

/// <summary>
/// When a pixel gets the reject class instead of its argmax class: the winning score is below
/// <see cref="MinWinningScore"/>, or it exceeds the runner-up by less than <see cref="MinMargin"/>, or the pixel has
/// too many dead detector cells (<see cref="MaxDeadBandFraction"/>), or its scores are not finite.
/// </summary>
/// <remarks>
/// <para>Scores are the student's PLS-DA predicted one-hot values (dimensionless, about 0..1), so
/// <see cref="MinWinningScore"/> = 0.5 and <see cref="MinMargin"/> = 0.1 are natural settings. With no score rule
/// (<see cref="float.NegativeInfinity"/>) every argmax is accepted; an exact tie is accepted (lowest index wins) unless
/// <see cref="MinMargin"/> is positive.</para>
/// <para>Dead pixels: a pixel with more than <see cref="MaxDeadBandFraction"/> · bands dead cells (white − dark at or below
/// the calibration's threshold; their reflectance is 0) is not classified at all: it gets the reject class with
/// confidence 0. The default 0.05 tolerates a few dead elements (the smoothing bridges them).</para>
/// </remarks>
public sealed class PixelRejectRule
{
    /// <summary>The default <see cref="MaxDeadBandFraction"/>.</summary>
    public const double DefaultMaxDeadBandFraction = 0.05;

    /// <summary>Creates a rule.</summary>
    /// <param name="rejectClass">The class id written for rejected pixels (0-255; e.g. 0 = background, or a dedicated unknown class).</param>
    /// <param name="minWinningScore">Smallest accepted winning score, or null for none.</param>
    /// <param name="minMargin">Smallest accepted best − second-best score (≥ 0), or null for none.</param>
    /// <param name="maxDeadBandFraction">Largest fraction of dead bands a classified pixel may have, in [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range or NaN.</exception>
    public PixelRejectRule(int rejectClass, float? minWinningScore = null, float? minMargin = null, double maxDeadBandFraction = DefaultMaxDeadBandFraction)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rejectClass, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rejectClass, byte.MaxValue);
        if (minWinningScore is { } s && !float.IsFinite(s))
        {
            throw new ArgumentOutOfRangeException(nameof(minWinningScore), s, "The minimum winning score must be finite (or null for none).");
        }

        if (minMargin is { } m && !(m >= 0 && float.IsFinite(m)))
        {
            throw new ArgumentOutOfRangeException(nameof(minMargin), m, "The minimum margin must be finite and ≥ 0 (or null for none).");
        }

        if (!(maxDeadBandFraction >= 0 && maxDeadBandFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxDeadBandFraction), maxDeadBandFraction, "The dead band fraction must be in [0, 1].");
        }

        RejectClass = (byte)rejectClass;
        MinWinningScore = minWinningScore ?? float.NegativeInfinity;
        MinMargin = minMargin ?? float.NegativeInfinity;
        MaxDeadBandFraction = maxDeadBandFraction;
    }

    /// <summary>Gets the class id written for rejected (and dead) pixels.</summary>
    public byte RejectClass { get; }

    /// <summary>Gets the smallest accepted winning score (<see cref="float.NegativeInfinity"/> when there is no score rule).</summary>
    public float MinWinningScore { get; }

    /// <summary>Gets the smallest accepted margin to the runner-up (<see cref="float.NegativeInfinity"/> when there is no margin rule).</summary>
    public float MinMargin { get; }

    /// <summary>Gets the largest fraction of dead bands a classified pixel may have.</summary>
    public double MaxDeadBandFraction { get; }

    /// <summary>Builds the rule of a student model (its reject class, minimum winning score and margin).</summary>
    /// <param name="rule">The model's rule.</param>
    /// <param name="maxDeadBandFraction">Largest fraction of dead bands a classified pixel may have.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static PixelRejectRule FromStudent(RejectRule rule, double maxDeadBandFraction = DefaultMaxDeadBandFraction)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new PixelRejectRule(rule.RejectClass, (float?)rule.MinWinningScore, (float?)rule.MinMargin, maxDeadBandFraction);
    }

    /// <summary>Whether a pixel with these two best scores is accepted (not rejected).</summary>
    /// <param name="best">The winning score.</param>
    /// <param name="second">The runner-up score (−∞ for a one-class model).</param>
    /// <returns>True when the argmax class stands.</returns>
    public bool Accepts(float best, float second) => best >= MinWinningScore && (best - second) >= MinMargin;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"reject → {RejectClass} when score < {MinWinningScore} or margin < {MinMargin} or dead bands > {MaxDeadBandFraction:P0}");
}

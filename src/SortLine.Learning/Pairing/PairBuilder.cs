using System.Globalization;
using SortLine.Learning.Teacher;
using SortLine.Sensors;
using SortLine.Sensors.Libs;

namespace SortLine.Learning.Pairing;

/// <summary>
/// Builds distillation pairs: a labelled LIBS point → its registered SWIR pixel → (SWIR spectrum, teacher label,
/// confidence, features, encoder, pixel, edge flag and weight). Counts the points it could not pair, per reason.
/// </summary>
/// <remarks>
/// <para><b>Lookup.</b> <see cref="LibsToSwirRegistration.Locate"/> gives the SWIR column and line encoder position; the
/// nearest pixel (column rounded half away from zero) of the nearest held line (<see cref="SwirLineHistory.TryFindNearest"/>,
/// within <see cref="PairingOptions.MaxLineOffsetMm"/>) supplies the spectrum.</para>
/// <para><b>Edge rule.</b> The pair is an edge pair when, within the (2r + 1) × (2r + 1) neighbourhood (r =
/// <see cref="PairingOptions.EdgeRadiusPixels"/>; neighbours are adjacent pixels of adjacent held lines), either
/// (a) a neighbour's foreground flag differs from the paired pixel's (only where both lines carried a mask), or
/// (b) the spectral angle arccos(a·b / (|a| |b|)) between the paired pixel's spectrum and a neighbour's exceeds
/// <see cref="PairingOptions.EdgeMaxSpectralAngleRad"/> (a zero spectrum counts as π/2 from anything). Neighbours
/// beyond the belt's pixels or outside the history are skipped, so a pixel at the border of the view is judged on the
/// neighbours it has. Rationale: a LIBS spot near a boundary ablates a mix (the teacher's label may be either side or
/// wrong) and registration errors of a pixel move it across; such pairs get <see cref="PairingOptions.EdgeWeight"/>.</para>
/// <para>Not thread-safe (it shares the history's single-threaded contract). Each successful pair allocates its
/// spectrum and feature arrays (the pair is handed to the training buffer).</para>
/// </remarks>
public sealed class PairBuilder
{
    private readonly LibsToSwirRegistration _registration;
    private readonly SwirLineHistory _history;
    private readonly long _maxOffsetCounts;
    private readonly int _radius;
    private readonly double _maxAngle;
    private readonly float[] _centre;
    private readonly double _edgeWeight;
    private readonly long[] _failures = new long[Enum.GetValues<PairingFailure>().Length];

    /// <summary>Creates the builder.</summary>
    /// <param name="registration">LIBS → SWIR registration.</param>
    /// <param name="history">The preprocessed SWIR lines.</param>
    /// <param name="options">Settings; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> or <paramref name="history"/> is null.</exception>
    public PairBuilder(LibsToSwirRegistration registration, SwirLineHistory history, PairingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(history);
        options ??= new PairingOptions();
        _registration = registration;
        _history = history;
        _maxOffsetCounts = registration.EncoderScale.ToCounts(options.MaxLineOffsetMm / 1000.0);
        _radius = options.EdgeRadiusPixels;
        _maxAngle = options.EdgeMaxSpectralAngleRad;
        _centre = new float[history.Bands];
        _edgeWeight = options.EdgeWeight;
    }

    /// <summary>Gets the number of pairs built.</summary>
    public long PairCount { get; private set; }

    /// <summary>Gets the number of pairs built that were flagged as edge pairs.</summary>
    public long EdgePairCount { get; private set; }

    /// <summary>Gets how many points failed for a reason.</summary>
    /// <param name="reason">A failure reason (not <see cref="PairingFailure.None"/>).</param>
    /// <returns>The count since construction.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is not a defined failure.</exception>
    public long GetFailureCount(PairingFailure reason)
    {
        if (reason == PairingFailure.None || !Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a failure reason.");
        }

        return _failures[(int)reason];
    }

    /// <summary>Pairs a labelled LIBS point.</summary>
    /// <param name="point">The LIBS shot (position in the instrument frame and stamp).</param>
    /// <param name="label">The teacher's label of it.</param>
    /// <param name="features">The raw LIBS features the label came from (copied into the pair).</param>
    /// <param name="pair">The pair, or null on failure.</param>
    /// <param name="failure">Why it failed, or <see cref="PairingFailure.None"/>.</param>
    /// <returns><see langword="true"/> when a pair was built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="point"/> is null.</exception>
    public bool TryBuild(LibsPoint point, TeacherLabel label, ReadOnlySpan<double> features, out TrainingPair? pair, out PairingFailure failure)
    {
        ArgumentNullException.ThrowIfNull(point);
        return TryBuild(point.ScanXMm, point.ScanYMm, point.Stamp, label, features, out pair, out failure);
    }

    /// <summary>Pairs a labelled LIBS spot given by its coordinates and stamp.</summary>
    /// <param name="scanXMm">Across-belt position in the LIBS frame, mm.</param>
    /// <param name="scanYMm">Along-belt position in the LIBS frame, mm.</param>
    /// <param name="stamp">The shot's stamp (encoder position and timestamp).</param>
    /// <param name="label">The teacher's label.</param>
    /// <param name="features">The raw LIBS features (copied into the pair).</param>
    /// <param name="pair">The pair, or null on failure.</param>
    /// <param name="failure">Why it failed, or <see cref="PairingFailure.None"/>.</param>
    /// <returns><see langword="true"/> when a pair was built.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The label's confidence is outside [0, 1] or its class is negative.</exception>
    public bool TryBuild(double scanXMm, double scanYMm, SampleStamp stamp, TeacherLabel label, ReadOnlySpan<double> features,
        out TrainingPair? pair, out PairingFailure failure)
    {
        if (label.Mineral < 0 || !(label.Confidence >= 0 && label.Confidence <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(label), label, "The label needs a class ≥ 0 and a confidence in [0, 1].");
        }

        pair = null;
        SwirLocation location = _registration.Locate(scanXMm, scanYMm, stamp.Encoder);
        double column = Math.Round(location.Column, MidpointRounding.AwayFromZero);
        if (!(column >= 0 && column < _history.Pixels))
        {
            return Fail(PairingFailure.OutsideSwirView, out failure);
        }

        if (!_history.TryFindNearest(location.SwirEncoder, _maxOffsetCounts, out long sequence, out failure))
        {
            return Fail(failure, out failure);
        }

        int pixel = (int)column;
        bool isEdge = IsEdge(sequence, pixel);
        pair = new TrainingPair(
            _history.GetSpectrum(sequence, pixel).ToArray(),
            label.Mineral,
            label.Confidence,
            features.ToArray(),
            _history.GetStamp(sequence).Encoder,
            stamp.Encoder,
            stamp.Timestamp,
            pixel,
            isEdge,
            isEdge ? _edgeWeight : 1.0);
        PairCount++;
        EdgePairCount += isEdge ? 1 : 0;
        return true;
    }

    /// <summary>The edge rule of the type remarks.</summary>
    internal bool IsEdge(long sequence, int pixel)
    {
        if (_radius == 0)
        {
            return false;
        }

        // A copy: a raw history computes spectra into one buffer, which the neighbours' look-ups reuse.
        Span<float> centre = _centre;
        _history.GetSpectrum(sequence, pixel).CopyTo(centre);
        bool centreMasked = _history.TryGetForeground(sequence, pixel, out bool centreForeground);
        for (long s = sequence - _radius; s <= sequence + _radius; s++)
        {
            if (!_history.Contains(s))
            {
                continue;
            }

            for (int p = Math.Max(0, pixel - _radius); p <= Math.Min(_history.Pixels - 1, pixel + _radius); p++)
            {
                if (s == sequence && p == pixel)
                {
                    continue;
                }

                if (centreMasked && _history.TryGetForeground(s, p, out bool foreground) && foreground != centreForeground)
                {
                    return true;
                }

                if (SpectralAngle(centre, _history.GetSpectrum(s, p)) > _maxAngle)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>arccos(a·b / (|a| |b|)) in radians, π/2 when either spectrum is all zero.</summary>
    internal static double SpectralAngle(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            aa += (double)a[i] * a[i];
            bb += (double)b[i] * b[i];
        }

        if (aa == 0 || bb == 0)
        {
            return Math.PI / 2;
        }

        return Math.Acos(Math.Clamp(dot / Math.Sqrt(aa * bb), -1.0, 1.0));
    }

    private bool Fail(PairingFailure reason, out PairingFailure failure)
    {
        failure = reason;
        _failures[(int)reason]++;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{PairCount} pairs ({EdgePairCount} edge), failures: too old {_failures[(int)PairingFailure.TooOld]}, not yet seen {_failures[(int)PairingFailure.NotYetSeen]}, no line {_failures[(int)PairingFailure.NoLineNearby]}, outside view {_failures[(int)PairingFailure.OutsideSwirView]}");
}
